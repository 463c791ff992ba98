/**
 * The enforcement page's inspections by type, inspection results and police-coordination
 * recoveries, month by month over the units chosen and unit by unit for the month. The figures
 * came with a newer template: a unit that reported on the older one has no figures (shown as
 * "chưa có số liệu"), a unit that did not report is "chưa báo cáo", and neither is ever a 0. Every
 * sum says how many units it covers.
 */
import type { EnforcementRow } from '../../../core/contracts/site-data.ts';
import {
  RESULT_FIGURES,
  resultSums,
  type ResultFigure,
  type ResultSums,
} from '../../../core/enforcement-results.ts';
import { CHANGE_TEXT, RESULTS_TEXT } from '../../../core/messages/index.ts';
import { countPoint, moneyPoint, trendFrame, ty } from '../chart-helpers.ts';
import type { Cell, DataTable } from '../data-table.ts';
import { formatCount, formatPeriod, formatVnd } from '../../../core/format.ts';
import { pick, t } from '../i18n.ts';
import { unreportedUnits } from '../not-reported.ts';
import {
  inRegion,
  nameOf,
  openClickedProvince,
  stampFor,
  unitsShown,
  type PageContext,
} from '../page-context.ts';
import { chartPanel } from '../panel.ts';
import { barRankingSpec } from '../specs/bar-ranking.ts';
import { lineTrendSpec } from '../specs/line-trend.ts';
import { OKABE_ITO } from '../../../core/charts/palette.ts';
import { tablePanel } from '../table-panel.ts';

const TYPES = ['inspections_planned', 'inspections_unscheduled', 'inspections_specialised'] as const;
const AMOUNTS = ['underpaid_found', 'inspection_recovered', 'police_recovered'] as const;
const MONEY = new Set<ResultFigure>(AMOUNTS);
/** What the inspections found and recovered, and the police-coordination figures. */
const OUTCOMES = RESULT_FIGURES.filter((f) => !(TYPES as readonly string[]).includes(f));

const label = (figure: ResultFigure) => pick(RESULTS_TEXT.figure[figure]);
const shown = (figure: ResultFigure, value: number) =>
  MONEY.has(figure) ? formatVnd(value) : formatCount(value);

/** A figure's value in an export: the number, or the words saying there is none (never 0). */
const cellOf = (value: number | null): Cell => value ?? pick(RESULTS_TEXT.noFigures);

/** Month by month: one column per figure (null where no unit had it), and the units covered. */
function trendRows(sums: readonly ResultSums[], figures: readonly ResultFigure[]): DataTable {
  return {
    columns: [
      { key: 'period', label: t('periodLabel') },
      ...figures.map((f) => ({ key: f, label: label(f) })),
      { key: 'units', label: pick(RESULTS_TEXT.unitsWithFigures) },
      { key: 'reported', label: pick(RESULTS_TEXT.unitsReported) },
    ],
    rows: sums.map((s) => ({
      period: s.period,
      ...Object.fromEntries(figures.map((f) => [f, cellOf(s.figures[f].value)])),
      units: Math.max(...figures.map((f) => s.figures[f].units)),
      reported: s.reported,
    })),
  };
}

/** "Tháng 07/2025: tổng trên 30/34 tỉnh có số liệu" under a trend, for the month chosen. */
function coverageNote(
  panel: HTMLElement,
  sums: ResultSums,
  figures: readonly ResultFigure[],
  expected: number,
) {
  const units = Math.max(...figures.map((f) => sums.figures[f].units));
  const month = formatPeriod(sums.period);
  const note = document.createElement('p');
  note.className = 'not-reported';
  note.dataset.units = String(units);
  note.dataset.expected = String(expected);
  note.textContent = pick(
    units === 0 ? RESULTS_TEXT.noneCovered(month) : RESULTS_TEXT.covered(month, units, expected),
  );
  panel.append(note);
  const list = document.createElement('ul');
  list.className = 'results-summary';
  for (const f of figures) {
    const { value, units: covered } = sums.figures[f];
    const item = document.createElement('li');
    item.dataset.figure = f;
    item.textContent = pick(
      RESULTS_TEXT.summary(
        label(f),
        value === null ? pick(RESULTS_TEXT.noFigures) : shown(f, value),
        covered,
        expected,
      ),
    );
    list.append(item);
  }
  panel.append(list);
}

/**
 * `rows`: every unit's figures, for the units' ranking and table; `counted`: the rows the
 * national sums count on the basis shown (approved reports only, or all of `rows`).
 */
