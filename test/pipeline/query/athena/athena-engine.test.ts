/** The Athena engine's parameter quoting, polling, paging and errors, through the stand-in. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryError, UsageError } from '../../../../core/errors.ts';
import { fakeClock, openHarness, type Harness } from './athena-harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await openHarness({ pageSize: 3, queuedPolls: 2, runningPolls: 3 });
});
afterAll(() => harness.close());

const lastStart = () => harness.standIn.store.started.at(-1);

describe('parameters travel as SQL literals', () => {
  it('keeps a province code text and binds numbers bare', async () => {
    // Athena takes ? only in WHERE: the number must arrive bare to equal an integer there.
    const sql =
      'SELECT DISTINCT p.code FROM vss.provinces p WHERE p.code = ? AND CAST(p.code AS INTEGER) + 40 = ?';
    const result = await harness.athena().runQuery(sql, { code: '01', n: 41 });
    expect(lastStart()?.ExecutionParameters).toEqual(["'01'", '41']);
    expect(result.rows).toEqual([{ code: '01' }]);
  });

  it('filters by a text province code as DuckDB does', async () => {
    const sql =
      'SELECT period, COUNT(*) AS employers FROM vss.debt WHERE province = ? GROUP BY period ORDER BY period';
    const expected = await harness.duckdb.runQuery(sql, ['01']);
    const actual = await harness.athena().runQuery(sql, ['01']);
    expect(actual.rows).toEqual(expected.rows);
    expect(actual.rows).toEqual([
      { period: '2025-06', employers: 3 },
      { period: '2025-07', employers: 1 },
    ]);
  });

  it('escapes quotes, so a value cannot change the statement', async () => {
    const tricky = "Nhà 'Đỏ' ' OR '1'='1";
    // Unescaped, the value would end the literal and add OR '1'='1 to the filter.
    const sql = "SELECT DISTINCT p.code FROM vss.provinces p WHERE p.code = '01' AND ? = ? AND length(?) = ?";
    const values = { a: tricky, b: tricky, c: tricky, n: [...tricky].length };
    const result = await harness.athena().runQuery(sql, values);
    expect(lastStart()?.ExecutionParameters?.[0]).toBe(`'${tricky.replaceAll("'", "''")}'`);
    expect(result.rows).toEqual([{ code: '01' }]);
    expect((await harness.athena().runQuery(sql, { ...values, n: values.n + 1 })).rows).toEqual([]);
  });

  it('refuses a parameter count that does not match the placeholders before calling Athena', async () => {
    const before = harness.standIn.store.started.length;
    await expect(harness.athena().runQuery('SELECT ? AS a', {})).rejects.toBeInstanceOf(UsageError);
    expect(harness.standIn.store.started.length).toBe(before);
  });
});

describe('polling and paging', () => {
  it('polls with exponential backoff until the query succeeds', async () => {
    const clock = fakeClock();
    const states: (string | undefined)[] = [];
    const athena = harness.athena({
      poll: { sleep: clock.sleep, now: clock.now, onPoll: (state) => states.push(state) },
    });
    await athena.runQuery('SELECT 1 AS one');
    expect(states).toEqual(['QUEUED', 'QUEUED', 'RUNNING', 'RUNNING', 'RUNNING', 'SUCCEEDED']);
    expect(clock.slept).toEqual([200, 400, 800, 1600, 3200]);
  });

  it('caps the wait between polls', async () => {
    const clock = fakeClock();
    const athena = harness.athena({ poll: { sleep: clock.sleep, now: clock.now, maxDelayMs: 500 } });
    await athena.runQuery('SELECT 1 AS one');
    expect(clock.slept).toEqual([200, 400, 500, 500, 500]);
  });

  it('pages through results three rows at a time, the header only once', async () => {
    const sql = 'SELECT code, name_vi FROM vss.provinces ORDER BY code, valid_from';
    const expected = await harness.duckdb.runQuery(sql);
    const actual = await harness.athena().runQuery(sql);
    expect(expected.rows.length).toBeGreaterThan(90);
    expect(actual.rows).toEqual(expected.rows);
    expect(actual.statistics.pages).toBe(Math.ceil((expected.rows.length + 1) / 3));
    expect(actual.columns).toEqual([
      { name: 'code', type: 'varchar' },
      { name: 'name_vi', type: 'varchar' },
    ]);
  });

  it('converts Athena types: bigint, decimal, double, date, null', async () => {
    const sql =
      "SELECT SUM(no_bhxh) AS total, CAST(1.5 AS DECIMAL(10,2)) AS d, CAST(0.25 AS DOUBLE) * 2 AS f, DATE '2025-07-01' AS day, CAST(NULL AS VARCHAR) AS nothing FROM vss.debt";
    const result = await harness.athena().runQuery(sql);
    expect(result.columns.map((c) => c.type)).toEqual([
      'bigint',
      'decimal(10,2)',
      'double',
      'date',
      'varchar',
    ]);
    expect(result.rows).toEqual([
      { total: 100 + 50 + 300 + 60 + 200 + 500, d: 1.5, f: 0.5, day: '2025-07-01', nothing: null },
    ]);
  });

  it('reports the bytes scanned and the execution time', async () => {
    const result = await harness.athena().runQuery('SELECT COUNT(*) AS n FROM vss.debt');
    expect(result.statistics.dataScannedBytes).toBeGreaterThan(0);
    expect(result.statistics.engineExecutionMillis).toBeGreaterThanOrEqual(0);
    expect(result.statistics.queryExecutionId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('errors', () => {
  it("surfaces a failed query with Athena's reason", async () => {
    const failure = harness.athena().runQuery('SELEC 1');
    await expect(failure).rejects.toBeInstanceOf(QueryError);
    await expect(failure).rejects.toThrow(/FAILED: SYNTAX_ERROR: .*SELEC/);
  });

  it('names the missing column of a bad query', async () => {
    await expect(harness.athena().runQuery('SELECT nope FROM vss.debt')).rejects.toThrow(/FAILED: .*nope/);
  });

  it('stops a query that runs past the time limit and says so', async () => {
    const clock = fakeClock();
    const athena = harness.athena({ poll: { sleep: clock.sleep, now: clock.now, timeoutMs: 500 } });
    await expect(athena.runQuery('SELECT 2 AS two')).rejects.toThrow(/stopped after/);
    const stopped = harness.standIn.store.latest();
    expect(stopped?.request.QueryString).toBe('SELECT 2 AS two');
    expect(stopped?.cancelled).toBe(true);
  });
});
