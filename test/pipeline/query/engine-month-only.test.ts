import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../pipeline/query/engine.ts';
import { tempDir, writeLakeFile, writeLedgerRecord, type FixtureRow } from './engine-fixture.ts';

/** One employer owing `owed` of social insurance, the other columns plain. */
function debtor(taxCode: string, owed: number): FixtureRow {
  return {
    ma_so_thue: taxCode,
    ten_don_vi: `Công ty ${taxCode}`,
    no_bhxh: owed,
    no_bhyt: 0,
    no_bhtn: 0,
    so_thang_no: 7,
    da_thu_hoi: 0,
    so_lao_dong: 12,
    tinh_trang: 'cham_dong',
  };
}

// Three months of employer-level debt in two units; the refresh's engine holds only the last.
const MONTHS: Record<string, Record<string, FixtureRow[]>> = {
  '2026-08': { '01': [debtor('0100000001', 1_000)], '79': [debtor('0300000001', 2_000)] },
  '2026-09': { '01': [debtor('0100000001', 30_000), debtor('0100000002', 40_000)] },
  '2026-10': {
    '01': [debtor('0100000001', 500_000)],
    '79': [debtor('0300000001', 600_000), debtor('0300000002', 700_000)],
  },
};

describe('a dataset held for one month only', () => {
  let mirror: string;
  let whole: Engine;
  let oneMonth: Engine;
  beforeAll(async () => {
    mirror = tempDir('month-only');
    for (const [period, units] of Object.entries(MONTHS)) {
      for (const [province, rows] of Object.entries(units)) {
        await writeLakeFile(mirror, 'debt', period, province, rows);
        writeLedgerRecord(mirror, {
          dataset: 'debt',
          period,
          province,
          received_at: `${period}-28T00:00:00.000Z`,
        });
      }
    }
    whole = await openEngine({ mirrorDir: mirror, backfillSummaries: false });
    oneMonth = await openEngine({
      mirrorDir: mirror,
      backfillSummaries: false,
      monthOnly: { debt: '2026-10' },
    });
  });
  afterAll(() => {
    whole.close();
    oneMonth.close();
  });

  it('holds exactly that month’s rows, with the same values a view over every month gives', async () => {
    const sql = 'SELECT period, province, ma_so_thue, no_bhxh FROM vss.debt ORDER BY ALL';
    const held = (await oneMonth.runQuery(sql)).rows;
    const expected = Object.entries(MONTHS['2026-10'] ?? {}).flatMap(([province, rows]) =>
      rows.map((r) => ({ period: '2026-10', province, ma_so_thue: r.ma_so_thue, no_bhxh: r.no_bhxh })),
    );
    // '79' is an integer-like key, so Object.entries lists it before '01': order as the SQL does.
    expected.sort((a, b) => `${a.province}${a.ma_so_thue}`.localeCompare(`${b.province}${b.ma_so_thue}`));
    expect(held).toEqual(expected);
    const viewed = (await whole.runQuery(sql)).rows.filter((r) => r.period === '2026-10');
    expect(viewed).toEqual(held);
  });

  it('answers a named query of that month as the view does', async () => {
    const params = { geography: 'reported', period: '2026-10', province: '79' };
    const fromView = await whole.runNamed('police_coordination', params);
    const fromMonth = await oneMonth.runNamed('police_coordination', params);
    expect(fromMonth.rows.map((r) => r.ma_so_thue)).toEqual(['0300000002', '0300000001']);
    expect(fromMonth).toEqual(fromView);
  });

  it('still reports every month the ledger holds', () => {
    expect(oneMonth.months).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(whole.months).toEqual(oneMonth.months);
  });
});
