import { DATASETS, type DatasetName } from '../../../core/datasets/index.ts';
import { validateUpload, type ValidationResult } from '../../../pipeline/validate/index.ts';

/** A fixed "today" so period checks do not depend on when the tests run. */
export const NOW = new Date('2025-09-15T03:00:00Z');

export function csvOf(
  dataset: DatasetName,
  rows: Array<Record<string, string | number>>,
  delimiter = ',',
): string {
  const columns = DATASETS[dataset].columns;
  const quote = (v: string) => (/[",;\t\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    columns.map((c) => quote(c.vi)),
    ...rows.map((r) => columns.map((c) => quote(String(r[c.key] ?? '')))),
  ];
  return `${lines.map((l) => l.join(delimiter)).join('\n')}\n`;
}

export function validate(
  dataset: DatasetName,
  content: string | Uint8Array,
  where: { province?: string; period?: string } = {},
): Promise<ValidationResult> {
  const province = where.province ?? '48';
  const period = where.period ?? '2025-08';
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return validateUpload({
    bytes,
    key: `uploads/${dataset}/${period}/${province}/upload.csv`,
    location: { dataset, period, province, fileName: 'upload.csv' },
    receivedAt: '2025-09-10T01:02:03.000Z',
    now: NOW,
  });
}

export const debtRow = (
  overrides: Record<string, string | number> = {},
): Record<string, string | number> => ({
  ma_so_thue: '0101234567',
  ten_don_vi: 'Công ty TNHH Minh Phát',
  no_bhxh: '1.234.567',
  no_bhyt: 200000,
  no_bhtn: 0,
  so_thang_no: 4,
  da_thu_hoi: 0,
  so_lao_dong: 12,
  tinh_trang: 'chậm đóng',
  ...overrides,
});

export const rulesOf = (result: ValidationResult) => result.receipt.errors.map((e) => e.rule);
