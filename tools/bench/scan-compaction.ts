/**
 * How much of what the refresh would scan is per-object overhead: every small Parquet object
 * carries its own footer, schema and page headers. A sample of closed months is rewritten as one
 * object per dataset-period (the compaction on record) and the bytes compared, so the share the
 * file count costs is measured rather than guessed. Athena also bills at least 10 MB a query,
 * which puts a floor under any scan share a small lake can reach.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { note } from './measure.ts';

/** Athena's minimum billed scan per query. */
export const ATHENA_MIN_SCAN_BYTES = 10 * 1024 * 1024;

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Parquet objects under a prefix, grouped by their period (the `period=` folder). */
async function byPeriod(dir: string): Promise<Map<string, string[]>> {
  const groups = new Map<string, string[]>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isFile() || !e.name.endsWith('.parquet')) continue;
    const path = join(e.parentPath, e.name);
    const period = /period=([^/]+)\//.exec(path.slice(dir.length))?.[1];
    // A month compacted already is one object: nothing left to sample of it.
    if (period === undefined || path.includes('/compacted/')) continue;
    groups.set(period, [...(groups.get(period) ?? []), path]);
  }
  return groups;
}

/**
 * Bytes of `periods` closed months under `dir` as they are, and rewritten as one object per
 * period (sorted by province, zstd, as the lake writes): the ratio applies to the rest.
 */
export async function compactionSample(
  dir: string,
  scratch: string,
  periods = 3,
): Promise<{ files: number; bytes: number; compactedBytes: number } | undefined> {
  const groups = [...(await byPeriod(dir))].sort(([a], [b]) => a.localeCompare(b)).slice(-periods - 1, -1);
  if (groups.length === 0) return undefined;
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  let files = 0;
  let bytes = 0;
  let compactedBytes = 0;
  try {
    for (const [period, paths] of groups) {
      for (const p of paths) bytes += (await stat(p)).size;
      files += paths.length;
      const target = join(scratch, `compacted-${period}.parquet`);
      await connection.run(
        `COPY (SELECT * FROM read_parquet([${paths.map(quote).join(', ')}], hive_partitioning = true, ` +
          `hive_types = {'period': VARCHAR, 'province': VARCHAR}) ORDER BY province) ` +
          `TO ${quote(target)} (FORMAT parquet, COMPRESSION zstd)`,
      );
      compactedBytes += (await stat(target)).size;
      await rm(target, { force: true });
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  note(
    `${dir}: ${groups.length} closed months, ${files} objects ${(bytes / 1e3).toFixed(0)} kB -> ` +
      `${groups.length} objects ${(compactedBytes / 1e3).toFixed(0)} kB compacted`,
  );
  return { files, bytes, compactedBytes };
}
