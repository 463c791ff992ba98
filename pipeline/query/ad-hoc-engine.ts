/**
 * The engine `vss query` opens for one query: the same `vss` schema as openEngine, but each
 * relation created the first time a query's text names it. A national aggregate over the debt
 * detail then opens the debt files alone, instead of every dataset's, the ledger's and the
 * summaries' files (and the range scan behind vss.months) before it starts.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type { Engine, EngineOptions, PositionalParams, QueryParams } from './engine.ts';
import { isPositional } from './engine.ts';
import { execute } from './execute.ts';
import { loadNamedQuery } from './named-query.ts';
import { mentionedNames, viewRelations, type VssRelation } from './relations.ts';
import { isSchemaMismatch } from './schema-mismatch.ts';
import type { SchemaMatch } from './views.ts';

export type AdHocEngine = Pick<Engine, 'runQuery' | 'runNamed' | 'close'>;

export type AdHocEngineOptions = Pick<
  EngineOptions,
  'mirrorDir' | 'range' | 'registry' | 'targets' | 'queriesDir' | 'backfillSummaries' | 'onStatement'
> & {
  /** What runs each attempt of a query on DuckDB (default execute); a test counts the attempts. */
  execute?: typeof execute;
};

function relationsByName(options: AdHocEngineOptions, schema: SchemaMatch): Map<string, VssRelation> {
  const byName = new Map<string, VssRelation>();
  for (const relation of viewRelations(options, schema)) {
    for (const name of relation.names) byName.set(name, relation);
  }
  return byName;
}

export async function openAdHocEngine(options: AdHocEngineOptions): Promise<AdHocEngine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run('SET parquet_metadata_cache = true');
  await connection.run('CREATE SCHEMA vss');
  // Views first take the first file's schema (no file opened but one at bind time); a query that
  // fails because a file does not have it (schema-mismatch.ts) runs again over views that read
  // every file's schema, as openEngine's do. Any other error is the query's: reported at once.
  const run = options.execute ?? execute;
  let schema: SchemaMatch = 'first';
  let byName = relationsByName(options, schema);
  const created = new Set<VssRelation>();

  const ensure = async (relation: VssRelation): Promise<void> => {
    if (created.has(relation)) return;
    for (const need of relation.needs) {
      const needed = byName.get(need);
      if (needed) await ensure(needed);
    }
    await relation.create(connection);
    created.add(relation);
  };

  const attempt = async (sql: string, values: PositionalParams | QueryParams) => {
    for (const name of mentionedNames(sql)) {
      const relation = byName.get(name);
      if (relation) await ensure(relation);
    }
    return run(connection, sql, isPositional(values) ? [...values] : { ...values });
  };

  const send = async (sql: string, values: PositionalParams | QueryParams) => {
    options.onStatement?.(sql, values);
    try {
      return await attempt(sql, values);
    } catch (error) {
      if (schema === 'union' || !isSchemaMismatch(error)) throw error;
      schema = 'union';
      byName = relationsByName(options, schema);
      // Every relation again, so no view of the first file's schema stays behind.
      created.clear();
      return attempt(sql, values);
    }
  };

  return {
    runQuery: (sql, params = {}) => send(sql, params),
    async runNamed(name, params = {}) {
      const query = await loadNamedQuery(name, options.queriesDir);
      return send(query.sql, query.bind(params));
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
