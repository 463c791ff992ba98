/**
 * A figure is added in one file: a throwaway column with an output name, put into the enforcement
 * definition in memory only (the module is replaced for this test's imports), appears in the
 * summaries, the site data contract, the dashboard's restated list, the generated SQL and the data
 * dictionary, with no other file touched. The same for a throwaway procedure group: it reaches
 * the dashboard's list of groups and the dictionary.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ColumnDef, DatasetDef } from '../../core/datasets/types.ts';

const THROWAWAY: ColumnDef = {
  key: 'so_vu_cuong_che',
  vi: 'Số quyết định cưỡng chế',
  en: 'Enforcement orders',
  type: { kind: 'integer', min: 0, unit: 'count' },
  output: { name: 'enforcement_orders', en: 'Enforcement orders issued' },
};

afterEach(() => {
  vi.doUnmock('../../core/datasets/enforcement.ts');
  vi.doUnmock('../../core/datasets/procedures.ts');
  vi.resetModules();
});

describe('a figure added to a dataset definition', () => {
  it('reaches the summaries, the site data, the dashboard, the SQL and the docs', async () => {
    vi.resetModules();
    vi.doMock('../../core/datasets/enforcement.ts', async (original) => {
      const { enforcement } = await original<{ enforcement: DatasetDef }>();
      return { enforcement: { ...enforcement, columns: [...enforcement.columns, THROWAWAY] } };
    });
    const { summarize } = await import('../../pipeline/summary/summarize.ts');
    const { MEASURE_NAMES } = await import('../../core/measures.ts');
    const { enforcementRow, PAGE_SUMS } = await import('../../core/contracts/site-data.ts');
    const { restateRows } = await import('../../dashboard/src/restate-rows.ts');
    const { withGeneratedParts } = await import('../../pipeline/query/generated-sql.ts');
    const { renderDataDictionary } = await import('../../core/datasets/dictionary.ts');

    // The summary of a province-month sums it over the rows, beside the other measures.
    const rows = [
      { so_cuoc_thanh_tra: 2, so_vu_cuong_che: 3 },
      { so_cuoc_thanh_tra: 1, so_vu_cuong_che: 4 },
    ];
    const summary = summarize('enforcement', '2025-07', rows);
    expect(summary.find((e) => e.measure === 'enforcement_orders')?.value).toBe(7);
    expect(summary.find((e) => e.measure === 'inspections')?.value).toBe(3);
    expect(MEASURE_NAMES).toContain('enforcement_orders');

    // The site data contract requires it on every enforcement row.
    const row = {
      period: '2025-06',
      province: '01',
      inspections: 1,
      employers_inspected: 1,
      employers_violating: 0,
      sanction_decisions: 0,
      fines_imposed: 0,
      fines_collected: 0,
      // The columns an older template lacks: null where the report did not carry them.
      inspections_planned: null,
      inspections_unscheduled: null,
      inspections_specialised: null,
      workers_not_enrolled: null,
      underpaid_found: null,
      inspection_recovered: null,
      police_employers: null,
      police_recovered: null,
    };
    expect(enforcementRow.safeParse(row).success).toBe(false);
    expect(enforcementRow.parse({ ...row, enforcement_orders: 5 })).toEqual({
      ...row,
      enforcement_orders: 5,
    });

    // The dashboard sums it when it restates merged units (Hà Giang 02 into Tuyên Quang 08).
    expect(PAGE_SUMS.enforcement).toContain('enforcement_orders');
    const units = [
      {
        code: '02',
        name_vi: 'Hà Giang',
        name_ascii: 'Ha Giang',
        generation: '63',
        region_vi: '',
        current_code: '08',
      },
      {
        code: '08',
        name_vi: 'Tuyên Quang',
        name_ascii: 'Tuyen Quang',
        generation: '63',
        region_vi: '',
        current_code: '08',
      },
    ] as const;
    const restated = restateRows(
      [
        { ...row, province: '02', enforcement_orders: 5 },
        { ...row, province: '08', enforcement_orders: 6 },
      ],
      units,
      PAGE_SUMS.enforcement as readonly (keyof typeof row | 'enforcement_orders')[],
    );
    expect(restated).toEqual([
      { ...row, province: '08', inspections: 2, employers_inspected: 2, enforcement_orders: 11 },
    ]);

    // The page's query, regenerated from the definition, selects it.
    const sql = readFileSync(new URL('../../queries/site_enforcement.sql', import.meta.url), 'utf8');
    expect(withGeneratedParts(sql)).toContain('  SUM(so_vu_cuong_che) AS enforcement_orders\n');
    expect(withGeneratedParts(sql)).toContain('  SUM(tien_phat_da_thu) AS fines_collected,\n');

    // The data dictionary lists the column and the figure it becomes.
    const docs = renderDataDictionary();
    expect(docs).toContain('| `so_vu_cuong_che` | Số quyết định cưỡng chế | Enforcement orders |');
    expect(docs).toContain(
      '| `so_vu_cuong_che` | `enforcement_orders` | Enforcement orders issued | `enforcement_orders` |',
    );
  });

  it('a category code reaches the dashboard and the docs', async () => {
    vi.resetModules();
    vi.doMock('../../core/datasets/procedures.ts', async (original) => {
      const { procedures } = await original<{ procedures: DatasetDef }>();
      const columns = procedures.columns.map((c) =>
        c.key === 'nhom_thu_tuc' && c.type.kind === 'category'
          ? {
              ...c,
              type: {
                ...c.type,
                options: [
                  ...c.type.options,
                  { code: 'unemployment', vi: 'trợ cấp thất nghiệp', en: 'unemployment benefit' },
                ],
              },
            }
          : c,
      );
      return { procedures: { ...procedures, columns } };
    });
    const { categoryCodes, DATASETS } = await import('../../core/datasets/index.ts');
    const { renderDataDictionary } = await import('../../core/datasets/dictionary.ts');
    expect(categoryCodes(DATASETS.procedures, 'nhom_thu_tuc').at(-1)).toBe('unemployment');
    expect(renderDataDictionary()).toContain('trợ cấp thất nghiệp (unemployment benefit) `unemployment`');
  });
});
