import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { DATASETS, templateAt, versionAt } from '../../../core/datasets/index.ts';
import { TEMPLATE_TEXT } from '../../../core/messages/index.ts';
import { writeTemplate } from '../../../pipeline/template/write-template.ts';
import { validateUpload } from '../../../pipeline/validate/index.ts';
import { debtRow, rulesOf } from './validate-upload-helpers.ts';

const NOW = new Date('2026-11-15T03:00:00Z');
const V1_PERIOD = '2026-06';
const V2_PERIOD = '2026-07';
const PAID_OFF = 1500;

/** The two headers, written out here rather than taken from the definition. */
const V1_HEADER = [
  'Mã số thuế',
  'Tên đơn vị',
  'Nợ BHXH (đồng)',
  'Nợ BHYT (đồng)',
  'Nợ BHTN (đồng)',
  'Số tháng nợ',
  'Đã thu hồi trong tháng (đồng)',
  'Số lao động',
  'Tình trạng',
];
const V2_HEADER = [
  'Mã số thuế',
  'Tên đơn vị',
  'Khu vực kinh tế',
  'Nợ BHXH (đồng)',
  'Nợ BHYT (đồng)',
  'Nợ BHTN (đồng)',
  'Lãi chậm đóng (đồng)',
  'Số tháng nợ',
  'Đã thu hồi trong tháng (đồng)',
  'Số lao động',
  'Tính chất nợ',
  'Biện pháp xử lý',
];
const KEYS_V2 = [
  'ma_so_thue',
  'ten_don_vi',
  'khu_vuc',
  'no_bhxh',
  'no_bhyt',
  'no_bhtn',
  'lai_cham_dong',
  'so_thang_no',
  'da_thu_hoi',
  'so_lao_dong',
  'tinh_chat',
  'bien_phap',
];
const KEYS_V1 = [
  ...KEYS_V2.filter((k) => !['khu_vuc', 'lai_cham_dong', 'tinh_chat', 'bien_phap'].includes(k)),
  'tinh_trang',
];

const v2Row = (overrides: Record<string, string | number> = {}) => ({
  ...debtRow(),
  khu_vuc: 'doanh nghiệp ngoài nhà nước',
  lai_cham_dong: 15000,
  tinh_chat: 'trốn đóng',
  bien_phap: 'chuyển cơ quan công an',
  ...overrides,
});

function csv(header: string[], keys: string[], rows: Record<string, string | number>[]): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [header, ...rows.map((r) => keys.map((k) => String(r[k] ?? '')))];
  return `${lines.map((l) => l.map(quote).join(',')).join('\n')}\n`;
}

let tmp: string | undefined;
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function check(period: string, text: string, fast = false) {
  if (fast && !tmp) tmp = await mkdtemp(join(tmpdir(), 'vss-debt-v2-'));
  return validateUpload({
    bytes: new TextEncoder().encode(text),
    key: `uploads/debt/${period}/48/upload.csv`,
    location: { dataset: 'debt', period, province: '48', fileName: 'upload.csv' },
    receivedAt: '2026-11-10T01:02:03.000Z',
    now: NOW,
    ...(fast && tmp ? { fastPath: { tmpDir: tmp, minBytes: 0 } } : {}),
  });
}

