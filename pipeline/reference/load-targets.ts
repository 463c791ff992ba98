/**
 * Loads a decision's targets file into the targets reference (targets.csv in the reference
 * folder, which the DuckDB engine, the ingest check and the deploy's Glue rows all read): checked
 * first (validate-targets.ts), then added beside every decision already there, so the history
 * keeps them all and the latest decision per unit-year is the one in force. A file with any
 * error leaves the reference as it was.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProvinces } from './provinces.ts';
import { parseTargetsCsv, TARGETS_FILE, targetsCsv } from './targets.ts';
import { validateTargetsFile, type TargetsFileResult } from './validate-targets.ts';

export async function loadTargetsFile(
  file: string,
  bytes: Uint8Array,
  referenceDir: string,
  options: { dryRun?: boolean } = {},
): Promise<TargetsFileResult> {
  const path = join(referenceDir, TARGETS_FILE);
  const loaded = parseTargetsCsv(readFileSync(path));
  const checked = await validateTargetsFile(file, bytes, loadProvinces(referenceDir), loaded);
  if (!checked.accepted || options.dryRun) return checked;
  const merged = loaded.with(checked.rows);
  // Written beside and renamed over, so a reader never sees half a file.
  writeFileSync(`${path}.new`, targetsCsv(merged.history()));
  renameSync(`${path}.new`, path);
  return checked;
}
