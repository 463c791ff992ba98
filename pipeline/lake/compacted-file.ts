/**
 * Writes a compacted object's file from its sources (compaction-sources.ts): the rows of every
 * per-province object read, with the province of its folder, and the rows the compacted object
 * already held for every other province, in one Parquet file sorted by province (each province's
 * rows in their order), zstd as the lake writes, its manifest inside (compacted-manifest.ts).
 * The columns are those of the files themselves, so no column list is written here.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  digestScheme,
  manifestOption,
  readManifest,
  rowsDigestSql,
  type CompactedManifest,
  type ProvinceEntry,
} from './compacted-manifest.ts';
import type { CompactionSources } from './compaction-sources.ts';
import { LAKE_PARQUET_OPTIONS } from './parquet-writer.ts';

let tableCounter = 0;
const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

export async function writeCompactedFile(
  connection: DuckDBConnection,
  sources: CompactionSources,
  out: string,
): Promise<{ provinces: number }> {
  const fresh = new Map(sources.provinces.map((p) => [p.province, p.entry]));
  const entries: Record<string, ProvinceEntry> = Object.fromEntries(fresh);
  const parts: string[] = [];
  if (sources.provinces.length > 0) {
    const files = sources.provinces.map((p) => quoteLiteral(p.path)).join(', ');
    parts.push(
      `SELECT * EXCLUDE (file_row_number), file_row_number AS file_row FROM read_parquet([${files}], ` +
        `hive_partitioning = true, hive_types = {'province': VARCHAR}, union_by_name = true, file_row_number = true)`,
    );
  }
  if (sources.compacted) {
    const kept = await readManifest(connection, sources.compacted.path);
    const others = Object.entries(kept.provinces).filter(([province]) => !fresh.has(province));
    for (const [province, entry] of others) entries[province] = entry;
    const list = others.map(([province]) => quoteLiteral(province)).join(', ') || 'NULL';
    parts.push(
      `SELECT * EXCLUDE (file_row_number), file_row_number AS file_row FROM ` +
        `read_parquet(${quoteLiteral(sources.compacted.path)}, file_row_number = true) WHERE province IN (${list})`,
    );
  }
  const table = `compacting_${process.pid}_${++tableCounter}`;
  try {
    await connection.run(`CREATE TEMP TABLE ${table} AS ${parts.join(' UNION ALL BY NAME ')}`);
    // Renumbered within each province, so the digest is the one a reader of the output computes.
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * EXCLUDE (file_row), ` +
        `row_number() OVER (PARTITION BY province ORDER BY file_row) AS file_row FROM ${table}`,
    );
    const digests = await connection.runAndReadAll(rowsDigestSql(table));
    const manifest: CompactedManifest = {
      digestScheme: digestScheme(),
      provinces: Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b))),
      digests: Object.fromEntries(digests.getRowsJS().map(([p, d]) => [String(p), String(d)])),
    };
    await connection.run(
      `COPY (SELECT * EXCLUDE (file_row) FROM ${table} ORDER BY province, file_row) TO ${quoteLiteral(out)} ` +
        `(${LAKE_PARQUET_OPTIONS}, ${manifestOption(manifest)})`,
    );
    return { provinces: Object.keys(entries).length };
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
  }
}
