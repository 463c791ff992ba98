/**
 * The queries of queries/ on Athena, over the Glue database `vss` whose tables carry the names of
 * the local DuckDB views: the text sent is the file's text, byte for byte, and parameters travel
 * as ExecutionParameters, never spliced in. Results have the DuckDB engine's shape, plus what the
 * scan cost.
 */
import { StartQueryExecutionCommand, type AthenaClient } from '@aws-sdk/client-athena';
import { QueryError, UsageError, VssError } from '../../../core/errors.ts';
import { QUERY_ERRORS } from '../../../core/messages/index.ts';
import { isPositional, type PositionalParams, type QueryParams, type QueryResult } from '../engine.ts';
import { countPlaceholders, loadNamedQuery, type NamedQuery } from '../named-query.ts';
import { createAthenaClient, type AthenaClientOptions } from './athena-client.ts';
import { toExecutionParameters } from './execution-parameters.ts';
import { readResults } from './read-results.ts';
import { waitForQuery, type PollOptions } from './wait-for-query.ts';

export interface AthenaStatistics {
  queryExecutionId: string;
  dataScannedBytes: number;
  engineExecutionMillis: number;
  totalExecutionMillis: number;
  pages: number;
}

export interface AthenaQueryResult extends QueryResult {
  statistics: AthenaStatistics;
}

export interface AthenaEngine {
  /**
   * Ad-hoc SQL: Athena binds only `?`, so the values bind in the order given (a list, or a
   * record's values in its order); the text goes as it is.
   */
  runQuery(sql: string, params?: QueryParams | PositionalParams): Promise<AthenaQueryResult>;
  /** A file of queries/ with its `?` bound in the order of its `-- params:` line. */
  runNamed(name: string, params?: QueryParams): Promise<AthenaQueryResult>;
  close(): void;
}

export interface AthenaEngineOptions {
  workGroup: string;
  /** Glue database. Default `vss`. */
  database?: string;
  /** Only needed when the workgroup does not enforce its own result location. */
  outputLocation?: string;
  /** A ready client (tests); otherwise one is made from clientOptions. */
  client?: AthenaClient;
  clientOptions?: AthenaClientOptions;
  queriesDir?: string;
  poll?: PollOptions;
  pageSize?: number;
}

async function start(
  client: AthenaClient,
  options: AthenaEngineOptions,
  sql: string,
  values: readonly (string | number)[],
): Promise<string> {
  try {
    const { QueryExecutionId } = await client.send(
      new StartQueryExecutionCommand({
        QueryString: sql,
        WorkGroup: options.workGroup,
        QueryExecutionContext: { Database: options.database ?? 'vss' },
        ...(options.outputLocation
          ? { ResultConfiguration: { OutputLocation: options.outputLocation } }
          : {}),
        ExecutionParameters: toExecutionParameters(values),
      }),
    );
    if (!QueryExecutionId) throw new QueryError('Athena started a query without an id');
    return QueryExecutionId;
  } catch (error) {
    if (error instanceof VssError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new QueryError(`Athena refused the query: ${message}`, { cause: error });
  }
}

export function openAthenaEngine(options: AthenaEngineOptions): AthenaEngine {
  const client = options.client ?? createAthenaClient(options.clientOptions);
  const cache = new Map<string, NamedQuery>();

  async function run(sql: string, values: readonly (string | number)[]): Promise<AthenaQueryResult> {
    const id = await start(client, options, sql, values);
    const execution = await waitForQuery(client, id, options.poll);
    const statementType = execution.StatementType;
    const result = await readResults(client, id, {
      pageSize: options.pageSize,
      headerRow: statementType === undefined || statementType === 'DML',
    });
    const stats = execution.Statistics;
    return {
      columns: result.columns,
      rows: result.rows,
      statistics: {
        queryExecutionId: id,
        dataScannedBytes: stats?.DataScannedInBytes ?? 0,
        engineExecutionMillis: stats?.EngineExecutionTimeInMillis ?? 0,
        totalExecutionMillis: stats?.TotalExecutionTimeInMillis ?? 0,
        pages: result.pages,
      },
    };
  }

  return {
    async runQuery(sql, params = {}) {
      const values = isPositional(params) ? params : Object.values(params);
      const placeholders = countPlaceholders(sql);
      if (placeholders !== values.length) {
        throw new UsageError(QUERY_ERRORS.placeholders(placeholders, values.length));
      }
      return run(sql, values);
    },
    async runNamed(name, params = {}) {
      let query = cache.get(name);
      if (!query) {
        query = await loadNamedQuery(name, options.queriesDir);
        cache.set(name, query);
      }
      return run(query.sql, query.bind(params));
    },
    close() {
      if (!options.client) client.destroy();
    },
  };
}
