/**
 * Per-province data bundles: for each of today's 34 units, data/provinces/<code>/ holds the site
 * data files with only that unit's rows (and, before 2025-07, the rows of the old units merged
 * into it, as reported, so the page can restate them), its police-coordination list and its
 * scope. In AWS a province user's reads are limited to its bundle; leadership reads everything.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Engine } from '../engine/engine.ts';
import { QueryError } from '../errors.ts';
import { LAKE_PREFIX, SUMMARIES_PREFIX } from '../layout.ts';
import { provinces, REFORM_FIRST_PERIOD } from '../reference/provinces.ts';
import {
  PROVINCE_FILES,
  provinceBundleDir,
  SITE_FILES,
  policeRow,
  type SiteMeta,
  type PoliceRow,
} from '../site-data.ts';
import type { WriteJson } from './refresh-pages.ts';

const located = z.object({ period: z.string(), province: z.string() }).passthrough();
type Located = z.infer<typeof located>;

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
  return `${LAKE_PREFIX}debt/period=${period}/`;
}

async function policeList(engine: Engine, code: string, period: string): Promise<PoliceRow[]> {
  const { rows } = await engine.runNamed('police_coordination', {
    province: code,
    period,
    geography: 'current',
  });
  return rows.map((row, i) => {
    const parsed = policeRow.safeParse(row);
    if (!parsed.success) {
      throw new QueryError(
        `queries/police_coordination.sql row ${i + 1} does not match the site data contract: ${parsed.error.message}`,
      );
    }
    return parsed.data;
  });
}

/**
 * Writes every current unit's bundle from the national files already in `outDir` (so a bundle can
 * never disagree with them), meta last in each; returns the paths written.
 */
export async function writeProvinceBundles(
  engine: Engine,
  opts: {
    outDir: string;
    latest: string;
    meta: SiteMeta;
    /** Whether the engine can read the latest month's debt detail (else the lists are empty). */
    withPolice: boolean;
  },
  writeJson: WriteJson,
): Promise<string[]> {
  const read = async (file: string): Promise<unknown> =>
    JSON.parse(await readFile(join(opts.outDir, file), 'utf8'));
  const national = new Map<string, Located[]>();
  for (const file of Object.values(SITE_FILES)) {
    if (file === SITE_FILES.meta || file === SITE_FILES.units || file === SITE_FILES.national) continue;
    national.set(file, z.array(located).parse(await read(file)));
  }
  const units = await read(SITE_FILES.units);
  const written: string[] = [];
  for (const unit of provinces().validIn(REFORM_FIRST_PERIOD)) {
    const dir = join(opts.outDir, provinceBundleDir(unit.code));
    await mkdir(dir, { recursive: true });
    const mine = belongsTo(unit.code);
    for (const [file, rows] of national) written.push(await writeJson(dir, file, rows.filter(mine)));
    const reports = national.get(SITE_FILES.reports) ?? [];
    const accepted = reports.filter((r) => mine(r) && r.status === 'accepted').length;
    written.push(
      // National figures are everyone's sums: a unit's bundle carries none.
      await writeJson(dir, SITE_FILES.national, []),
      await writeJson(dir, SITE_FILES.units, units),
      await writeJson(
        dir,
        PROVINCE_FILES.police,
        opts.withPolice ? await policeList(engine, unit.code, opts.latest) : [],
      ),
      await writeJson(dir, PROVINCE_FILES.scope, { province: unit.code }),
      await writeJson(dir, SITE_FILES.meta, { ...opts.meta, uploads_accepted: accepted }),
    );
  }
  return written;
}

/** Whether the mirror holds the month's employer-level debt (the police lists' only input). */
export function hasDebtMonth(mirrorDir: string, period: string): boolean {
  return existsSync(join(mirrorDir, debtMonthPrefix(period)));
}

/** The latest month with a debt summary in the mirror, whose detail the police lists need. */
export function latestDebtPeriod(mirrorDir: string): string | undefined {
  const dir = join(mirrorDir, SUMMARIES_PREFIX, 'debt');
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir)
    .map((name) => /^period=(\d{4}-\d{2})$/.exec(name)?.[1])
    .filter((p): p is string => p !== undefined)
    .sort()
    .at(-1);
}
