/**
 * Both engines are sent the same text and the same values: named queries bind by the header's
 * names, ad-hoc SQL by position, and on each engine the statement is the given text, byte for
 * byte, with values bound, never spliced in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNamedQuery } from '../../../../pipeline/query/named-query.ts';
import { parseLiteral } from '../../../support/athena-stand-in/literals.ts';
import { openHarness, type Harness } from './athena-harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await openHarness({ pageSize: 50 });
});
afterAll(() => harness.close());

/** The last statement each engine sent: DuckDB's as the engine passed it, Athena's as the API got it. */
function lastSent() {
  const duckdb = harness.duckdbStatements.at(-1);
  const athena = harness.standIn.store.started.at(-1);
  return {
    duckdbSql: Buffer.from(duckdb?.sql ?? ''),
    duckdbValues: duckdb?.values,
    athenaSql: Buffer.from(athena?.QueryString ?? ''),
    athenaLiterals: athena?.ExecutionParameters,
  };
}

describe('named queries bind by name, the same on both engines', () => {
  it.each([
    ['province_ranking', { period: '2025-07', measure: 'debt_total', geography: 'current' }],
    ['police_coordination', { period: '2025-07', province: '08', geography: 'reported' }],
    ['completeness', { deadline_day: 15 }],
    ['measure_series', { measure: 'debt_total', province: '08', geography: 'current' }],
  ] as const)('%s: the file text and the header-ordered values', async (name, params) => {
    const duckdbRows = (await harness.duckdb.runNamed(name, params)).rows;
    const athenaRows = (await harness.athena().runNamed(name, params)).rows;
    const sent = lastSent();
    const query = await loadNamedQuery(name);
    expect(sent.duckdbSql.equals(Buffer.from(query.sql))).toBe(true);
    expect(sent.athenaSql.equals(sent.duckdbSql)).toBe(true);
    expect(sent.duckdbValues).toEqual(query.bind(params));
    expect(sent.athenaLiterals?.map(parseLiteral)).toEqual(sent.duckdbValues);
    expect(athenaRows).toEqual(duckdbRows);
  });

  it('keeps a province code text on both: 08 binds as the text 08, not the number 8', async () => {
    await harness.duckdb.runNamed('police_coordination', { period: '2025-07', province: '08' });
    await harness.athena().runNamed('police_coordination', { period: '2025-07', province: '08' });
    const sent = lastSent();
    expect(sent.duckdbValues).toContain('08');
    expect(sent.athenaLiterals).toContain("'08'");
  });
});

describe('ad-hoc SQL binds by position, the same on both engines', () => {
  const sql =
    'SELECT province, SUM(no_bhxh) AS bhxh FROM vss.debt WHERE period = ? AND province IN (?, ?) ' +
    'GROUP BY province ORDER BY province';

  it('sends the text unchanged with the values in order, and both give the sums of the scenario', async () => {
    const values = ['2025-06', '01', '08'];
    const duckdb = await harness.duckdb.runQuery(sql, values);
    const athena = await harness.athena().runQuery(sql, values);
    const sent = lastSent();
    expect(sent.duckdbSql.equals(Buffer.from(sql))).toBe(true);
    expect(sent.athenaSql.equals(Buffer.from(sql))).toBe(true);
    expect(sent.duckdbValues).toEqual(values);
    expect(sent.athenaLiterals).toEqual(["'2025-06'", "'01'", "'08'"]);
    // Hà Nội owes 100 + 50 + 0 of social insurance in June, Tuyên Quang 300.
    expect(duckdb.rows).toEqual([
      { province: '01', bhxh: 150 },
      { province: '08', bhxh: 300 },
    ]);
    expect(athena.rows).toEqual(duckdb.rows);
  });

  it('binds in the order given, whatever the names: a record goes by its values', async () => {
    const byRecord = await harness.athena().runQuery(sql, { b: '2025-06', a: '08', c: '01' });
    expect(harness.standIn.store.started.at(-1)?.ExecutionParameters).toEqual(["'2025-06'", "'08'", "'01'"]);
    expect(byRecord.rows.map((r) => r.province)).toEqual(['01', '08']);
  });

  it('carries Vietnamese text intact through both', async () => {
    const text = 'SELECT code FROM vss.provinces WHERE name_vi = ? AND valid_to IS NULL';
    const duckdb = await harness.duckdb.runQuery(text, ['Đà Nẵng']);
    const athena = await harness.athena().runQuery(text, ['Đà Nẵng']);
    expect(harness.standIn.store.started.at(-1)?.ExecutionParameters).toEqual(["'Đà Nẵng'"]);
    expect(duckdb.rows).toEqual([{ code: '48' }]);
    expect(athena.rows).toEqual(duckdb.rows);
  });
});
