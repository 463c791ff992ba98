/**
 * What a materialising engine (the refresh) loads into memory: the datasets it names, the
 * summaries and the ledger, read through the file cache in the mirror; without a usable cache,
 * every file once, as the views would read them.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { DATASETS } from '../../core/datasets/index.ts';
import {
  globMatcher,
  LAKE_FILE_GLOB,
  LEDGER_FILE_GLOB,
  SUMMARY_FILE_GLOB,
} from '../../core/contracts/layout-globs.ts';
import { loadThroughCache, type CachedRelation } from './file-cache.ts';
import {
  datasetFiles,
  datasetSelectSql,
  datasetViewSql,
  summariesSelectSql,
  summariesViewSql,
  summaryFiles,
  uploadFiles,
  uploadsSelectSql,
  uploadsViewSql,
  type FileSource,
} from './views.ts';

// The paths, relative to each relation's folder, that the views' globs match.
const DATASET_FILE = globMatcher(LAKE_FILE_GLOB);
const SUMMARY_FILE = globMatcher(SUMMARY_FILE_GLOB);
const LEDGER_FILE = globMatcher(LEDGER_FILE_GLOB);

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

/**
 * Creates the relations named as in-memory tables (those with files), and views for the rest: the
 * views are not created first, since DuckDB lists every file of a glob when it binds a view.
 */
export async function materializeRelations(
  connection: DuckDBConnection,
  mirrorDir: string,
  materialized: (dataset: string) => boolean,
): Promise<void> {
  const named = Object.values(DATASETS).filter((d) => materialized(d.name));
  const cached = await loadThroughCache(connection, mirrorDir, cachedRelations(mirrorDir, materialized));
  const created = new Set(cached?.created ?? []);
  // Without a usable cache, every file once, as the views would read them (the ledger stays a view).
  const relation = cached ? 'VIEW' : 'TABLE';
  for (const dataset of named.filter((d) => !created.has(d.name))) {
    await connection.run(datasetViewSql(dataset, mirrorDir, relation));
  }
  if (!created.has('summaries')) await connection.run(summariesViewSql(mirrorDir, relation));
  if (!created.has('uploads')) await connection.run(uploadsViewSql(mirrorDir));
}
