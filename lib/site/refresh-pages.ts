/**
 * The section pages' site data (coverage, enforcement, prosecution, procedures and the ledger's
 * reports): one named query per file, every row parsed with the contract's schema before it is
 * written, as for the overview's files.
 */
import type { z } from 'zod';
import type { Engine } from '../engine/engine.ts';
import { QueryError } from '../errors.ts';
import { PAGE_DATA, SITE_FILES, type PageDataName } from '../site-data.ts';

export type WriteJson = (dir: string, file: string, value: unknown) => Promise<string>;

async function parsedRows(engine: Engine, query: string, schema: z.ZodType): Promise<unknown[]> {
  const { rows } = await engine.runNamed(query);
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

/** Runs every page query and writes its file into `outDir`; returns the paths written. */
export async function writePageData(engine: Engine, outDir: string, writeJson: WriteJson): Promise<string[]> {
  const written: string[] = [];
  for (const name of Object.keys(PAGE_DATA) as PageDataName[]) {
    const { query, row } = PAGE_DATA[name];
    written.push(await writeJson(outDir, SITE_FILES[name], await parsedRows(engine, query, row)));
  }
  return written;
}
