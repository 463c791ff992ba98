import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, DATASET_NAMES, duckdbType, lakeColumns } from '../../../core/datasets/index.ts';
import { openEngine, type Engine } from '../../../pipeline/query/engine.ts';
import { convertCell } from '../../../pipeline/query/convert.ts';
import { ledgerColumns } from '../../../pipeline/query/views.ts';
import { QueryError } from '../../../core/errors.ts';
import { ledgerRecord } from '../../../core/contracts/ledger-record.ts';
import { tempDir, writeLakeFile, writeLedgerRecord } from './engine-fixture.ts';

describe('the vss schema over an empty mirror', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openEngine({ mirrorDir: tempDir('empty') });
  });
  afterAll(() => engine.close());

  it.each(DATASET_NAMES)('vss.%s is empty with the dataset columns, typed', async (name) => {
    const { rows } = await engine.runQuery(`DESCRIBE vss.${name}`);
    const expected = [
      ...lakeColumns(DATASETS[name]).map((c) => [c.key, duckdbType(c.type)]),
      ['period', 'VARCHAR'],
      ['province', 'VARCHAR'],
    ];
    expect(rows.map((r) => [r.column_name, r.column_type])).toEqual(expected);
    expect((await engine.runQuery(`SELECT count(*) AS n FROM vss.${name}`)).rows).toEqual([{ n: 0 }]);
  });

  it('has both generations of units and no months', async () => {
    const { rows } = await engine.runQuery(
      'SELECT generation, count(*) AS n, count(valid_to) AS ended FROM vss.provinces GROUP BY generation ORDER BY generation',
    );
    expect(rows).toEqual([
      { generation: '34', n: 34, ended: 0 },
      { generation: '63', n: 63, ended: 63 },
    ]);
    expect(engine.months).toEqual([]);
  });
});

describe('the vss schema over a mirror with data', () => {
  let engine: Engine;
  beforeAll(async () => {
    const mirror = tempDir('views');
    await writeLakeFile(mirror, 'prosecution', '2025-03', '01', [
      {
        ma_ho_so: 'A',
        dieu_luat: '216',
        ma_so_thue: '0100000001',
        ngay_gui: '2025-02-28',
        trang_thai: 'sent',
        so_tien: 9_000_000_000_000,
      },
    ]);
    writeLedgerRecord(mirror, {
      dataset: 'prosecution',
      period: '2025-03',
      province: '01',
      received_at: '2025-04-02T00:00:00.000Z',
    });
    engine = await openEngine({ mirrorDir: mirror });
  });
  afterAll(() => engine.close());

  it('keeps province codes as text and dates as YYYY-MM-DD', async () => {
    const { rows, columns } = await engine.runQuery(
      'SELECT province, period, ngay_gui, so_tien FROM vss.prosecution',
    );
    expect(rows).toEqual([
      { province: '01', period: '2025-03', ngay_gui: '2025-02-28', so_tien: 9_000_000_000_000 },
    ]);
    expect(columns.map((c) => c.type)).toEqual(['VARCHAR', 'VARCHAR', 'DATE', 'BIGINT']);
    expect(engine.months).toEqual(['2025-03']);
  });

  it('reads the ledger with the columns of the ledger record', async () => {
    const { rows } = await engine.runQuery('SELECT * FROM vss.uploads');
    expect(Object.keys(rows[0] ?? {})).toEqual(Object.keys(ledgerRecord.shape));
    expect(ledgerRecord.parse(rows[0])).toMatchObject({
      province: '01',
      status: 'accepted',
      supersedes: null,
    });
    expect(ledgerColumns().find((c) => c.name === 'bytes')?.type).toBe('BIGINT');
  });

  it('binds named parameters instead of splicing them', async () => {
    const sql = 'SELECT count(*) AS n FROM vss.prosecution WHERE province = $p';
    expect((await engine.runQuery(sql, { p: '01' })).rows).toEqual([{ n: 1 }]);
    expect((await engine.runQuery(sql, { p: "01' OR '1'='1" })).rows).toEqual([{ n: 0 }]);
  });

  it('turns sums into numbers and bad SQL into a QueryError', async () => {
    const { rows } = await engine.runQuery(
      'SELECT sum(so_tien) AS s, CAST(7 AS DECIMAL(18,0)) AS d FROM vss.prosecution',
    );
    expect(rows).toEqual([{ s: 9_000_000_000_000, d: 7 }]);
    await expect(engine.runQuery('SELEC 1')).rejects.toBeInstanceOf(QueryError);
    await expect(engine.runQuery('SELECT * FROM vss.nothing')).rejects.toThrow(/nothing/);
  });
});

describe('convertCell', () => {
  it('refuses integers JavaScript cannot hold exactly', () => {
    expect(convertCell(2n ** 53n - 1n, 'HUGEINT', 's')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => convertCell(2n ** 53n, 'HUGEINT', 's')).toThrow(QueryError);
    expect(convertCell(12n, 'BIGINT', 's')).toBe(12);
  });
});
