/**
 * What a materialising engine (the refresh) loads into memory: the datasets it names, the
 * summaries and the ledger, read through the file cache in the mirror; without a usable cache,
 * every file once, as the views would read them.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { DATASETS } from '../datasets/index.ts';
import { loadThroughCache, type CachedRelation } from './file-cache.ts';
import {
  datasetFiles,
  datasetSelectSql,
  datasetViewSql,
  quoteIdentifier,
  summariesSelectSql,
  summariesViewSql,
  summaryFiles,
  uploadFiles,
  uploadsSelectSql,
  type FileSource,
} from './views.ts';

// The paths, relative to each relation's folder, that the views' globs match.
const DATASET_FILE = /^period=[^/]+\/province=[^/]+\/[^/]+\.parquet$/;
const SUMMARY_FILE = /^[^/]+\/period=[^/]+\/province=[^/]+\/summary\.parquet$/;
const LEDGER_FILE = /^[^/]+\/[^/]+\/[^/]+\/[^/]+\.json$/;

export function cachedRelations(
  mirrorDir: string,
  materialized: (dataset: string) => boolean,
): CachedRelation[] {
  const datasets = Object.values(DATASETS)
    .filter((d) => materialized(d.name))
    .map((d) => ({
      name: d.name,
      dir: datasetFiles(d, mirrorDir).dir,
      matches: DATASET_FILE,
      select: (source: FileSource) => datasetSelectSql(d, source),
    }));
  return [
    ...datasets,
    {
      name: 'summaries',
      dir: summaryFiles(mirrorDir).dir,
      matches: SUMMARY_FILE,
      select: summariesSelectSql,
    },
    { name: 'uploads', dir: uploadFiles(mirrorDir).dir, matches: LEDGER_FILE, select: uploadsSelectSql },
  ];
}

/** Replaces the views of the relations named with in-memory tables. */
export async function materializeRelations(
  connection: DuckDBConnection,
  mirrorDir: string,
  materialized: (dataset: string) => boolean,
): Promise<void> {
  const cached = await loadThroughCache(connection, mirrorDir, cachedRelations(mirrorDir, materialized));
  if (cached) return;
  for (const dataset of Object.values(DATASETS).filter((d) => materialized(d.name))) {
    await connection.run(`DROP VIEW vss.${quoteIdentifier(dataset.name)}`);
    await connection.run(datasetViewSql(dataset, mirrorDir, 'TABLE'));
  }
  await connection.run('DROP VIEW vss.summaries');
  await connection.run(summariesViewSql(mirrorDir, 'TABLE'));
}
