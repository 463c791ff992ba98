/**
 * Every named query gives the same rows on Athena (through the stand-in) as on DuckDB, though the
 * stand-in's vss.months is the table the deploy writes for Athena (2015-2099) and DuckDB's holds
 * only the months of the data.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceTables } from '../../../../infra/reference-rows.ts';
import { provinces } from '../../../../pipeline/reference/provinces.ts';
import { listNamedQueries, loadNamedQuery, queriesDir } from '../../../../pipeline/query/named-query.ts';
import { scannedBytes } from '../../../support/athena-stand-in/executions.ts';
import { openHarness, type Harness } from './athena-harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await openHarness({ pageSize: 4 });
});
afterAll(() => harness.close());

/** A value for each parameter a query may take, in the scenario's months and units. */
const SAMPLES: Record<string, string | number> = {
  period: '2025-07',
  month: '2025-07',
  from: '2025-06',
  to: '2025-07',
  province: '08',
  measure: 'debt_total',
  geography: 'reported',
  dataset: 'debt',
  article: '216',
};

async function sampleParams(name: string): Promise<Record<string, string | number>> {
  const query = await loadNamedQuery(name);
  const params: Record<string, string | number> = {};
  for (const param of query.params) {
    if (param in query.defaults) continue;
    const sample = SAMPLES[param];
    if (sample === undefined) throw new Error(`add a sample value for the parameter ${param} of ${name}`);
    params[param] = sample;
  }
  return params;
}

describe('named queries on the Athena engine', async () => {
  const names = await listNamedQueries();

  it('covers every file of queries/', () => {
    expect(names.length).toBeGreaterThanOrEqual(4);
  });

  it("reads Athena's months table on the stand-in, and only the data's months on DuckDB", async () => {
    const sql = 'SELECT period FROM vss.months ORDER BY period';
    const athenaMonths = (await harness.athena().runQuery(sql)).rows.map((r) => r.period);
    const deployed = referenceTables(provinces()).find((t) => t.name === 'months');
    expect(athenaMonths).toEqual(deployed?.rows.map((r) => r.period));
    expect(athenaMonths).toHaveLength(85 * 12);
    expect((await harness.duckdb.runQuery(sql)).rows.map((r) => r.period)).toEqual(['2025-06', '2025-07']);
  });

  it.each(['completeness', 'measure_series', 'national_monthly'])(
    '%s answers for the months that hold data on both engines',
    async (name) => {
      const params = await sampleParams(name);
      const periods = (rows: Record<string, unknown>[]) => [...new Set(rows.map((r) => r.period))];
      expect(periods((await harness.athena().runNamed(name, params)).rows)).toEqual(['2025-06', '2025-07']);
      expect(periods((await harness.duckdb.runNamed(name, params)).rows)).toEqual(['2025-06', '2025-07']);
    },
  );

  it.each(names)('%s: same rows as DuckDB, and the file text sent byte for byte', async (name) => {
    const params = await sampleParams(name);
    const athena = harness.athena();
    const expected = await harness.duckdb.runNamed(name, params);
    const actual = await athena.runNamed(name, params);
    expect(actual.rows).toEqual(expected.rows);
    expect(actual.columns.map((c) => c.name)).toEqual(expected.columns.map((c) => c.name));

    const sent = harness.standIn.store.started.at(-1);
    const text = await readFile(`${queriesDir()}/${name}.sql`, 'utf8');
    expect(Buffer.from(sent?.QueryString ?? '').equals(Buffer.from(text))).toBe(true);
    expect(sent?.WorkGroup).toBe('vss-test');
    expect(sent?.Database).toBe('vss');

    const pages = Math.ceil((expected.rows.length + 1) / 4);
    expect(actual.statistics.pages).toBe(pages);
    expect(actual.statistics.dataScannedBytes).toBe(scannedBytes(harness.mirror, text));
  });
});
