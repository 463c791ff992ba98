/**
 * How Athena keeps a view in the Glue catalog: a VIRTUAL_VIEW table whose original text is the
 * definition, base64 JSON, between the markers Athena writes itself when it runs CREATE VIEW.
 * Every view of the catalog (vss.targets, the lake datasets, vss.summaries) is written this way.
 */
import type { GlueColumn } from './glue-columns.ts';

/** Glue's column types as Trino names them inside a view's definition. */
const TRINO_OF_GLUE: Record<string, string> = {
  string: 'varchar',
  bigint: 'bigint',
  double: 'double',
  date: 'date',
};

export function prestoViewText(database: string, sql: string, columns: readonly GlueColumn[]): string {
  const definition = {
    originalSql: sql,
    catalog: 'awsdatacatalog',
    schema: database,
    columns: columns.map((c) => ({ name: c.name, type: TRINO_OF_GLUE[c.type] ?? c.type })),
    owner: 'vss-deploy',
    runAsInvoker: false,
    properties: {},
  };
  return `/* Presto View: ${Buffer.from(JSON.stringify(definition)).toString('base64')} */`;
}

/** The definition's SQL back from a view's original text (the stand-in and tests read it). */
export function prestoViewSql(originalText: string): string {
  const base64 = /^\/\* Presto View: ([A-Za-z0-9+/=]+) \*\/$/.exec(originalText)?.[1];
  if (!base64) throw new Error('not a Presto view text');
  return (JSON.parse(Buffer.from(base64, 'base64').toString('utf8')) as { originalSql: string }).originalSql;
}
