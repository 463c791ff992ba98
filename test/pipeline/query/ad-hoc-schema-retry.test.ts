/**
 * `vss query` runs a query again over every file's schema only when DuckDB says the files do not
 * share the first file's: the messages are pinned here by producing them with real Parquet files
 * of different columns, and a syntax error or an unknown function runs once.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { DATASETS, duckdbType, lakeColumns } from '../../../core/datasets/index.ts';
import { compactedLakeKey, lakeKey } from '../../../core/contracts/layout.ts';
import type { Period } from '../../../core/period.ts';
import { QueryError } from '../../../core/errors.ts';
import { openAdHocEngine } from '../../../pipeline/query/ad-hoc-engine.ts';
import { execute } from '../../../pipeline/query/execute.ts';
import { isSchemaMismatch } from '../../../pipeline/query/schema-mismatch.ts';
import { datasetViewSql } from '../../../pipeline/query/views.ts';
import { tempDir } from './engine-fixture.ts';

const leftOut = DATASETS.debt.columns.at(-1)?.key ?? '';

/**
 * A debt file of one row: every lake column, or every one but `leftOut` (an older template's);
 * `compacted`, the month's compacted object instead, its province a column.
 */
async function writeDebtFile(
  mirror: string,
  period: Period,
  withEvery: boolean,
  compacted = false,
): Promise<void> {
  const path = join(mirror, compacted ? compactedLakeKey('debt', period) : lakeKey('debt', period, '01'));
  mkdirSync(dirname(path), { recursive: true });
  const columns = lakeColumns(DATASETS.debt).filter((c) => withEvery || c.key !== leftOut);
  const select = [...(compacted ? [`'01' AS province`] : [])];
  select.push(
    ...columns.map((c) => {
      const type = duckdbType(c.type);
      const value = type === 'BIGINT' ? '7' : type === 'DATE' ? "DATE '2025-01-31'" : `'${c.key}'`;
      return `CAST(${value} AS ${type}) AS "${c.key}"`;
    }),
  );
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`COPY (SELECT ${select.join(', ')}) TO '${path}' (FORMAT parquet)`);
  connection.closeSync();
  instance.closeSync();
}

/** Two months of debt, the older template's file first (2025-01) or last (2025-02). */
async function mixedLake(olderPeriod: '2025-01' | '2025-02'): Promise<string> {
  const mirror = tempDir('schema-retry');
  await writeDebtFile(mirror, '2025-01', olderPeriod !== '2025-01');
  await writeDebtFile(mirror, '2025-02', olderPeriod !== '2025-02');
  return mirror;
}

