/**
 * The enforcement template's inspection types, inspection results and police-coordination
 * columns: a new file, an older file without them (NULL, not 0, from the upload to the lake and
 * Glue), and the rule that the three types add up to the inspections.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enforcement } from '../../../core/datasets/enforcement.ts';
import { isRequired } from '../../../core/datasets/index.ts';
import { datasetColumns } from '../../../infra/glue-columns.ts';
import { writeParquetFile } from '../../../pipeline/lake/parquet-writer.ts';
import { csvOf, validate } from './validate-upload-helpers.ts';

const OLD = [
  'so_cuoc_thanh_tra',
  'so_don_vi_duoc_thanh_tra',
  'so_don_vi_vi_pham',
  'so_quyet_dinh_xu_phat',
  'tien_phat',
  'tien_phat_da_thu',
];
const NEW = [
  'so_cuoc_theo_ke_hoach',
  'so_cuoc_dot_xuat',
  'so_cuoc_chuyen_nganh',
  'so_lao_dong_chua_tham_gia',
  'so_tien_dong_thieu',
  'so_tien_da_truy_thu',
  'so_don_vi_thu_hoi_cong_an',
  'so_tien_thu_hoi_cong_an',
];

const row = (o: Record<string, string | number> = {}) => ({
  so_cuoc_thanh_tra: 12,
  so_don_vi_duoc_thanh_tra: 90,
  so_don_vi_vi_pham: 14,
  so_quyet_dinh_xu_phat: 12,
  tien_phat: '310.000.000',
  tien_phat_da_thu: '200.000.000',
  so_cuoc_theo_ke_hoach: 7,
  so_cuoc_dot_xuat: 3,
  so_cuoc_chuyen_nganh: 2,
  so_lao_dong_chua_tham_gia: 75,
  so_tien_dong_thieu: '1.250.000.000',
  so_tien_da_truy_thu: '980.000.000',
  so_don_vi_thu_hoi_cong_an: 2,
  so_tien_thu_hoi_cong_an: '310.500.000',
  ...o,
});

/** The file an older template gives: its six columns only, headers as printed then. */
function oldTemplateCsv(): string {
  const columns = enforcement.columns.filter((c) => OLD.includes(c.key));
  const values = row();
  return `${columns.map((c) => `"${c.vi}"`).join(',')}\n${columns.map((c) => `"${values[c.key as keyof typeof values]}"`).join(',')}\n`;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-enforcement-results-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('enforcement: inspection types, results and police coordination', () => {
  it('the new columns are optional in the header, every older one stays required', () => {
    expect(enforcement.columns.filter((c) => !isRequired(c)).map((c) => c.key)).toEqual(NEW);
    expect(enforcement.columns.filter((c) => isRequired(c)).map((c) => c.key)).toEqual(OLD);
  });

  it('accepts a file of the new template with every figure read', async () => {
    const result = await validate('enforcement', csvOf('enforcement', [row()]));
    expect(result.receipt.status).toBe('accepted');
    expect(result.receipt.errors).toEqual([]);
    expect(result.receipt.warnings).toEqual([]);
    expect(result.rows[0]).toMatchObject({
      so_cuoc_theo_ke_hoach: 7,
      so_cuoc_dot_xuat: 3,
      so_cuoc_chuyen_nganh: 2,
      so_lao_dong_chua_tham_gia: 75,
      so_tien_dong_thieu: 1_250_000_000,
      so_tien_da_truy_thu: 980_000_000,
      so_don_vi_thu_hoi_cong_an: 2,
      so_tien_thu_hoi_cong_an: 310_500_000,
    });
    expect(result.receipt.totals).toMatchObject({
      so_cuoc_dot_xuat: 3,
      so_tien_thu_hoi_cong_an: 310_500_000,
    });
  });

  it('accepts an older file without the new columns, holding them as NULL (not 0) in the lake', async () => {
    const result = await validate('enforcement', oldTemplateCsv());
    expect(result.receipt.status).toBe('accepted');
    expect(result.receipt.errors).toEqual([]);
    expect(result.receipt.warnings).toEqual([]);
    // The receipt totals no figure the file did not carry, rather than a 0.
    expect(Object.keys(result.receipt.totals)).toEqual(OLD);
    const stored = result.rows[0] ?? {};
    expect(stored.so_cuoc_thanh_tra).toBe(12);
    for (const key of NEW) expect(stored[key], key).toBeNull();
    const file = join(dir, 'old-template.parquet');
    await writeParquetFile('enforcement', '2025-08', result.rows, file);
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    try {
      const schema = (await con.runAndReadAll(`DESCRIBE SELECT * FROM '${file}'`)).getRows();
      expect(schema.map((r) => [r[0], r[1]])).toEqual(enforcement.columns.map((c) => [c.key, 'BIGINT']));
      const nulls = NEW.map((k) => `count(${k})`).join(', ');
      const back = (
        await con.runAndReadAll(`SELECT sum(so_cuoc_thanh_tra)::INT, count(*)::INT, ${nulls} FROM '${file}'`)
      ).getRows();
      expect(back).toEqual([[12, 1, ...NEW.map(() => 0n)]]);
    } finally {
      con.closeSync();
      db.closeSync();
    }
  });

  it('gives Glue the new columns, in template order and as bigint', () => {
    const glue = datasetColumns('enforcement');
    expect(glue.map((c) => c.name)).toEqual([...OLD, ...NEW]);
    expect(new Set(glue.map((c) => c.type))).toEqual(new Set(['bigint']));
    expect(glue.find((c) => c.name === 'so_tien_thu_hoi_cong_an')?.comment).toBe(
      'Amount recovered through police coordination (VND)',
    );
  });

  it('rejects types that do not add up to the inspections, naming row, column, expected and found', async () => {
    const { receipt } = await validate(
      'enforcement',
      csvOf('enforcement', [row(), row({ so_cuoc_dot_xuat: 5 })]),
    );
    expect(receipt.status).toBe('rejected');
    expect(receipt.errors).toMatchObject([
      { row: 3, column: 'so_cuoc_thanh_tra', rule: 'rule.sum_equals', expected: '14', found: '12' },
    ]);
    const [error] = receipt.errors;
    expect(error?.message_vi).toContain('Số cuộc thanh tra theo kế hoạch');
    expect(error?.message_vi).toContain('Số cuộc thanh tra, kiểm tra');
    expect(error?.message_en).toContain('Unscheduled inspections');
    expect(error?.message_en).toContain('14');
  });

  it('leaves the sum unjudged while a type is empty, as in a partly filled report, with a warning', async () => {
    const { receipt } = await validate(
      'enforcement',
      csvOf('enforcement', [row({ so_cuoc_chuyen_nganh: '' })]),
    );
    expect(receipt.status).toBe('accepted');
    expect(receipt.errors).toEqual([]);
    expect(receipt.warnings.map((w) => w.rule)).toEqual(['rule.all_or_none']);
  });

  it('warns, without rejecting, when more is recovered than was found in the month', async () => {
    const { receipt } = await validate(
      'enforcement',
      csvOf('enforcement', [row({ so_tien_da_truy_thu: '1.300.000.000' })]),
    );
    expect(receipt.status).toBe('accepted');
    expect(receipt.warnings).toMatchObject([
      {
        column: 'so_tien_da_truy_thu',
        rule: 'rule.not_greater',
        expected: '<= 1250000000',
        found: '1300000000',
      },
    ]);
  });
});
