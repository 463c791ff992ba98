/**
 * Per-province data bundles: for each of today's 34 units, data/provinces/<code>/ holds the site
 * data files with only that unit's rows (and, before 2025-07, the rows of the old units merged
 * into it, as reported, so the page can restate them), its police-coordination list and its
 * scope. In AWS a province user's reads are limited to its bundle; leadership reads everything.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../query/engine.ts';
import { QueryError } from '../../core/errors.ts';
import {
  COMPACTED_FOLDER,
  lakeDatasetPrefix,
  lakeMonthPrefix,
  SUMMARIES_PREFIX,
} from '../../core/contracts/layout.ts';
import { parsePeriodFolder } from '../../core/contracts/layout-parse.ts';
import { provinces } from '../reference/provinces.ts';
import { REFORM_FIRST_PERIOD, type Period } from '../../core/period.ts';
import {
  NATIONAL_FILES,
  PROVINCE_FILES,
  provinceBundleDir,
  SITE_FILES,
  policeRow,
  type SiteMeta,
  type PoliceRow,
} from '../../core/contracts/site-data.ts';
import type { LocatedRow, SiteTable, WriteJson } from './refresh-pages.ts';
import { notAsRecorded } from './refresh-write.ts';

/** The rows of `currentCode`: its own from 2025-07, its predecessors' before. */
export function belongsTo(currentCode: string): (row: { period: string; province: string }) => boolean {
  const before = new Set(
    provinces()
      .predecessorsOf(currentCode)
      .map((u) => u.code),
  );
  return (row) =>
    row.period >= REFORM_FIRST_PERIOD ? row.province === currentCode : before.has(row.province);
}

/** Where the refresh finds the employer-level debt of a month (the police list's only input). */
export function debtMonthPrefix(period: string): string {
  return lakeMonthPrefix('debt', period);
}

/**
 * Every current unit's police-coordination list of `period`, read in one statement (on Athena one
 * scan of the month's debt, not one per unit) and cut per unit: the query returns the units one
 * after another, each in its list's order.
 */
async function policeLists(engine: Engine, period: string): Promise<Map<string, PoliceRow[]>> {
  const { rows } = await engine.runNamed('police_coordination', {
    province: 'all',
    period,
    geography: 'current',
  });
  const byUnit = new Map<string, PoliceRow[]>();
  rows.forEach((row, i) => {
    const parsed = policeRow.safeParse(row);
    if (!parsed.success) {
      throw new QueryError(
        `queries/police_coordination.sql row ${i + 1} does not match the site data contract: ${parsed.error.message}`,
      );
    }
    const list = byUnit.get(parsed.data.province) ?? [];
    list.push(parsed.data);
    byUnit.set(parsed.data.province, list);
  });
  return byUnit;
}

/** The current units each row belongs to (belongsTo, inverted: one pass over the rows, not 34). */
function ownersOf(): (row: LocatedRow) => readonly string[] {
  const current = provinces().validIn(REFORM_FIRST_PERIOD);
  const currentCodes = new Set(current.map((u) => u.code));
  const before = new Map<string, string[]>();
  for (const unit of current) {
    for (const old of provinces().predecessorsOf(unit.code)) {
      before.set(old.code, [...(before.get(old.code) ?? []), unit.code]);
    }
  }
  const none: readonly string[] = [];
  return (row) => {
    if (row.period < REFORM_FIRST_PERIOD) return before.get(row.province) ?? none;
    return currentCodes.has(row.province) ? [row.province] : none;
  };
}

/** The body of a JSON object without one of its members (present once), or undefined if absent. */
function without(body: string, member: string): string | undefined {
  const at = body.indexOf(member);
  if (at < 0) return undefined;
  const end = at + member.length;
  if (body[end] === ',') return body.slice(0, at) + body.slice(end + 1);
  return body.slice(0, Math.max(0, at - 1)) + body.slice(end); // the last member: its comma before
}

/**
 * A bundle's row as its files have always been written: period and province first, then the rest
 * in the national file's order. Cut from the row's national JSON: `"period":"…"` can only be that
 * member there, since quotes inside JSON strings are escaped.
 */
function bundleJson(row: LocatedRow, json: string): string {
  const period = `"period":${JSON.stringify(row.period)}`;
  const province = `"province":${JSON.stringify(row.province)}`;
  const withoutPeriod = without(json.slice(1, -1), period);
  const rest = withoutPeriod === undefined ? undefined : without(withoutPeriod, province);
  if (rest === undefined) {
    const { period: p, province: c, ...others } = row;
    return JSON.stringify({ period: p, province: c, ...others });
  }
  return `{${period},${province}${rest === '' ? '' : `,${rest}`}}`;
}

/**
 * Every current unit's rows of each file of `tables`, each row's JSON as the bundles hold it (period
 * and province first). Each row is assigned to its units and serialised once, so the work follows
 * the rows, not rows x units.
 */
