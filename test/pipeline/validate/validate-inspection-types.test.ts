/**
 * An enforcement report with only some of the inspection types (planned, unscheduled,
 * specialised) filled is accepted with a warning naming the file's sheet, row, the columns filled
 * and missing, the rule, expected and found, in both languages: the same receipt on the
 * JavaScript path and on the DuckDB fast CSV path; none when all or none of the types are given.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothPaths, expectSameOutcome } from '../ingest/ingest-fast-compare.ts';
import { csvOf } from './validate-upload-helpers.ts';

const TYPES = ['so_cuoc_theo_ke_hoach', 'so_cuoc_dot_xuat', 'so_cuoc_chuyen_nganh'] as const;

const row = (o: Record<string, string | number> = {}) => ({
  so_cuoc_thanh_tra: 12,
  so_don_vi_duoc_thanh_tra: 90,
  so_don_vi_vi_pham: 14,
  so_quyet_dinh_xu_phat: 12,
  tien_phat: 310_000_000,
  tien_phat_da_thu: 200_000_000,
  so_cuoc_theo_ke_hoach: 7,
  so_cuoc_dot_xuat: 3,
  so_cuoc_chuyen_nganh: 2,
  ...o,
});
/**
 * A file the fast path would take (longer than the sample it plans from): 400 complete rows, then
 * `rows`, past the sample, so only the DuckDB pass itself can see them. Their rows are 402 on.
 */
const FILLER = 400;
const upload = (rows: Array<Record<string, string | number>>) => ({
  dataset: 'enforcement' as const,
  bytes: new TextEncoder().encode(
    csvOf('enforcement', [...Array.from({ length: FILLER }, () => row()), ...rows]),
  ),
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-inspection-types-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('inspection types partly filled', () => {
  it('is accepted with one warning, the same on both paths', async () => {
    const u = upload([row({ so_cuoc_dot_xuat: '', so_cuoc_chuyen_nganh: '' })]);
    const { js, fast } = await bothPaths(u, dir);
    await expectSameOutcome(u, js, fast, dir);
    // The DuckDB pass hands such a file to the JavaScript path, which writes the receipt.
    expect(fast.lake).toBeUndefined();
    const { receipt } = js;
    expect(receipt.status).toBe('accepted');
    expect(receipt.upload.key).toMatch(/\/upload\.csv$/);
    expect(receipt.errors).toEqual([]);
    expect(receipt.warnings).toMatchObject([
      {
        sheet: null,
        row: FILLER + 2,
        column: 'so_cuoc_dot_xuat',
        rule: 'rule.all_or_none',
        expected: `all or none of ${TYPES.join(', ')}`,
        found: 'filled so_cuoc_theo_ke_hoach; missing so_cuoc_dot_xuat, so_cuoc_chuyen_nganh',
      },
    ]);
    const [warning] = receipt.warnings;
    expect(warning?.message_vi).toBe(
      'Chỉ điền "Số cuộc thanh tra theo kế hoạch", còn trống "Số cuộc thanh tra đột xuất", "Số cuộc thanh tra chuyên ngành": các cột này phải điền đủ cả hoặc để trống cả, nên chưa đối chiếu được tổng. Dòng vẫn được nhận; hãy bổ sung "Số cuộc thanh tra đột xuất", "Số cuộc thanh tra chuyên ngành".',
    );
    expect(warning?.message_en).toBe(
      'Only "Planned inspections" filled, "Unscheduled inspections", "Specialised inspections" empty: these columns are filled all together or not at all, so their sum could not be checked. The row is accepted; please add "Unscheduled inspections", "Specialised inspections".',
    );
  });

  it.each([
    ['all three given', row()],
    ['none given', row({ so_cuoc_theo_ke_hoach: '', so_cuoc_dot_xuat: '', so_cuoc_chuyen_nganh: '' })],
  ])('gives no warning with %s, and the fast path takes the file', async (_what, given) => {
    const u = upload([given]);
    const { js, fast } = await bothPaths(u, dir);
    await expectSameOutcome(u, js, fast, dir);
    expect(fast.lake).toBeDefined();
    expect(js.receipt.status).toBe('accepted');
    expect(js.receipt.warnings).toEqual([]);
  });

  it('names each row with a partial set, whichever type is missing', async () => {
    const u = upload([row({ so_cuoc_theo_ke_hoach: '' }), row({ so_cuoc_chuyen_nganh: '' })]);
    const { js, fast } = await bothPaths(u, dir);
    await expectSameOutcome(u, js, fast, dir);
    expect(js.receipt.warnings.map((w) => [w.row, w.column])).toEqual([
      [FILLER + 2, 'so_cuoc_theo_ke_hoach'],
      [FILLER + 3, 'so_cuoc_chuyen_nganh'],
    ]);
  });
});
