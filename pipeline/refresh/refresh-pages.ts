/**
 * The section pages' site data (coverage, enforcement, prosecution, procedures and the ledger's
 * reports): one named query per file, every row parsed with the contract's schema before it is
 * written, as for the overview's files; and the shape of a site data file's rows.
 */
import type { z } from 'zod';
import type { Engine } from '../query/engine.ts';
import { QueryError } from '../../core/errors.ts';
import { PAGE_DATA, SITE_FILES, type PageDataName } from '../../core/contracts/site-data.ts';

/** A row of a site data file: every one belongs to a month. */
export type MonthRow = { period: string };

/** A row of a site data file that the province bundles cut by unit. */
export type LocatedRow = { period: string; province: string; status?: unknown };

export type WriteJson = (dir: string, file: string, value: unknown) => Promise<string>;

/** A site data file's rows, each with its JSON as the national file holds it (made once). */
export interface SiteTable<R extends MonthRow = LocatedRow> {
  rows: readonly R[];
  json: readonly string[];
}

export function siteTable<R extends MonthRow>(rows: readonly R[]): SiteTable<R> {
  return { rows, json: rows.map((row) => JSON.stringify(row)) };
}

/** The text a site data file holds for `value` (row files are written by refresh-write.ts). */
export const jsonText = (value: unknown): string => JSON.stringify(value);

async function parsedRows(
  engine: Engine,
  query: string,
  schema: z.ZodType<LocatedRow>,
): Promise<LocatedRow[]> {
  const { rows } = await engine.runNamed(query, shownMonths(engine));
  return rows.map((row, i) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      throw new QueryError(
        `queries/${query}.sql row ${i + 1} does not match the site data contract: ${parsed.error.message}`,
      );
    }
    return parsed.data;
  });
}

/**
 * The months the site shows, first to last with data: every query of the refresh is bounded by
 * them, so Athena's partition projection lists those months' locations only, not every month of
 * its range.
 */
export function shownMonths(engine: Pick<Engine, 'months'>): { from: string; to: string } {
  const from = engine.months[0];
  const to = engine.months.at(-1);
  if (from === undefined || to === undefined) throw new QueryError('the engine holds no months to refresh');
  return { from, to };
}

/**
 * Runs every page query; returns each file's rows (kept: those `keep` accepts, by default all),
 * for the file itself and the province bundles.
 */
export async function pageTables(
  engine: Engine,
  keep: (row: LocatedRow) => boolean = () => true,
): Promise<Map<string, SiteTable>> {
  const tables = new Map<string, SiteTable>();
  for (const name of Object.keys(PAGE_DATA) as PageDataName[]) {
    const { query, row } = PAGE_DATA[name];
    tables.set(SITE_FILES[name], siteTable((await parsedRows(engine, query, row)).filter(keep)));
  }
  return tables;
}
