/**
 * Loads a decision's targets file into the lake's targets object (core/contracts/layout.ts
 * TARGETS_KEY), which the refresh, DuckDB and Athena's Glue table all read: checked first
 * (validate-targets.ts), then added beside every decision already there, so the history keeps them
 * all and the latest decision per unit-year is the one in force. The whole history is written as
 * one object by one PUT: a file with any error, or a check only, writes nothing.
 */
import { loadProvinces, referenceDir } from './provinces.ts';
import { targetsOf, type TargetsObject } from './targets-object.ts';
import { targetsParquet } from './targets-parquet.ts';
import { validateTargetsFile, type TargetsFileResult } from './validate-targets.ts';

export interface LoadTargetsOptions {
  dryRun?: boolean;
  /** The folder of the province registry (and of the seed); default: the project's reference/. */
  referenceDir?: string;
}

export async function loadTargetsFile(
  file: string,
  bytes: Uint8Array,
  object: TargetsObject,
  options: LoadTargetsOptions = {},
): Promise<TargetsFileResult> {
  const loaded = await targetsOf(object);
  const registry = loadProvinces(options.referenceDir ?? referenceDir());
  const checked = await validateTargetsFile(file, bytes, registry, loaded);
  if (!checked.accepted || options.dryRun) return checked;
  await object.write(await targetsParquet(loaded.with(checked.rows)));
  return checked;
}
