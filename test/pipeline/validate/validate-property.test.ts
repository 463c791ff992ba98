import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../../core/datasets/index.ts';
import { csvOf, validate } from './validate-upload-helpers.ts';

const amount = fc.integer({ min: 0, max: 10 ** 12 });
/** The ways an officer may write one amount: all must read as the same integer. */
const written = (n: number) =>
  fc.constantFrom(
    String(n),
    n.toLocaleString('de-DE'), // 1.234.567
    n.toLocaleString('en-US'), // 1,234,567
    n.toLocaleString('fr-FR').replace(/\u202f/g, ' '), // 1 234 567
  );
const statuses = DATASETS.debt.columns.find((c) => c.key === 'tinh_trang')!.type;
const labels = statuses.kind === 'category' ? statuses.options.flatMap((o) => [o.vi, o.code]) : [];

const debtRows = fc.uniqueArray(
  fc.record({
    tax: fc.integer({ min: 0, max: 9_999_999_999 }),
    name: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
    si: amount,
    hi: amount,
    ui: amount,
    months: fc.integer({ min: 0, max: 600 }),
    recovered: amount,
    workers: fc.integer({ min: 0, max: 100_000 }),
    status: fc.constantFrom(...labels),
  }),
  { minLength: 1, maxLength: 40, selector: (r) => r.tax },
);

describe('properties of validateUpload', () => {
  it('accepts random valid rows, however amounts are written, with totals equal to the sums', async () => {
    await fc.assert(
      fc.asyncProperty(
        debtRows.chain((rows) => fc.tuple(fc.constant(rows), fc.tuple(...rows.map((r) => written(r.si))))),
        fc.constantFrom(',', ';', '\t'),
        async ([rows, siWritten], delimiter) => {
          const csv = csvOf(
            'debt',
            rows.map((r, i) => ({
              ma_so_thue: String(r.tax).padStart(10, '0'),
              ten_don_vi: r.name,
              no_bhxh: siWritten[i]!,
              no_bhyt: r.hi,
              no_bhtn: r.ui,
              so_thang_no: r.months,
              da_thu_hoi: r.recovered,
              so_lao_dong: r.workers,
              tinh_trang: r.status,
            })),
            delimiter,
          );
          const { receipt, rows: parsed } = await validate('debt', csv);
          expect(receipt.errors).toEqual([]);
          expect(receipt.rows.accepted).toBe(rows.length);
          const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
          expect(receipt.totals).toEqual({
            no_bhxh: sum((r) => r.si),
            no_bhyt: sum((r) => r.hi),
            no_bhtn: sum((r) => r.ui),
            da_thu_hoi: sum((r) => r.recovered),
            so_lao_dong: sum((r) => r.workers),
          });
          expect(parsed.map((r) => r.ten_don_vi)).toEqual(rows.map((r) => r.name.trim().normalize('NFC')));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never throws on mutated bytes, and answers with a receipt', async () => {
    const valid = new TextEncoder().encode(
      csvOf('procedures', [
        {
          nhom_thu_tuc: 'collection',
          tiep_nhan: 10,
          dung_han: 5,
          tre_han: 2,
          dang_giai_quyet: 3,
          qua_han: 1,
        },
      ]),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
        fc.nat(valid.length),
        async (edits, cut) => {
          const bytes = valid.slice(0, cut === 0 ? valid.length : cut);
          for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
          const { receipt } = await validate('procedures', bytes);
          expect(['accepted', 'rejected']).toContain(receipt.status);
          expect(receipt.rows.read).toBe(receipt.rows.accepted + receipt.rows.rejected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