describe("the first file's schema and compacted months", () => {
  it('a compacted month of an older template beside newer per-province files: no retry needed', async () => {
    // A compacted object keeps its month's template; its columns are read from every compacted
    // footer, so the view over the first per-province file's schema binds and reads it as NULL.
    const mirror = tempDir('schema-compacted');
    await writeDebtFile(mirror, '2025-01', false, true);
    await writeDebtFile(mirror, '2025-02', true);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run('CREATE SCHEMA vss');
      await connection.run(datasetViewSql(DATASETS.debt, mirror, 'VIEW', undefined, 'first'));
      const sql = `SELECT period, province, "${leftOut}" AS held FROM vss.debt ORDER BY period`;
      const rows = (await connection.runAndReadAll(sql)).getRowObjectsJS();
      expect(rows).toEqual([
        { period: '2025-01', province: '01', held: null },
        { period: '2025-02', province: '01', held: leftOut },
      ]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

describe('a lake with compacted months', () => {
  it("reads its few per-province files by every footer: a query runs once where the first file's schema fails", async () => {
    const mirror = tempDir('schema-compacted-open');
    await writeDebtFile(mirror, '2025-01', true, true);
    await writeDebtFile(mirror, '2025-02', true);
    await writeDebtFile(mirror, '2025-03', false);
    const { engine, attempts } = await countingEngine(mirror);
    try {
      const sql = `SELECT count(*) AS n, count("${leftOut}") AS held FROM vss.debt`;
      expect((await engine.runQuery(sql)).rows).toEqual([{ n: 3, held: 2 }]);
      expect(attempts).toEqual([sql]);
    } finally {
      engine.close();
    }
  });
});

/** What DuckDB says when the first file's schema is bound and the query reads every file. */
async function firstSchemaError(mirror: string): Promise<string> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run('CREATE SCHEMA vss');
    await connection.run(datasetViewSql(DATASETS.debt, mirror, 'VIEW', undefined, 'first'));
    await connection.runAndReadAll(`SELECT count("${leftOut}") AS n FROM vss.debt`);
    return '';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** An ad-hoc engine whose every attempt is counted. */
async function countingEngine(mirror: string) {
  const attempts: string[] = [];
  const engine = await openAdHocEngine({
    mirrorDir: mirror,
    execute: (connection, sql, values) => {
      attempts.push(sql);
      return execute(connection, sql, values);
    },
  });
  return { engine, attempts };
}

describe("DuckDB's schema-mismatch errors", () => {
  it('a later file lacking a column of the first: the glob mismatch', async () => {
    const message = await firstSchemaError(await mixedLake('2025-02'));
    expect(message).toMatch(
      new RegExp(
        `^Invalid Input Error: Failed to read file ".*": schema mismatch in glob: column "${leftOut}" was read from the original file ".*", but could not be found in file ".*2025-02.*"`,
      ),
    );
    expect(isSchemaMismatch(new QueryError(message))).toBe(true);
  });

  it('the first file lacking a column the view selects: the binder error of the view', async () => {
    const message = await firstSchemaError(await mixedLake('2025-01'));
    expect(message).toMatch(
      new RegExp(
        `^Binder Error: Column "${leftOut}" referenced that exists in the SELECT clause - but this column cannot be referenced before it is defined`,
      ),
    );
    expect(isSchemaMismatch(new Error('view', { cause: new Error(message) }))).toBe(true);
  });

  it('are not a syntax error, an unknown function or an unknown column', () => {
    for (const message of [
      'Parser Error: syntax error at or near "SELEC"',
      'Catalog Error: Scalar Function with name nofn does not exist!',
      'Binder Error: Referenced column "zz" not found in FROM clause!',
    ])
      expect(isSchemaMismatch(new QueryError(message)), message).toBe(false);
  });
});

describe('vss query retries', () => {
  it("a query a later file fails on the first file's schema: run again over every file", async () => {
    const { engine, attempts } = await countingEngine(await mixedLake('2025-02'));
    try {
      const sql = `SELECT count(*) AS n, count("${leftOut}") AS held FROM vss.debt`;
      expect((await engine.runQuery(sql)).rows).toEqual([{ n: 2, held: 1 }]);
      expect(attempts).toEqual([sql, sql]);
    } finally {
      engine.close();
    }
  });

  it("a view the first file's schema cannot make: made again over every file, the query run once", async () => {
    const { engine, attempts } = await countingEngine(await mixedLake('2025-01'));
    try {
      const sql = `SELECT count(*) AS n, count("${leftOut}") AS held FROM vss.debt`;
      expect((await engine.runQuery(sql)).rows).toEqual([{ n: 2, held: 1 }]);
      expect(attempts).toEqual([sql]);
    } finally {
      engine.close();
    }
  });

  it.each([
    ['a syntax error', 'SELEC count(*) FROM vss.debt', /Parser Error/],
    [
      'an unknown function',
      'SELECT no_such_function(no_bhxh) FROM vss.debt',
      /Catalog Error: Scalar Function/,
    ],
    [
      'an unknown column',
      'SELECT no_such_column FROM vss.debt',
      /Referenced column "no_such_column" not found/,
    ],
  ])('never %s: it runs once', async (_what, sql, expected) => {
    const { engine, attempts } = await countingEngine(await mixedLake('2025-02'));
    try {
      await expect(engine.runQuery(sql)).rejects.toThrow(expected);
      expect(attempts).toEqual([sql]);
    } finally {
      engine.close();
    }
  });
});
