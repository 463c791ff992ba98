import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../../core/datasets/index.ts';
import { validate } from './validate-upload-helpers.ts';

const columns = DATASETS.procedures.columns;
const groups = columns[0]!.type.kind === 'category' ? columns[0]!.type.options : [];

/** Valid procedures rows: distinct groups, on time + late + pending = received, overdue ≤ pending. */
const procedureRows = fc.shuffledSubarray([...groups], { minLength: 1 }).chain((picked) =>
  fc.tuple(
    ...picked.map((group) =>
      fc
        .record({
          onTime: fc.nat(1_000_000),
          late: fc.nat(1_000_000),
          pending: fc.nat(1_000_000),
          label: fc.constantFrom(group.vi, group.code, group.vi.toUpperCase()),
        })
        .chain((r) => fc.nat(r.pending).map((overdue) => ({ ...r, overdue }))),
    ),
  ),
);

async function xlsxOf(
  rows: Array<Array<string | number | ExcelJS.CellValue>>,
  titles: number,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Báo cáo');
  for (let i = 0; i < titles; i += 1) sheet.addRow([`BẢO HIỂM XÃ HỘI TỈNH – dòng ${i + 1}`]);
  sheet.addRow(columns.map((c) => c.vi));
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('properties of validateUpload on XLSX', () => {
  it('accepts random valid rows under title rows, with a totals row of cached formulas, totals equal to the sums', async () => {
    await fc.assert(
      fc.asyncProperty(procedureRows, fc.nat(4), fc.boolean(), async (rows, titles, asText) => {
        const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
        const expected = {
          tiep_nhan: sum((r) => r.onTime + r.late + r.pending),
          dung_han: sum((r) => r.onTime),
          tre_han: sum((r) => r.late),
          dang_giai_quyet: sum((r) => r.pending),
          qua_han: sum((r) => r.overdue),
        };
        const show = (n: number) => (asText ? n.toLocaleString('de-DE') : n);
        const body = rows.map((r) => [
          r.label,
          ...[r.onTime + r.late + r.pending, r.onTime, r.late, r.pending, r.overdue].map(show),
        ]);
        const totals = [
          'Tổng cộng',
          ...Object.values(expected).map((v) => ({ formula: 'SUM(B1:B2)', result: v })),
        ];
        const { receipt } = await validate('procedures', await xlsxOf([...body, totals], titles));
        expect(receipt.errors).toEqual([]);
        expect(receipt.rows.accepted).toBe(rows.length);
        expect(receipt.totals).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });

  it('never throws on mutated or truncated XLSX bytes, and answers with a receipt', async () => {
    const valid = await xlsxOf([['thu, cấp sổ thẻ', 10, 5, 2, 3, 1]], 1);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.nat(valid.length),
        async (edits, cut) => {
          const bytes = valid.slice(0, cut === 0 ? valid.length : cut);
          for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
          const { receipt } = await validate('procedures', bytes);
          expect(['accepted', 'rejected']).toContain(receipt.status);
          expect(receipt.rows.read).toBe(receipt.rows.accepted + receipt.rows.rejected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
