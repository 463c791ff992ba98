import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { choroplethSpec } from '../../core/charts/choropleth.ts';
import { completenessHeatmapSpec } from '../../core/charts/completeness-heatmap.ts';
import { debtTrendSpec } from '../../core/charts/debt-trend.ts';
import { provinceRankingSpec } from '../../core/charts/province-ranking.ts';
import { restateToCurrent } from '../../dashboard/src/restate.ts';
import { MAP_MEASURES, MEASURES, type MapMeasure } from '../../core/charts/map-measures.ts';
import type { ProvinceRow } from '../../core/contracts/site-data.ts';
import { FIRST_PERIOD_OF_34, UnitNames } from '../../core/unit-names.ts';
import { REFORM_FIRST_PERIOD } from '../../core/period.ts';
import { makeSiteFixture } from '../../tools/fixtures/site-fixture.ts';
import { barRankingSpec } from '../../dashboard/src/specs/bar-ranking.ts';
import { groupedBarSpec } from '../../dashboard/src/specs/grouped-bar.ts';
import { lineTrendSpec } from '../../dashboard/src/specs/line-trend.ts';

const schema: unknown = JSON.parse(
  readFileSync(new URL('../../node_modules/vega-lite/build/vega-lite-schema.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv({ strict: false, allowUnionTypes: true });
// The schema's three formats, registered so they are checked (and Ajv has nothing to warn about).
ajv.addFormat('color-hex', /^#(?:[0-9a-fA-F]{3}){1,2}$/);
ajv.addFormat('uri', (text: string) => URL.canParse(text));
ajv.addFormat('uri-reference', (text: string) => URL.canParse(text, 'http://127.0.0.1/'));
const validate = ajv.compile(schema as object);

const fixture = makeSiteFixture();
const names = new UnitNames(fixture.units);

/** The map of one measure, as the overview draws it. */
function map(
  rows: readonly ProvinceRow[],
  period: string,
  measure: MapMeasure = 'debt_total',
  geography?: 'current',
) {
  const def = MEASURES[measure];
  return choroplethSpec(
    def.values(
      rows.filter((r) => r.period === period),
      fixture.enforcement.filter((r) => r.period === period),
    ),
    {
      period,
      lang: 'vi',
      geoBase: 'geo',
      publishedName: (file) => file,
      geography,
      measureTitle: measure,
      legendTitle: def.legend,
      format: def.format,
      scheme: def.scheme,
    },
  );
}

/** Compiles with a logger that keeps every message instead of printing it. */
function compileCollecting(spec: TopLevelSpec) {
  const messages: string[] = [];
  const collect = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  let level = 0;
  const logger = {
    level(next?: number) {
      if (next === undefined) return level;
      level = next;
      return logger;
    },
    error: collect,
    warn: collect,
    info: () => logger,
    debug: () => logger,
  };
  const { spec: vega } = compile(spec, { logger: logger as never });
  return { vega, messages };
}

const cases: [string, () => TopLevelSpec][] = [
  ['debt trend', () => debtTrendSpec(fixture.national, { selected: '2025-08', lang: 'vi' })],
  [
    'province ranking (63 units)',
    () => provinceRankingSpec(fixture.provinces, names, { period: '2025-05', lang: 'vi' }),
  ],
  [
    'province ranking (34 units)',
    () => provinceRankingSpec(fixture.provinces, names, { period: '2025-09', lang: 'vi' }),
  ],
  [
    'completeness heatmap',
    () =>
      completenessHeatmapSpec(fixture.completeness, names, {
        dataset: 'debt',
        from: '2025-03',
        to: '2025-09',
        lang: 'vi',
      }),
  ],
  [
    'province ranking restated to 34 units',
    () =>
      provinceRankingSpec(restateToCurrent(fixture.provinces, fixture.units), names, {
        period: '2025-05',
        geography: 'current',
        lang: 'vi',
      }),
  ],
  [
    'choropleth restated to 34 units',
    () => map(restateToCurrent(fixture.provinces, fixture.units), '2025-05', 'debt_total', 'current'),
  ],
  [
    'line trend with the reform and the selected month marked',
    () =>
      lineTrendSpec(
        fixture.national.flatMap((r) => [
          { period: r.period, series: 'A', value: r.inspections, shown: String(r.inspections) },
          {
            period: r.period,
            series: 'B',
            value: r.employers_violating,
            shown: String(r.employers_violating),
          },
        ]),
        {
          description: 'Inspections',
          yTitle: 'Count',
          seriesTitle: 'Measure',
          monthTitle: 'Month',
          noteTitle: 'Note',
          series: ['A', 'B'],
          marks: [
            { period: '2025-07', note: 'reform' },
            { period: '2025-08', note: 'selected' },
          ],
        },
      ),
  ],
  [
    'bar ranking',
    () =>
      barRankingSpec(
        fixture.provinces
          .filter((r) => r.period === '2025-08')
          .map((r) => ({ code: r.province, name: r.province, value: r.debt_3m_plus / 1e9, shown: '' })),
        { description: 'Debt of 3+ months', xTitle: 'VND bn', nameTitle: 'Province' },
      ),
  ],
  [
    'rate ranking (dots on a fitted axis)',
    () =>
      barRankingSpec(
        [
          { code: '01', name: 'Hà Nội', value: 94.2, shown: '94,2%' },
          { code: '48', name: 'Đà Nẵng', value: 96.7, shown: '96,7%' },
        ],
        { description: 'On-time rate', xTitle: '%', nameTitle: 'Province', format: '.1f', baseline: 'data' },
      ),
  ],
  ...(['side', 'stack'] as const).map((layout): [string, () => TopLevelSpec] => [
    `grouped bars (${layout})`,
    () =>
      groupedBarSpec(
        ['sent', 'accepted', 'prosecuted'].flatMap((category, i) =>
          ['214', '216'].map((group, j) => ({ category, group, value: i + j, shown: String(i + j) })),
        ),
        {
          description: 'Dossier funnel',
          categoryTitle: 'Stage',
          groupTitle: 'Article',
          valueTitle: 'Dossiers',
          categories: ['sent', 'accepted', 'prosecuted'],
          groups: ['214', '216'],
          layout,
        },
      ),
  ]),
  ['choropleth (63 units)', () => map(fixture.provinces, '2025-06')],
  ...MAP_MEASURES.map((m): [string, () => TopLevelSpec] => [
    `choropleth of ${m} (34 units)`,
    () => map(fixture.provinces, '2025-07', m),
  ]),
];

describe('dashboard Vega-Lite specs', () => {
  it.each(cases)('%s validates against the Vega-Lite schema', (_name, build) => {
    const ok = validate(build());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each(cases)('%s compiles to Vega with no warnings', (_name, build) => {
    const { vega, messages } = compileCollecting(build());
    expect(messages).toEqual([]);
    expect(vega.marks?.length ?? 0).toBeGreaterThan(0);
  });

  it('the schema check rejects a broken spec', () => {
    expect(validate({ mark: 'no-such-mark', data: { values: [] } })).toBe(false);
  });

  it('the compile check sees warnings', () => {
    const { messages } = compileCollecting({
      data: { values: [{ a: 1 }] },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'quantitative', aggregate: 'no-such-op' as never } },
    });
    expect(messages.length).toBeGreaterThan(0);
  });

  it('the page and the reference data agree on the first month of the 34 units', () => {
    expect(FIRST_PERIOD_OF_34).toBe(REFORM_FIRST_PERIOD);
  });

  it('the ranking takes the top provinces of the month in rank order, with names of that geography', () => {
    const spec = provinceRankingSpec(fixture.provinces, names, { period: '2025-09', top: 5, lang: 'vi' });
    const values = (spec.data as { values: { name: string; rank: number; ty: number; total_ty: number }[] })
      .values;
    const expected = fixture.provinces
      .filter((r) => r.period === '2025-09')
      .sort((a, b) => b.debt_total - a.debt_total)
      .slice(0, 5);
    expect([...new Set(values.map((v) => v.name))]).toEqual(
      expected.map((r) => fixture.units.find((u) => u.generation === '34' && u.code === r.province)?.name_vi),
    );
    const first = values.filter((v) => v.rank === 1);
    expect(first.reduce((s, v) => s + v.ty, 0)).toBeCloseTo((expected[0]?.debt_total ?? 0) / 1e9, 6);
  });

  it('the choropleth picks the boundary file of the month', () => {
    expect(JSON.stringify(map([], '2025-06').data)).toContain('vn63_derived');
    expect(JSON.stringify(map([], '2025-07').data)).toContain('vn34_derived');
    expect(JSON.stringify(map([], '2025-06', 'debt_total', 'current').data)).toContain('vn34_derived');
  });

  it('colours each unit by the chosen measure, computed from the rows', () => {
    const rows = fixture.provinces.filter((r) => r.period === '2025-08');
    const lookup = (measure: MapMeasure) => {
      const transform = map(fixture.provinces, '2025-08', measure).transform ?? [];
      const first = transform[0] as { from: { data: { values: { province: string; value: number }[] } } };
      return new Map(first.from.data.values.map((v) => [v.province, v.value]));
    };
    const hi = lookup('hi_rate');
    for (const r of rows)
      expect(hi.get(r.province)).toBeCloseTo((100 * r.hi_participants) / r.hi_population, 9);
    const late = lookup('late_rate');
    for (const r of rows)
      expect(late.get(r.province)).toBeCloseTo((100 * r.debt_total) / (12 * r.collection_due), 9);
    expect(late.size).toBe(rows.length);
    const debt = lookup('debt_total');
    const total = [...debt.values()].reduce((s, v) => s + v, 0);
    expect(total * 1e9).toBeCloseTo(
      rows.reduce((s, r) => s + r.debt_total, 0),
      0,
    );
    const inspections = lookup('inspections');
    const month = fixture.enforcement.filter((r) => r.period === '2025-08');
    expect(inspections.size).toBe(month.length);
    expect([...inspections.values()].reduce((s, v) => s + v, 0)).toBe(
      month.reduce((s, r) => s + r.inspections, 0),
    );
  });

  it('keeps a unit of the 63 and its namesake of the 34 on separate heatmap rows, each new unit before its predecessors', () => {
    const spec = completenessHeatmapSpec(fixture.completeness, names, {
      dataset: 'debt',
      from: '2025-03',
      to: '2025-09',
      lang: 'vi',
    });
    const values = (spec.data as { values: { period: string; code: string; name: string }[] }).values;
    const rowOf = (code: string, period: string) =>
      values.find((v) => v.code === code && v.period === period)?.name;
    expect(rowOf('01', '2025-06')).toBe('Hà Nội (63)');
    expect(rowOf('01', '2025-08')).toBe('Hà Nội');
    expect(new Set(values.map((v) => v.name)).size).toBe(63 + 34);
    const sort = (spec as unknown as { encoding: { y: { sort: string[] } } }).encoding.y.sort;
    expect(sort).toHaveLength(63 + 34);
    // Every old unit sits after the current unit it merged into.
    for (const old of fixture.units.filter((u) => u.generation === '63')) {
      const successor = fixture.units.find((u) => u.generation === '34' && u.code === old.current_code);
      expect(sort.indexOf(`${old.name_vi} (63)`), old.name_vi).toBeGreaterThan(
        sort.indexOf(successor?.name_vi ?? ''),
      );
    }
    const within63 = completenessHeatmapSpec(fixture.completeness, names, {
      dataset: 'debt',
      from: '2025-03',
      to: '2025-06',
      lang: 'vi',
    });
    expect(
      (within63.data as { values: { name: string }[] }).values.some((v) => v.name.endsWith('(63)')),
    ).toBe(false);
  });
});