describe('debt template versions per period', () => {
  it('puts version 1 before 2026-07 and version 2 from it', () => {
    expect(versionAt(DATASETS.debt, '2026-06')).toBe(1);
    expect(versionAt(DATASETS.debt, '2026-07')).toBe(2);
    expect(versionAt(DATASETS.debt, '2020-01')).toBe(1);
    expect(templateAt(DATASETS.debt, V1_PERIOD).columns.map((c) => c.vi)).toEqual(V1_HEADER);
    expect(templateAt(DATASETS.debt, V2_PERIOD).columns.map((c) => c.vi)).toEqual(V2_HEADER);
  });

  it('accepts a version-1 file for a version-1 month and a version-2 file for a version-2 month', async () => {
    const v1 = await check(V1_PERIOD, csv(V1_HEADER, KEYS_V1, [debtRow()]));
    expect(v1.receipt.errors).toEqual([]);
    expect(Object.keys(v1.rows[0] ?? {})).toEqual(KEYS_V1);
    const v2 = await check(V2_PERIOD, csv(V2_HEADER, KEYS_V2, [v2Row()]));
    expect(v2.receipt.errors).toEqual([]);
    expect(v2.rows[0]).toMatchObject({
      khu_vuc: 'non_state',
      lai_cham_dong: 15000,
      tinh_chat: 'evading',
      bien_phap: 'referred_police',
    });
    expect(v2.receipt.totals.lai_cham_dong).toBe(15000);
  });

  it('rejects a version-1 file for a version-2 month, naming the version and its columns in vi and en', async () => {
    const result = await check('2026-08', csv(V1_HEADER, KEYS_V1, [debtRow()]));
    expect(result.receipt.status).toBe('rejected');
    expect(result.receipt.errors).toHaveLength(1);
    const [error] = result.receipt.errors;
    expect(error).toMatchObject({ rule: 'file.wrong_version', expected: 'v2', found: 'v1', row: null });
    expect(error?.message_vi).toContain('phiên bản 2');
    expect(error?.message_vi).toContain('kỳ 2026-08');
    expect(error?.message_vi).toContain('"Khu vực kinh tế"');
    expect(error?.message_en).toContain('template version 2');
    expect(error?.message_en).toContain('"Employer\'s sector"');
  });

  it('rejects a version-2 file for a version-1 month', async () => {
    const result = await check(V1_PERIOD, csv(V2_HEADER, KEYS_V2, [v2Row()]));
    expect(rulesOf(result)).toEqual(['file.wrong_version']);
    expect(result.receipt.errors[0]).toMatchObject({ expected: 'v1', found: 'v2' });
    expect(result.receipt.errors[0]?.message_vi).toContain('"Tình trạng"');
  });

  it('refuses a sector outside the list', async () => {
    const result = await check(V2_PERIOD, csv(V2_HEADER, KEYS_V2, [v2Row({ khu_vuc: 'hộ kinh doanh' })]));
    expect(result.receipt.errors).toMatchObject([
      { rule: 'category.unknown', column: 'khu_vuc', row: 2, found: 'hộ kinh doanh' },
    ]);
  });

  it('accepts paid-off rows (no debt, recovered, no months) and refuses the other zero-debt rows', async () => {
    // Enough rows for the DuckDB path to take the file (fast-csv-plan.ts), on both paths.
    const zero = { no_bhxh: 0, no_bhyt: 0, no_bhtn: 0, lai_cham_dong: 0, so_thang_no: 0 };
    const paidOff = Array.from({ length: PAID_OFF }, (_, i) =>
      v2Row({ ...zero, ma_so_thue: `01000${String(i).padStart(5, '0')}`, da_thu_hoi: 5_000_000 + i }),
    );
    const bad = [
      v2Row({ ...zero, ma_so_thue: '0109999991', da_thu_hoi: 0 }),
      v2Row({ ...zero, ma_so_thue: '0109999992', so_thang_no: 2, da_thu_hoi: 5_000_000 }),
    ];
    for (const fast of [false, true]) {
      const result = await check(V2_PERIOD, csv(V2_HEADER, KEYS_V2, [...paidOff, ...bad]), fast);
      expect(result.receipt.errors).toMatchObject([
        { rule: 'rule.paid_off', row: PAID_OFF + 2, column: 'da_thu_hoi', expected: '> 0', found: '0' },
        { rule: 'rule.paid_off', row: PAID_OFF + 3, column: 'so_thang_no', expected: '0', found: '2' },
      ]);
      expect(result.receipt.errors[0]?.message_vi).toContain('đã trả hết nợ');
      expect(result.receipt.errors[0]?.message_en).toContain('paid everything off');
    }
    const good = await check(V2_PERIOD, csv(V2_HEADER, KEYS_V2, paidOff), true);
    expect(good.receipt.status).toBe('accepted');
    // The DuckDB path judged the rule in SQL and took the file.
    expect(good.lake?.rows).toBe(PAID_OFF);
    expect(good.receipt.totals.da_thu_hoi).toBe(PAID_OFF * 5_000_000 + ((PAID_OFF - 1) * PAID_OFF) / 2);
  });

  it('offers each period the template of its version', async () => {
    for (const [period, header] of [
      [V1_PERIOD, V1_HEADER],
      [V2_PERIOD, V2_HEADER],
    ] as const) {
      const workbook = new ExcelJS.Workbook();
      const bytes = await writeTemplate(templateAt(DATASETS.debt, period));
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
      const data = workbook.getWorksheet(TEMPLATE_TEXT.dataSheet.vi)!;
      expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(header);
    }
  });
});
