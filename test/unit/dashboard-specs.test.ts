import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { choroplethSpec } from '../../dashboard/src/specs/choropleth.ts';
import { completenessHeatmapSpec } from '../../dashboard/src/specs/completeness-heatmap.ts';
import { debtTrendSpec } from '../../dashboard/src/specs/debt-trend.ts';
import { provinceRankingSpec } from '../../dashboard/src/specs/province-ranking.ts';
import { restateToCurrent } from '../../dashboard/src/restate.ts';
import { FIRST_PERIOD_OF_34, UnitNames } from '../../dashboard/src/units.ts';
import { REFORM_FIRST_PERIOD } from '../../lib/reference/provinces.ts';
import { makeSiteFixture } from '../fixtures/site/site-fixture.ts';
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
  ['debt trend', () => debtTrendSpec(fixture.national, { selected: '2025-08' })],
  ['province ranking (63 units)', () => provinceRankingSpec(fixture.provinces, names, { period: '2025-05' })],
  ['province ranking (34 units)', () => provinceRankingSpec(fixture.provinces, names, { period: '2025-09' })],
  [
    'completeness heatmap',
    () =>
      completenessHeatmapSpec(fixture.completeness, names, {
        dataset: 'debt',
        from: '2025-03',
        to: '2025-09',
      }),
  ],
  [
    'province ranking restated to 34 units',
    () =>
      provinceRankingSpec(restateToCurrent(fixture.provinces, fixture.units), names, {
        period: '2025-05',
        geography: 'current',
      }),
  ],
  [
    'choropleth restated to 34 units',
    () =>
      choroplethSpec(restateToCurrent(fixture.provinces, fixture.units), {
        period: '2025-05',
        geoBase: 'geo',
        geography: 'current',
      }),
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
  ['choropleth (63 units)', () => choroplethSpec(fixture.provinces, { period: '2025-06', geoBase: 'geo' })],
  ['choropleth (34 units)', () => choroplethSpec(fixture.provinces, { period: '2025-07', geoBase: 'geo' })],
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
    const spec = provinceRankingSpec(fixture.provinces, names, { period: '2025-09', top: 5 });
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
    expect(JSON.stringify(choroplethSpec([], { period: '2025-06', geoBase: 'geo' }).data)).toContain(
      'vn63_derived',
    );
    expect(JSON.stringify(choroplethSpec([], { period: '2025-07', geoBase: 'geo' }).data)).toContain(
      'vn34_derived',
    );
  });
});