export function cutByUnit(tables: ReadonlyMap<string, SiteTable>): Map<string, Map<string, SiteTable>> {
  const owners = ownersOf();
  const units = provinces().validIn(REFORM_FIRST_PERIOD);
  const cut = new Map<string, Map<string, SiteTable>>();
  for (const [file, table] of tables) {
    const byUnit = new Map<string, { rows: LocatedRow[]; json: string[] }>(
      units.map((u) => [u.code, { rows: [], json: [] }]),
    );
    for (let i = 0; i < table.rows.length; i++) {
      const row = table.rows[i];
      if (row === undefined) continue;
      const mine = owners(row);
      if (mine.length === 0) continue;
      const json = bundleJson(row, table.json[i] ?? JSON.stringify(row));
      for (const code of mine) {
        const part = byUnit.get(code);
        part?.rows.push(row);
        part?.json.push(json);
      }
    }
    cut.set(file, byUnit);
  }
  return cut;
}

/** Each current unit's accepted uploads among the reports rows given (its bundle's meta). */
export function acceptedByUnit(reports: SiteTable | undefined): Map<string, number> {
  const owners = ownersOf();
  const accepted = new Map<string, number>();
  for (const row of reports?.rows ?? []) {
    if (row.status !== 'accepted') continue;
    for (const code of owners(row)) accepted.set(code, (accepted.get(code) ?? 0) + 1);
  }
  return accepted;
}

/** A file left as the last refresh wrote it: it must be there. */
function keptFile(path: string): string {
  if (!existsSync(path)) throw notAsRecorded(path);
  return path;
}

/** Writes a row file of the bundles (whole, or only the months recomputed: refresh-write.ts). */
export type WriteTable = (dir: string, file: string, table: SiteTable) => Promise<string>;

/**
 * Writes every current unit's bundle from the rows of the national files (so a bundle can never
 * disagree with them), meta last in each; returns the paths written.
 */
export async function writeProvinceBundles(
  engine: Engine,
  opts: {
    outDir: string;
    latest: string;
    meta: SiteMeta;
    /** Whether the engine can read the latest month's debt detail (else the lists are empty). */
    withPolice: boolean;
    /** Whether the lists are read again (else they are as last written: nothing they read changed). */
    readPolice: boolean;
    /** The national files' rows (every SITE_FILES file but meta, units and national), as written. */
    tables: ReadonlyMap<string, SiteTable>;
    units: unknown;
    /** Each unit's accepted uploads of every month shown. */
    accepted: ReadonlyMap<string, number>;
  },
  writeTable: WriteTable,
  writeJson: WriteJson,
): Promise<string[]> {
  const units = provinces().validIn(REFORM_FIRST_PERIOD);
  const cut = cutByUnit(opts.tables);
  const police =
    opts.readPolice && opts.withPolice
      ? await policeLists(engine, opts.latest)
      : new Map<string, PoliceRow[]>();
  const written: string[] = [];
  for (const unit of units) {
    const dir = join(opts.outDir, provinceBundleDir(unit.code));
    mkdirSync(dir, { recursive: true });
    for (const [file, byUnit] of cut) {
      written.push(await writeTable(dir, file, byUnit.get(unit.code) ?? { rows: [], json: [] }));
    }
    written.push(
      // National figures are everyone's sums: a unit's bundle carries none.
      await writeJson(dir, SITE_FILES.national, []),
      await writeJson(dir, NATIONAL_FILES.comparisons, []),
      await writeJson(dir, NATIONAL_FILES.nationalApproved, []),
      await writeJson(dir, NATIONAL_FILES.comparisonsApproved, []),
      await writeJson(dir, NATIONAL_FILES.headline, []),
      await writeJson(dir, NATIONAL_FILES.headlineApproved, []),
      await writeJson(dir, SITE_FILES.units, opts.units),
      opts.readPolice
        ? await writeJson(dir, PROVINCE_FILES.police, police.get(unit.code) ?? [])
        : keptFile(join(dir, PROVINCE_FILES.police)),
      await writeJson(dir, PROVINCE_FILES.scope, { province: unit.code }),
      await writeJson(dir, SITE_FILES.meta, {
        ...opts.meta,
        uploads_accepted: opts.accepted.get(unit.code) ?? 0,
      }),
    );
  }
  return written;
}

/** The latest `period=<YYYY-MM>` folder in `dir`, if any. */
function latestPeriodFolder(dir: string): Period | undefined {
  if (!existsSync(dir)) return undefined;
  // A compacted month's folder sits below `compacted/` (layout.ts compactedLakeKey).
  const compacted = join(dir, COMPACTED_FOLDER);
  return [...readdirSync(dir), ...(existsSync(compacted) ? readdirSync(compacted) : [])]
    .map(parsePeriodFolder)
    .filter((p): p is string => p !== null)
    .sort()
    .at(-1);
}

/** The latest month with a debt summary in the mirror, whose detail the police lists need. */
export function latestDebtPeriod(mirrorDir: string): string | undefined {
  return latestPeriodFolder(join(mirrorDir, SUMMARIES_PREFIX, 'debt'));
}

/**
 * The latest month of employer-level debt in the mirror: the only debt detail the refresh reads
 * (its police lists, for the latest month, when that month has debt), so the engine holds it alone.
 */
export function latestDebtDetailPeriod(mirrorDir: string): Period | undefined {
  return latestPeriodFolder(join(mirrorDir, lakeDatasetPrefix('debt')));
}
