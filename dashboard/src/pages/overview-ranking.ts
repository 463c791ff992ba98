/**
 * The overview's ranking when the map shows a measure other than the debt: the provinces by that
 * measure, worst first — rates (late-payment rate, coverage against the assigned target, dossiers
 * on time) as dots on an axis fitted to them, amounts as bars. Units without a report, or without
 * the figure (no target assigned), are left out of the chart and listed last in the export.
 */
import type { ProvinceRow } from '../../../core/contracts/site-data.ts';
import { HEADLINE_TEXT, VIEW_TEXT } from '../../../core/messages/index.ts';
import { formatPeriod } from '../../../core/format.ts';
import { pick, t } from '../i18n.ts';
import { MEASURES } from '../../../core/charts/map-measures.ts';
import { appendUnreportedNote, unreportedRows, unreportedUnits } from '../not-reported.ts';
import {
  inRegion,
  nameOf,
  openClickedProvince,
  reportedUnits,
  stampFor,
  unitsShown,
  type PageContext,
} from '../page-context.ts';
import { chartPanel } from '../panel.ts';
import { barRankingSpec } from '../specs/bar-ranking.ts';

const RANKED_BARS = 20;

/** True when the ranking follows the map's measure (the debt keeps its own stacked ranking). */
export const rankingFollowsMeasure = (ctx: PageContext) =>
  ctx.route.measure !== 'debt_total' && !MEASURES[ctx.route.measure].needsEnforcement;

/** `rows`: the province rows in the chosen geography, every month. */
export async function measureRankingPanel(
  ctx: PageContext,
  parent: HTMLElement,
  rows: readonly ProvinceRow[],
) {
  const { period, measure } = ctx.route;
  const def = MEASURES[measure];
  const reported = reportedUnits(ctx, def.dataset, period);
  const values = def
    .values(
      rows.filter((r) => r.period === period && inRegion(ctx, r.province, period)),
      [],
    )
    .filter((v) => reported.has(v.province))
    .sort(
      (a, b) =>
        (def.worst === 'high' ? b.value - a.value : a.value - b.value) ||
        a.province.localeCompare(b.province),
    );
  const ranked = new Set(values.map((v) => v.province));
  const unreported = unreportedUnits(ctx, def.dataset, period);
  // reported, but without the figure (no target assigned, no base): neither ranked nor a zero
  const noFigure = unitsShown(ctx, period).filter((c) => reported.has(c) && !ranked.has(c));
  const title = pick(HEADLINE_TEXT.rankingBy(t(def.label)));
  const panel = await chartPanel(parent, {
    id: 'ranking',
    title: `${title} · ${formatPeriod(period)}`,
    spec: barRankingSpec(
      values.slice(0, RANKED_BARS).map((v) => ({
        code: v.province,
        name: nameOf(ctx, v.province, period),
        value: v.value,
        shown: v.shown,
      })),
      {
        description: title,
        xTitle: t(def.legend),
        nameTitle: t('province'),
        format: def.format,
        baseline: def.isRate ? 'data' : 'zero',
      },
    ),
    table: {
      columns: [
        { key: 'rank', label: t('rank') },
        { key: 'code', label: t('code') },
        { key: 'name', label: t('province') },
        { key: 'value', label: t(def.legend) },
        { key: 'shown', label: pick(VIEW_TEXT.shownColumn) },
        { key: 'status', label: t('status') },
      ],
      rows: [
        ...values.map((v, i) => ({
          rank: i + 1,
          code: v.province,
          name: nameOf(ctx, v.province, period),
          value: v.raw,
          shown: v.shown,
          status: pick(HEADLINE_TEXT.ranked),
        })),
        ...noFigure.map((code) => ({
          rank: null,
          code,
          name: nameOf(ctx, code, period),
          value: null,
          shown: '',
          status: pick(HEADLINE_TEXT.noFigure),
        })),
        ...unreportedRows(ctx, unreported, period, ['rank', 'value', 'shown']),
      ],
    },
    fileName: `xep-hang-${measure}-${period}`,
    stamp: stampFor(ctx, def.dataset),
    onClick: openClickedProvince(ctx),
    wide: false,
  });
  appendUnreportedNote(ctx, panel, unreported, period);
}
