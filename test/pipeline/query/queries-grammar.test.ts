import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nodeSqlParser from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { listNamedQueries, parseNamedQuery, queriesDir } from '../../../pipeline/query/named-query.ts';

const { Parser } = nodeSqlParser;
const names = await listNamedQueries();

/** DuckDB-only syntax the Trino grammar lets through (see TOOLING-FACTS.md). */
const DUCKDB_ONLY = [
  /::/,
  /\bFROM\s+'/i,
  /\bCOLUMNS\s*\(/i,
  /\bGROUP\s+BY\s+ALL\b/i,
  /\bQUALIFY\b/i,
  /\bEXCLUDE\b/i,
  /\[/,
];

describe('queries/*.sql', () => {
  it('holds the dashboard queries', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'national_monthly',
        'province_monthly',
        'province_ranking',
        'completeness',
        'national_figures',
        'measure_series',
        'outliers',
        'police_coordination',
        'prosecution_funnel',
      ]),
    );
  });

  it.each(names)('%s parses with the Trino grammar', (name) => {
    const sql = readFileSync(join(queriesDir(), `${name}.sql`), 'utf8');
    expect(() => new Parser().astify(sql, { database: 'trino' })).not.toThrow();
  });

  it.each(names)('%s uses no DuckDB-only syntax', (name) => {
    const sql = readFileSync(join(queriesDir(), `${name}.sql`), 'utf8');
    const code = sql.replace(/--[^\n]*/g, '');
    for (const pattern of DUCKDB_ONLY) expect(code).not.toMatch(pattern);
  });

  it.each(names)('%s has a header saying what it answers and its params', (name) => {
    const query = parseNamedQuery(name, readFileSync(join(queriesDir(), `${name}.sql`), 'utf8'));
    expect(query.description.length).toBeGreaterThan(40);
  });

  it('the grammar check does catch DuckDB-only syntax', () => {
    expect(() => new Parser().astify('SELECT * EXCLUDE (a) FROM t', { database: 'trino' })).toThrow();
  });
});

describe('parseNamedQuery', () => {
  it('binds parameters in the order of the header', () => {
    const q = parseNamedQuery('x', '-- x: a test\n-- params: b, a\nSELECT ? AS first, ? AS second');
    expect(q.bind({ a: 1, b: '2' })).toEqual(['2', 1]);
  });

  it('reads defaults from the header and lets a caller leave those parameters out', () => {
    const q = parseNamedQuery('x', '-- params: period, geography=reported\nSELECT ?, ?');
    expect(q.defaults).toEqual({ geography: 'reported' });
    expect(q.bind({ period: '2025-07' })).toEqual(['2025-07', 'reported']);
    expect(q.bind({ period: '2025-07', geography: 'current' })).toEqual(['2025-07', 'current']);
  });

  it('ignores question marks in strings and comments', () => {
    const q = parseNamedQuery(
      'x',
      "-- x: what's this?\n-- params: none\nSELECT '?' AS q /* ? */ -- it's ?\n",
    );
    expect(q.params).toEqual([]);
  });

  it('refuses a header that disagrees with the placeholders, and missing or unknown values', () => {
    expect(() => parseNamedQuery('x', '-- params: a\nSELECT 1')).toThrow(/placeholders/);
    expect(() => parseNamedQuery('x', 'SELECT 1')).toThrow(/params/);
    const q = parseNamedQuery('x', '-- params: a\nSELECT ?');
    expect(() => q.bind({})).toThrow(/needs the parameter a/);
    expect(() => q.bind({ a: 1, z: 2 })).toThrow(/no parameter z/);
  });

  it('binds a name that returns in the header at each of its placeholders, listing it once', () => {
    const sql = '-- params: period, geography=reported, period\nSELECT 1 WHERE a = ? AND b = ? AND c <= ?';
    const q = parseNamedQuery('x', sql);
    expect(q.params).toEqual(['period', 'geography']);
    expect(q.placeholders).toEqual(['period', 'geography', 'period']);
    expect(q.bind({ period: '2025-07' })).toEqual(['2025-07', 'reported', '2025-07']);
  });

  it('derives the comparison months from period, across a year end, and never takes them', () => {
    const sql = '-- params: period, previous_month, previous_year\nSELECT 1 WHERE a IN (?, ?, ?)';
    const q = parseNamedQuery('x', sql);
    expect(q.params).toEqual(['period']);
    expect(q.bind({ period: '2026-01' })).toEqual(['2026-01', '2025-12', '2025-01']);
    expect(q.bind({ period: '2025-07' })).toEqual(['2025-07', '2025-06', '2024-07']);
    expect(() => q.bind({ period: '2025-07', previous_month: '2025-01' })).toThrow(
      /no parameter previous_month/,
    );
    expect(() => q.bind({ period: '2025-13' })).toThrow(/period as YYYY-MM/);
  });
});
