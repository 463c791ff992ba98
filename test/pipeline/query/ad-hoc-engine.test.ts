/**
 * The engine of `vss query` creates a relation only when a query names it; every query must still
 * give exactly the rows of the engine that creates the whole schema up front.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, DATASET_NAMES, duckdbType } from '../../../core/datasets/index.ts';
import { lakeKey } from '../../../core/contracts/layout.ts';
import { openAdHocEngine } from '../../../pipeline/query/ad-hoc-engine.ts';
import { openEngine, type Engine } from '../../../pipeline/query/engine.ts';
import { listNamedQueries, loadNamedQuery } from '../../../pipeline/query/named-query.ts';
import { mentionedNames } from '../../../pipeline/query/relations.ts';
import { tempDir, writeLakeFile } from './engine-fixture.ts';
import { writeScenario } from './engine-scenario.ts';

/** A value for every parameter the named queries take, within the scenario's two months. */
const PARAMS: Record<string, string | number> = {
  period: '2025-07',
  previous_month: '2025-06',
  previous_year: '2024-07',
  from: '2025-06',
  to: '2025-07',
  province: '08',
  measure: 'debt_total',
};

const AD_HOC = [
  `SELECT period, count(*) AS debtors, sum(no_bhxh + no_bhyt + no_bhtn) AS owed FROM vss.debt GROUP BY period ORDER BY period`,
  `SELECT d.province, p.name_vi, sum(d.no_bhxh) AS bhxh FROM vss.debt d JOIN vss.provinces p ON p.code = d.province GROUP BY ALL ORDER BY ALL`,
  `SELECT * FROM vss.months ORDER BY period`,
  `SELECT dataset, period, province, status FROM vss.uploads ORDER BY ALL`,
  `SELECT dataset, measure, period, sum(value) AS v FROM vss.summaries GROUP BY ALL ORDER BY ALL`,
  `SELECT count(*) AS n FROM vss.targets_history`,
  `SELECT m.period, count(c.period) AS rows FROM vss.months m LEFT JOIN vss."coverage" c USING (period) GROUP BY ALL ORDER BY ALL`,
  ...DATASET_NAMES.map((d) => `SELECT * FROM vss.${d} ORDER BY ALL`),
  ...DATASET_NAMES.map((d) => `DESCRIBE vss.${d}`),
];

let mirror: string;
let eager: Engine;

beforeAll(async () => {
  mirror = tempDir('ad-hoc');
  await writeScenario(mirror);
  // A third month of debt alone, so the months come from more than one dataset's range.
  await writeLakeFile(mirror, 'debt', '2025-08', '01', [{ ma_so_thue: '0100000009', no_bhxh: 7 }]);
  eager = await openEngine({ mirrorDir: mirror });
});
afterAll(() => eager.close());

describe('the ad-hoc engine', () => {
  it.each(AD_HOC)('gives the rows of the eager engine: %s', async (sql) => {
    const lazy = await openAdHocEngine({ mirrorDir: mirror });
    try {
      const expected = await eager.runQuery(sql);
      expect(expected.rows.length).toBeGreaterThan(0);
      expect(await lazy.runQuery(sql)).toEqual(expected);
    } finally {
      lazy.close();
    }
  });

  it('gives the rows of the eager engine for every named query', async () => {
    const names = await listNamedQueries();
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const query = await loadNamedQuery(name);
      const params = Object.fromEntries(query.params.filter((p) => p in PARAMS).map((p) => [p, PARAMS[p]!]));
      const lazy = await openAdHocEngine({ mirrorDir: mirror });
      try {
        expect(await lazy.runNamed(name, params), name).toEqual(await eager.runNamed(name, params));
      } finally {
        lazy.close();
      }
    }
  });

  it('creates only the relations a query names', async () => {
    const lazy = await openAdHocEngine({ mirrorDir: mirror });
    try {
      await lazy.runQuery('SELECT count(*) AS n FROM vss.debt');
      const { rows } = await lazy.runQuery(
        "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'vss' ORDER BY 1",
      );
      expect(rows).toEqual([{ t: 'debt' }]);
    } finally {
      lazy.close();
    }
  });

  it('reads every identifier-like word of a text as a name it may use', () => {
    expect([...mentionedNames('SELECT * FROM vss."Debt" JOIN vss.months -- uploads')]).toEqual(
      expect.arrayContaining(['debt', 'months', 'uploads', 'vss', 'select']),
    );
  });
});

/** A debt file of an older template: every column but `leftOut`, as the writer of that time wrote it. */
async function writeOlderDebtFile(mirror: string, period: string, leftOut: string): Promise<void> {
  const path = join(mirror, lakeKey('debt', period, '01'));
  mkdirSync(dirname(path), { recursive: true });
  const columns = DATASETS.debt.columns.filter((c) => c.key !== leftOut);
  const values = columns.map((c) =>
    duckdbType(c.type) === 'BIGINT'
      ? '7'
      : duckdbType(c.type) === 'DATE'
        ? "DATE '2025-01-31'"
        : `'${c.key}'`,
  );
  const select = columns.map((c, i) => `CAST(${values[i]} AS ${duckdbType(c.type)}) AS "${c.key}"`);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`COPY (SELECT ${select.join(', ')}) TO '${path}' (FORMAT parquet)`);
  connection.closeSync();
  instance.closeSync();
}

describe('the ad-hoc engine over files of an older template', () => {
  const leftOut = DATASETS.debt.columns.at(-1)?.key ?? '';
  // The older file sorts first (its schema is the one bound) or last (read after the others).
  it.each(['2025-01', '2025-12'])(
    'reads the older file of %s, its missing column as NULL, as the eager engine does',
    async (period) => {
      const mixed = tempDir('ad-hoc-older');
      await writeScenario(mixed);
      await writeOlderDebtFile(mixed, period, leftOut);
      const reference = await openEngine({ mirrorDir: mixed });
      const lazy = await openAdHocEngine({ mirrorDir: mixed });
      try {
        const sql = `SELECT period, province, "${leftOut}", no_bhxh FROM vss.debt ORDER BY ALL`;
        const expected = await reference.runQuery(sql);
        expect(expected.rows.filter((r) => r.period === period)).toEqual([
          { period, province: '01', [leftOut]: null, no_bhxh: 7 },
        ]);
        expect(await lazy.runQuery(sql)).toEqual(expected);
        expect(await lazy.runQuery(AD_HOC[0] ?? '')).toEqual(await reference.runQuery(AD_HOC[0] ?? ''));
      } finally {
        lazy.close();
        reference.close();
      }
    },
  );
});
