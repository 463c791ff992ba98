/**
 * The strict gate of the Athena stand-in refuses what Athena (engine 3) refuses, and the named
 * queries pass it: those of test/fixtures/queries-before/ (the texts before the rewrite) do not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toExecutionParameters } from '../../../../pipeline/query/athena/execution-parameters.ts';
import { listNamedQueries, loadNamedQuery, parseNamedQuery } from '../../../../pipeline/query/named-query.ts';
import { athenaRefusal } from '../../../support/athena-stand-in/dialect.ts';
import { structureRefusals } from '../../../support/athena-stand-in/dialect-ast.ts';

const BEFORE = join(import.meta.dirname, '../../../fixtures/queries-before');
const SAMPLES: Record<string, string> = { period: '2025-07', province: '08', measure: 'debt_total' };

async function sentParameters(name: string, sql?: string): Promise<string[]> {
  const query = sql === undefined ? await loadNamedQuery(name) : parseNamedQuery(name, sql);
  const given = Object.fromEntries(
    query.params.filter((p) => !(p in query.defaults)).map((p) => [p, SAMPLES[p] ?? 'x']),
  );
  return toExecutionParameters(query.bind(given)) ?? [];
}

describe('the queries before the rewrite', () => {
  const before = readdirSync(BEFORE).map((f) => f.replace(/\.sql$/, ''));

  it('are the seven named queries that took their parameters in a select list', () => {
    expect(before.sort()).toEqual([
      'completeness',
      'measure_series',
      'national_figures',
      'outliers',
      'police_coordination',
      'prosecution_funnel',
      'province_ranking',
    ]);
  });

  it.each(before)('%s is refused, with a ? outside WHERE', async (name) => {
    const sql = readFileSync(join(BEFORE, `${name}.sql`), 'utf8');
    const parameters = await sentParameters(name, sql);
    expect(athenaRefusal(sql, parameters)).toMatch(/^(NOT_SUPPORTED|SYNTAX_ERROR|TYPE_MISMATCH)/);
    const outside = structureRefusals(sql, parameters).filter((r) => r.includes('outside a WHERE'));
    expect(outside.length).toBeGreaterThan(0);
  });
});

describe('queries/*.sql now', async () => {
  const names = await listNamedQueries();
  it.each(names)('%s passes the strict gate', async (name) => {
    const query = await loadNamedQuery(name);
    expect(athenaRefusal(query.sql, await sentParameters(name))).toBeUndefined();
  });
});

describe('what the gate refuses', () => {
  it.each([
    ['SELECT ? AS x FROM vss.debt', ["'a'"], /outside a WHERE/],
    ['WITH g AS (SELECT CAST(? AS VARCHAR) AS p) SELECT * FROM g', ["'a'"], /outside a WHERE/],
    ['SELECT a FROM t JOIN u ON u.b = ?', ["'a'"], /outside a WHERE/],
    ["SELECT a FROM t WHERE b = '?'", ["'a'"], /inside quotes/],
    ['SELECT * EXCLUDE (a) FROM t', [], /SYNTAX_ERROR/],
    ['SELECT a FROM t GROUP BY ALL', [], /SYNTAX_ERROR/],
    ['SELECT a FROM t QUALIFY ROW_NUMBER() OVER () = 1', [], /SYNTAX_ERROR/],
    ['SELECT [1, 2] AS l FROM t', [], /list literals/],
    ['SELECT a::INTEGER FROM t', [], /'::' casts/],
    ["SELECT * FROM 'lake/debt.parquet'", [], /FROM 'file'/],
    ['SELECT COLUMNS(a) FROM t', [], /COLUMNS/],
    ["SELECT strftime(d, '%Y') FROM t", [], /Function 'strftime' not registered/],
    ['SELECT ifnull(a, 0) FROM t', [], /Function 'ifnull'/],
    ["SELECT concat(a, '-', b) FROM t", [], /concat returns NULL/],
    ['SELECT * FROM vss.debt WHERE province = 1', [], /varchar = integer/],
    ["SELECT * FROM vss.debt WHERE so_thang_no = '3'", [], /integer = varchar/],
    ['SELECT * FROM vss.summaries WHERE period = ?', ['202507'], /varchar = integer/],
    ['SELECT * FROM vss.debt WHERE province IN (1, 2)', [], /varchar IN integer/],
    ['SELECT * FROM vss.debt WHERE so_thang_no BETWEEN ? AND ?', ["'1'", "'2'"], /integer BETWEEN varchar/],
    ['SELECT FROM WHERE', [], /SYNTAX_ERROR/],
  ] as const)('%s', (sql, parameters, reason) => {
    expect(athenaRefusal(sql, parameters)).toMatch(reason);
  });

  it.each([
    ["SELECT a || '-' || b AS c FROM t WHERE d IN (?, ?)", ["'x'", "'y'"]],
    ['SELECT * FROM vss.debt WHERE so_thang_no >= CAST(? AS INTEGER)', ["'3'"]],
    ["SELECT '?' AS q FROM t", []],
    ["SELECT * FROM vss.summaries WHERE period BETWEEN ? AND ? AND province = '01'", ["'a'", "'b'"]],
    ['SELECT ARRAY[1, 2] AS a FROM t', []],
  ] as const)('lets through %s', (sql, parameters) => {
    expect(athenaRefusal(sql, parameters)).toBeUndefined();
  });
});
