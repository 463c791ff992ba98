/**
 * DuckDB in memory over the local mirror of the lake bucket: the `vss` schema that the queries
 * and analysts use, the same names the Athena database carries.
 */
import { createDuckDB } from '../lake/duckdb-instance.ts';
import type { Period } from '../../core/period.ts';
import type { ProvinceRegistry } from '../reference/provinces.ts';
import type { Targets } from '../../core/reference/targets.ts';
import { execute, type QueryResult } from './execute.ts';
import { loadNamedQuery, type NamedQuery } from './named-query.ts';
import { monthsRelation, referenceRelations } from './relations.ts';
import { createMonthsTable } from './reference-tables.ts';
import { ensureSummaries } from '../summary/backfill.ts';
import { DATASETS, type DatasetName } from '../../core/datasets/index.ts';
import { materializeRelations } from './materialize.ts';
import { datasetMonthFiles, datasetViewSql, summariesViewSql, uploadsViewSql } from './views.ts';

export type QueryParams = Readonly<Record<string, string | number>>;
/** Values for the `?` of a text, first to last: the only binding Athena has. */
export type PositionalParams = readonly (string | number)[];

export function isPositional(params: QueryParams | PositionalParams): params is PositionalParams {
  return Array.isArray(params);
}

export type { QueryResult } from './execute.ts';

export interface Engine {
  /**
   * Ad-hoc SQL; parameters are bound, never spliced into the text: a list to its `?` in order (the
   * form Athena runs too), a record to `$name` placeholders (DuckDB only).
   */
  runQuery(sql: string, params?: QueryParams | PositionalParams): Promise<QueryResult>;
  /** A file of queries/ with its `?` placeholders bound in the order of its `-- params:` line. */
  runNamed(name: string, params?: QueryParams): Promise<QueryResult>;
  /** The months vss.months holds, first to last. */
  readonly months: readonly Period[];
  close(): void;
}

export interface EngineOptions {
  mirrorDir: string;
  /** Months to report; default: from the first to the last month found in the lake and ledger. */
  range?: { from: Period; to: Period };
  registry?: ProvinceRegistry;
  /** The national targets; default: the mirror's copy of the lake's targets object (else the seed). */
  targets?: Targets;
  queriesDir?: string;
  /**
   * Load the datasets (all, or those named), the summaries and the ledger into memory once instead
   * of reading the files at every query, through the file cache in the mirror (file-cache.ts). A
   * dataset left out stays a view, read only if a query names it.
   */
  materialize?: boolean | readonly string[];
  /**
   * Datasets the engine holds for one month only, read into memory once from that month's files:
   * the refresh reads the employer-level debt of the latest month alone (its police lists), and a
   * view over every month would list and open each month's files again at every query.
   */
  monthOnly?: Readonly<Partial<Record<DatasetName, Period>>>;
  /**
   * Hold only these months of the materialised relations, and vss.months is them: the refresh
   * recomputing the months an upload changed reads those months' rows, not years of history.
   * Needs `materialize`; a cache of all history is used when there is one, never built for it.
   */
  onlyMonths?: readonly Period[];
  /** Compute the summaries a lake object lacks in the mirror first (default true). */
  backfillSummaries?: boolean;
  /** Sees each statement the queries send to DuckDB, with its bound values, as sent. */
  onStatement?: (sql: string, values: PositionalParams | QueryParams) => void;
}

export async function openEngine(options: EngineOptions): Promise<Engine> {
  if (options.backfillSummaries !== false) await ensureSummaries(options.mirrorDir);
  const instance = await createDuckDB();
  const connection = await instance.connect();
  await connection.run('SET parquet_metadata_cache = true');
  await connection.run('CREATE SCHEMA vss');
  const monthOnly = options.monthOnly ?? {};
  const materialized = (dataset: string) =>
    !(dataset in monthOnly) &&
    (options.materialize === true ||
      (Array.isArray(options.materialize) && options.materialize.includes(dataset)));
  for (const dataset of Object.values(DATASETS)) {
    const month = monthOnly[dataset.name];
    if (month !== undefined) {
      const files = datasetMonthFiles(dataset, options.mirrorDir, month);
      await connection.run(datasetViewSql(dataset, options.mirrorDir, 'TABLE', files));
    } else if (!materialized(dataset.name)) {
      await connection.run(datasetViewSql(dataset, options.mirrorDir));
    }
  }
  const only = options.onlyMonths ? [...options.onlyMonths].sort() : undefined;
  if (options.materialize) await materializeRelations(connection, options.mirrorDir, materialized, only);
  else {
    await connection.run(summariesViewSql(options.mirrorDir));
    await connection.run(uploadsViewSql(options.mirrorDir));
  }
  for (const relation of referenceRelations(options)) await relation.create(connection);
  // A refresh by month holds only its months; otherwise the range asked for, or the lake's.
  if (only) await createMonthsTable(connection, only);
  else await monthsRelation(options).create(connection);
  const monthRows = await execute(connection, 'SELECT period FROM vss.months ORDER BY period', []);
  const months = monthRows.rows.map((r) => String(r.period));
  const cache = new Map<string, NamedQuery>();

  const send = (sql: string, values: PositionalParams | QueryParams) => {
    options.onStatement?.(sql, values);
    return execute(connection, sql, isPositional(values) ? [...values] : { ...values });
  };

  return {
    months,
    runQuery: (sql, params = {}) => send(sql, params),
    async runNamed(name, params = {}) {
      let query = cache.get(name);
      if (!query) {
        query = await loadNamedQuery(name, options.queriesDir);
        cache.set(name, query);
      }
      return send(query.sql, query.bind(params));
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
