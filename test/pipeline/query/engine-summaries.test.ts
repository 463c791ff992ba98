/** Province-month summaries: the measures of a few rows by hand, and the mirror's backfill. */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEngine } from '../../../pipeline/query/engine.ts';
import { lakeKey, summaryKey } from '../../../core/contracts/layout.ts';
import { ensureSummaries } from '../../../pipeline/summary/backfill.ts';
import { MEASURE_NAMES, meetsArt216 } from '../../../core/measures.ts';
import { summarize } from '../../../pipeline/summary/summarize.ts';
import { tempDir, writeLakeFile } from './engine-fixture.ts';

const row = (
  no_bhxh: number,
  no_bhyt: number,
  so_thang_no: number,
  so_lao_dong: number,
  tinh_trang = 'late',
) => ({
  ma_so_thue: '0100000001',
  ten_don_vi: 'A',
  no_bhxh,
  no_bhyt,
  no_bhtn: 0,
  so_thang_no,
  da_thu_hoi: 5,
  so_lao_dong,
  tinh_trang,
});

describe('summarize', () => {
  it('names every measure once', () => {
    expect(new Set(MEASURE_NAMES).size).toBe(MEASURE_NAMES.length);
  });

  it('sums the debt measures of a province-month', () => {
    const rows = [row(40_000_000, 10_000_000, 6, 1), row(100, 0, 3, 20, 'evading'), row(0, 0, 8, 30)];
    const values = Object.fromEntries(summarize('debt', '2025-07', rows).map((e) => [e.measure, e.value]));
    expect(values).toEqual({
      debt_bhxh: 40_000_100,
      debt_bhyt: 10_000_000,
      debt_bhtn: 0,
      debt_total: 50_000_100,
      debt_3m_plus: 50_000_100,
      debt_evading: 100,
      arrears_recovered: 15,
      employers_owing: 2,
      debtors_3m_plus: 2,
      debtors_art216: 1, // 50,000,000 owed for 6 months; the third owes nothing
      employees_owed: 21,
      // by months overdue: 6 -> 6-12, 3 -> 3-6; sector and interest are not in version 1
      debt_age_lt3: 0,
      debt_age_3_6: 100,
      debt_age_6_12: 50_000_000,
      debt_age_12_plus: 0,
    });
  });

  it('sums a version-2 month: sectors, interest, nature over sued evaders, a paid-off row', () => {
    const v2 = (over: Record<string, string | number>) => {
      const { tinh_trang: _, ...base } = row(0, 0, 0, 0);
      return {
        ...base,
        khu_vuc: 'non_state',
        lai_cham_dong: 0,
        tinh_chat: 'late',
        bien_phap: 'none',
        ...over,
      };
    };
    const rows = [
      v2({ no_bhxh: 1_000, so_thang_no: 2, khu_vuc: 'fdi', lai_cham_dong: 7 }),
      v2({ no_bhxh: 20_000, so_thang_no: 13, tinh_chat: 'evading', bien_phap: 'sued', lai_cham_dong: 11 }),
      v2({ no_bhyt: 300, so_thang_no: 12, khu_vuc: 'public' }),
      v2({ da_thu_hoi: 9_000 }), // paid off this month
    ];
    const values = Object.fromEntries(summarize('debt', '2026-07', rows).map((e) => [e.measure, e.value]));
    expect(values).toMatchObject({
      debt_total: 21_300,
      debt_evading: 20_000,
      arrears_recovered: 5 + 5 + 5 + 9_000,
      employers_owing: 3,
      debt_age_lt3: 1_000,
      debt_age_3_6: 0,
      debt_age_6_12: 0,
      debt_age_12_plus: 20_300,
      debt_sector_state: 0,
      debt_sector_fdi: 1_000,
      debt_sector_non_state: 20_000,
      debt_sector_public: 300,
      debt_sector_other: 0,
      debt_interest: 18,
    });
  });

  it('applies the Art. 216 thresholds at their edges', () => {
    expect(meetsArt216(row(49_999_999, 0, 6, 9))).toBe(false);
    expect(meetsArt216(row(49_999_999, 0, 6, 10))).toBe(true);
    expect(meetsArt216(row(50_000_000, 0, 5, 100))).toBe(false);
  });

  it('refuses an amount beyond exact integers', () => {
    const huge = row(Number.MAX_SAFE_INTEGER, 0, 1, 1);
    expect(() => summarize('debt', '2025-07', [huge, huge])).toThrow(/too large/);
  });
});

describe('ensureSummaries', () => {
  it('computes missing summaries from the lake object and removes those whose object is gone', async () => {
    const mirror = tempDir('backfill');
    await writeLakeFile(mirror, 'debt', '2025-06', '01', [row(100, 20, 4, 1)]);
    await writeLakeFile(mirror, 'debt', '2025-06', '02', [row(7, 0, 1, 1)]);
    expect(await ensureSummaries(mirror)).toEqual({ written: 2, removed: 0 });
    expect(await ensureSummaries(mirror)).toEqual({ written: 0, removed: 0 });
    rmSync(join(mirror, lakeKey('debt', '2025-06', '02')));
    expect(await ensureSummaries(mirror)).toEqual({ written: 0, removed: 1 });
    expect(existsSync(join(mirror, summaryKey('debt', '2025-06', '02')))).toBe(false);

    const engine = await openEngine({ mirrorDir: mirror });
    try {
      const { rows } = await engine.runQuery(
        "SELECT period, province, value FROM vss.summaries WHERE measure = 'debt_total'",
      );
      expect(rows).toEqual([{ period: '2025-06', province: '01', value: 120 }]);
    } finally {
      engine.close();
    }
  });
});
