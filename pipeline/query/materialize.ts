/**
 * What a materialising engine (the refresh) loads into memory: the datasets it names, the
 * summaries and the ledger, read through the file cache in the mirror; without a usable cache,
 * every file once, as the views would read them.
 */
import { join, relative, sep } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DATASETS } from '../../core/datasets/index.ts';
import {
  COMPACTED_LAKE_FILE_GLOB,
  COMPACTED_LEDGER_FILE_GLOB,
  COMPACTED_SUMMARY_FILE_GLOB,
  globMatcher,
  LAKE_FILE_GLOB,
  LEDGER_FILE_GLOB,
  SUMMARY_FILE_GLOB,
} from '../../core/contracts/layout-globs.ts';
import { LAKE_HELD, SUMMARY_HELD, visibleRowsSql } from './compacted-views.ts';
import { cacheExists, loadThroughCache, type CachedRelation } from './file-cache.ts';
import { mirrorFiles } from '../mirror/mirror-listing.ts';
import { periodOfKey } from '../../core/contracts/layout-parse.ts';
import {
  compactedUploadFiles,
  compactedUploadsSelectSql,
  datasetFiles,
  datasetSelectSql,
  datasetViewSql,
  quoteIdentifier,
  quoteLiteral,
  summariesSelectSql,
  summariesViewSql,
  summaryFiles,
  uploadFiles,
  uploadsSelectSql,
  uploadsViewSql,
  type FileSource,
} from './views.ts';

/** Either of two globs' paths. */
const either = (a: RegExp, b: RegExp) => new RegExp(`${a.source}|${b.source}`, 'u');

// The paths, relative to each relation's folder, that the views' globs match: per-province
// objects and the compacted ones (compacted-views.ts says which rows of each count).
const DATASET_FILE = either(globMatcher(LAKE_FILE_GLOB), globMatcher(COMPACTED_LAKE_FILE_GLOB));
const SUMMARY_FILE = either(globMatcher(SUMMARY_FILE_GLOB), globMatcher(COMPACTED_SUMMARY_FILE_GLOB));
const LEDGER_FILE = globMatcher(LEDGER_FILE_GLOB);
const COMPACTED_LEDGER_FILE = globMatcher(COMPACTED_LEDGER_FILE_GLOB);
/** The ledger's compacted months as a table of their own, named as Athena's table of them. */
const COMPACTED_UPLOADS = 'uploads_compacted';

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
      held: LAKE_HELD,
    }));
  return [
    ...datasets,
    {
      name: 'summaries',
      dir: summaryFiles(mirrorDir).dir,
      matches: SUMMARY_FILE,
      select: summariesSelectSql,
      held: SUMMARY_HELD,
    },
    { name: 'uploads', dir: uploadFiles(mirrorDir).dir, matches: LEDGER_FILE, select: uploadsSelectSql },
    {
      name: COMPACTED_UPLOADS,
      dir: compactedUploadFiles(mirrorDir).dir,
      matches: COMPACTED_LEDGER_FILE,
      select: compactedUploadsSelectSql,
    },
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
  months?: readonly string[],
): Promise<void> {
  const named = Object.values(DATASETS).filter((d) => materialized(d.name));
  const relations = cachedRelations(mirrorDir, materialized);
  // A few months without a cache (a new container): their files alone, no cache of all history.
  const cached =
    months && !cacheExists(mirrorDir, relations)
      ? { created: await loadMonths(connection, mirrorDir, relations, months) }
      : await loadThroughCache(connection, mirrorDir, relations, months);
  const created = new Set(cached?.created ?? []);
  // Without a usable cache, every file once, as the views would read them (the ledger stays a view).
  const relation = cached ? 'VIEW' : 'TABLE';
  for (const dataset of named.filter((d) => !created.has(d.name))) {
    await connection.run(datasetViewSql(dataset, mirrorDir, relation));
  }
  if (!created.has('summaries')) await connection.run(summariesViewSql(mirrorDir, relation));
  if (!created.has('uploads')) await connection.run(uploadsViewSql(mirrorDir));
  else if (created.has(COMPACTED_UPLOADS)) await addCompactedUploads(connection);
}

/**
 * The ledger's compacted months, loaded as a relation of their own (the file cache keeps it, so
 * a warm run reads none of them again): their records no JSON record stands for are added to
 * `vss.uploads`, as the view has them (views.ts uploadsUnionSql). Without JSON records at all,
 * `vss.uploads` is that view, over the compacted files.
 */
async function addCompactedUploads(connection: DuckDBConnection): Promise<void> {
  await connection.run(
    `INSERT INTO vss.uploads BY NAME SELECT c.* FROM vss.${COMPACTED_UPLOADS} c ` +
      `WHERE NOT EXISTS (SELECT 1 FROM vss.uploads u WHERE u.upload_id = c.upload_id)`,
  );
}

/**
 * Creates `vss.<name>` from the files of the given months only, read straight from the mirror.
 * Returns the names created: a relation without any file anywhere is left to its empty view.
 */
async function loadMonths(
  connection: DuckDBConnection,
  mirrorDir: string,
  relations: readonly CachedRelation[],
  months: readonly string[],
): Promise<string[]> {
  const wanted = new Set(months);
  const created: string[] = [];
  for (const relation of relations) {
    const prefix = `${relative(mirrorDir, relation.dir).split(sep).join('/')}/`;
    const all = [...mirrorFiles(mirrorDir, prefix, false).keys()].filter((key) =>
      relation.matches.test(key.slice(prefix.length)),
    );
    const mine = all.filter((key) => wanted.has(periodOfKey(key) ?? ''));
    // no file of these months: an empty table of the relation's columns, typed by any one file
    const files = mine.length > 0 ? mine : all.slice(0, 1);
    if (files.length === 0) continue;
    const select = relation.select({ files: files.map((key) => join(mirrorDir, key)), filename: true });
    const paths = `SELECT unnest([${files.map((key) => quoteLiteral(join(mirrorDir, key))).join(', ')}]) AS file`;
    const where = mine.length > 0 ? 'true' : 'false';
    const rows = relation.held
      ? visibleRowsSql(relation.held, `(${select})`, paths, where)
      : `SELECT * EXCLUDE (filename) FROM (${select}) WHERE ${where}`;
    await connection.run(`CREATE TABLE vss.${quoteIdentifier(relation.name)} AS ${rows}`);
    created.push(relation.name);
  }
  return created;
}
