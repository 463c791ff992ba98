import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, duckdbType } from '../../../core/datasets/index.ts';
import { writeParquetFile } from '../../../pipeline/lake/parquet-writer.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-lake-writer-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function read(file: string, sql: string) {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  try {
    return (await con.runAndReadAll(sql.replaceAll('$file', `'${file}'`))).getRows();
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

describe('writeParquetFile', () => {
  it('writes exactly the dataset columns with their DuckDB types, zstd-compressed', async () => {
    const file = join(dir, 'prosecution.parquet');
    const rows = [
      {
        ma_ho_so: 'HS-1',
        dieu_luat: '216',
        ma_so_thue: '0101234567',
        ngay_gui: '2025-02-28',
        trang_thai: 'sent',
        so_tien: 9_007_199_254,
      },
      {
        ma_ho_so: 'HS-2',
        dieu_luat: '214',
        ma_so_thue: null,
        ngay_gui: '2024-12-01',
        trang_thai: 'tried',
        so_tien: 5,
      },
    ];
    await writeParquetFile('prosecution', '2025-07', rows, file);
    const schema = await read(file, 'DESCRIBE SELECT * FROM $file');
    expect(schema.map((r) => [r[0], r[1]])).toEqual(
      DATASETS.prosecution.columns.map((c) => [c.key, duckdbType(c.type)]),
    );
    const codecs = await read(file, 'SELECT DISTINCT compression FROM parquet_metadata($file)');
    expect(codecs.map((r) => String(r[0]).toUpperCase())).toEqual(['ZSTD']);
    const back = await read(
      file,
      "SELECT ma_ho_so, ma_so_thue, strftime(ngay_gui, '%Y-%m-%d'), so_tien::VARCHAR FROM $file ORDER BY ma_ho_so",
    );
    expect(back).toEqual([
      ['HS-1', '0101234567', '2025-02-28', '9007199254'],
      ['HS-2', null, '2024-12-01', '5'],
    ]);
  });

  it('keeps every row and whole-VND sums exact, and writes several files at once', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({
      loai_hinh: 'hi',
      so_nguoi_tham_gia: 1_000_003 * i,
      chi_tieu_giao: i,
      dan_so_co_so: i + 1,
    }));
    const expected = rows.reduce((s, r) => s + r.so_nguoi_tham_gia, 0);
    const files = [1, 2, 3].map((n) => join(dir, `coverage-${n}.parquet`));
    await Promise.all(files.map((f) => writeParquetFile('coverage', '2025-07', rows, f)));
    for (const f of files) {
      const [[count, sum]] = (await read(
        f,
        'SELECT count(*)::INTEGER, sum(so_nguoi_tham_gia)::VARCHAR FROM $file',
      )) as [[number, string]];
      expect(count).toBe(500);
      expect(sum).toBe(String(expected));
    }
  });

  it('refuses a fractional amount instead of rounding it', async () => {
    const row = { loai_hinh: 'hi', so_nguoi_tham_gia: 1.5, chi_tieu_giao: 1, dan_so_co_so: 1 };
    await expect(writeParquetFile('coverage', '2025-07', [row], join(dir, 'bad.parquet'))).rejects.toThrow(
      /whole number/,
    );
  });
});