export async function renderEnforcementResults(
  ctx: PageContext,
  rows: readonly EnforcementRow[],
  counted: readonly EnforcementRow[] = rows,
): Promise<void> {
  const { period } = ctx.route;
  const periods = ctx.data.meta.periods;
  const chosen = (r: EnforcementRow) => inRegion(ctx, r.province, r.period);
  const sums = periods.map((p) => resultSums(counted.filter(chosen), p));
  const withFigures = sums.filter((s) => RESULT_FIGURES.some((f) => s.figures[f].units > 0));
  const month = sums.find((s) => s.period === period) ?? resultSums([], period);
  const expected = unitsShown(ctx, period).length;
  const stamp = stampFor(ctx, 'enforcement');
  const national = !ctx.route.region;
  const frame = trendFrame(periods, period);
  const typesTitle = pick(national ? RESULTS_TEXT.typesTitle : RESULTS_TEXT.typesTitleRegion);
  const typeSeries = TYPES.map(label);
  const types = await chartPanel(ctx.root, {
    id: 'inspection-types',
    title: typesTitle,
    spec: lineTrendSpec(
      withFigures.flatMap((s) =>
        TYPES.flatMap((f) => {
          const value = s.figures[f].value;
          return value === null ? [] : [countPoint(s.period, label(f), value)];
        }),
      ),
      {
        ...frame,
        description: typesTitle,
        yTitle: t('count'),
        seriesTitle: pick(RESULTS_TEXT.type),
        series: typeSeries,
      },
    ),
    table: trendRows(withFigures, TYPES),
    fileName: `thanh-tra-theo-loai-${period}`,
    stamp,
  });
  coverageNote(types, month, TYPES, expected);
  const resultsTitle = pick(national ? RESULTS_TEXT.resultsTitle : RESULTS_TEXT.resultsTitleRegion);
  const results = await chartPanel(ctx.root, {
    id: 'inspection-results',
    title: resultsTitle,
    spec: lineTrendSpec(
      withFigures.flatMap((s) =>
        AMOUNTS.flatMap((f) => {
          const value = s.figures[f].value;
          return value === null ? [] : [moneyPoint(s.period, label(f), value)];
        }),
      ),
      {
        ...frame,
        description: resultsTitle,
        yTitle: t('amountTy'),
        seriesTitle: pick(RESULTS_TEXT.result),
        series: AMOUNTS.map(label),
        format: ',.1f',
      },
    ),
    table: trendRows(withFigures, OUTCOMES),
    fileName: `ket-qua-thanh-tra-${period}`,
    stamp,
  });
  coverageNote(results, month, OUTCOMES, expected);
  await renderUnits(
    ctx,
    rows.filter((r) => r.period === period && chosen(r)),
  );
}

/** The month unit by unit: a ranking of what was recovered, and every unit's figures in a table. */
async function renderUnits(ctx: PageContext, month: readonly EnforcementRow[]): Promise<void> {
  const { period } = ctx.route;
  const stamp = stampFor(ctx, 'enforcement');
  const named = month.map((r) => ({ ...r, name: nameOf(ctx, r.province, period) }));
  const ranked = named
    .filter((r) => r.inspection_recovered !== null)
    .sort((a, b) => (b.inspection_recovered ?? 0) - (a.inspection_recovered ?? 0));
  const without = named.filter((r) => RESULT_FIGURES.every((f) => r[f] === null));
  const unreported = unreportedUnits(ctx, 'enforcement', period);
  const title = `${pick(RESULTS_TEXT.rankingTitle)} · ${formatPeriod(period)}`;
  // Each across the page: the table's eight figures need the width.
  const ranking = await chartPanel(ctx.root, {
    id: 'recovered-ranking',
    title,
    spec: barRankingSpec(
      ranked.slice(0, 20).map((r) => ({
        code: r.province,
        name: r.name,
        value: ty(r.inspection_recovered ?? 0),
        shown: formatVnd(r.inspection_recovered ?? 0),
      })),
      {
        description: title,
        xTitle: t('amountTy'),
        nameTitle: t('province'),
        color: OKABE_ITO.green,
        format: ',.2f',
      },
    ),
    table: {
      columns: [
        { key: 'province', label: t('code') },
        { key: 'name', label: t('province') },
        { key: 'inspection_recovered', label: label('inspection_recovered') },
      ],
      rows: ranked.map((r) => ({
        province: r.province,
        name: r.name,
        inspection_recovered: r.inspection_recovered,
      })),
    },
    fileName: `truy-thu-tinh-${period}`,
    stamp,
    onClick: openClickedProvince(ctx),
  });
  if (without.length > 0) {
    const note = document.createElement('p');
    note.className = 'not-reported';
    note.dataset.count = String(without.length);
    note.textContent = pick(RESULTS_TEXT.withoutFigures(without.map((r) => r.name).join(', ')));
    ranking.append(note);
  }
  const statusOf = (r: EnforcementRow) =>
    RESULT_FIGURES.every((f) => r[f] === null)
      ? pick(RESULTS_TEXT.noFigures)
      : pick(CHANGE_TEXT.reportedStatus);
  tablePanel(ctx.root, {
    id: 'results-by-unit',
    title: `${pick(RESULTS_TEXT.unitsTitle)} · ${formatPeriod(period)}`,
    table: {
      columns: [
        { key: 'province', label: t('code') },
        { key: 'name', label: t('province') },
        ...RESULT_FIGURES.map((f) => ({ key: f, label: label(f) })),
        { key: 'status', label: t('status') },
      ],
      rows: [
        ...named
          .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
          .map((r) => ({
            province: r.province,
            name: r.name,
            ...Object.fromEntries(RESULT_FIGURES.map((f) => [f, cellOf(r[f])])),
            status: statusOf(r),
          })),
        ...unreported.map((code) => ({
          province: code,
          name: nameOf(ctx, code, period),
          ...Object.fromEntries(RESULT_FIGURES.map((f) => [f, null])),
          status: pick(CHANGE_TEXT.notReported),
        })),
      ],
    },
    fileName: `ket-qua-thanh-tra-tinh-${period}`,
    stamp,
  });
}

/**
 * One unit's recoveries month by month, for its own page (triệu đồng): what was recovered after
 * inspections and through the police, with no point for a month whose report lacked the figure.
 */
export function unitRecoveryPoints(rows: readonly EnforcementRow[], code: string) {
  return rows
    .filter((r) => r.province === code)
    .flatMap((r) =>
      (['inspection_recovered', 'police_recovered'] as const).flatMap((f) => {
        const value = r[f];
        return value === null ? [] : [moneyPoint(r.period, label(f), value, 'trieu')];
      }),
    );
}
