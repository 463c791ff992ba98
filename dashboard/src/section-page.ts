/**
 * The shape the coverage, enforcement and procedures pages share: a national trend across the
 * page, then a breakdown of the month beside the provinces ranked worst first. A page describes
 * its three panels; this file draws them the same way everywhere (titles carry the month, the
 * ranking shows the first twenty bars but exports every province, a bar opens its province).
 */
import type { Compared } from './changes.ts';
import { trendFrame, trendTable } from './chart-helpers.ts';
import { appendChanges } from './render-changes.ts';
import type { Cell, DataTable } from './data-table.ts';
import { formatPeriod } from '../../core/format.ts';
import { pick, t } from './i18n.ts';
import { CHANGE_TEXT } from '../../core/messages/index.ts';
import { appendUnreportedNote, unreportedRows, unreportedUnits } from './not-reported.ts';
import { openClickedProvince, section, type PageContext } from './page-context.ts';
import { chartPanel } from './panel.ts';
import type { Stamp } from './panel-frame.ts';
import { barRankingSpec } from './specs/bar-ranking.ts';
import { groupedBarSpec, type GroupedOptions, type GroupedValue } from './specs/grouped-bar.ts';
import { lineTrendSpec, type TrendPoint } from './specs/line-trend.ts';

/** How many provinces the ranking chart shows; its export has them all. */
const RANKED_BARS = 20;

export interface TrendPanel {
  id: string;
  title: string;
  points: readonly TrendPoint[];
  series: readonly string[];
  yTitle: string;
  seriesTitle: string;
  format?: string;
  fileName: string;
  /** The national figure whose like-for-like changes are written under the trend. */
  changes?: { label: string; what: Compared };
}

export interface BreakdownPanel {
  id: string;
  /** Without the month: the builder adds it. */
  title: string;
  values: readonly GroupedValue[];
  chart: Omit<GroupedOptions, 'description'>;
  table: DataTable;
  fileName: string;
  /** When the breakdown comes from another dataset than the page's. */
  stamp?: Stamp;
}

/** A province row of the ranking: its code and name, and whatever else its export shows. */
export type RankedRow = Record<string, Cell> & { province: string; name: string };

export interface RankingPanel<R extends RankedRow> {
  id: string;
  /** Without the month: the builder adds it. */
  title: string;
  /** Every province of the month, worst first. */
  rows: readonly R[];
  value: (row: R) => number;
  shown: (row: R) => string;
  xTitle: string;
  format?: string;
  color: string;
  /** 'data' for rates near 100%: dots on a fitted axis instead of bars from zero. */
  baseline?: 'zero' | 'data';
  /** Export columns after the province's code and name. */
  columns: DataTable['columns'];
  fileName: string;
}

export interface SectionPage<R extends RankedRow> {
  /** The report the page's figures come from: units that did not send it are marked. */
  dataset: string;
  stamp: Stamp;
  trend: TrendPanel;
  breakdown: BreakdownPanel;
  ranking: RankingPanel<R>;
}

/** Draws a section page: the trend across the top, the breakdown and the ranking side by side. */
export async function renderSectionPage<R extends RankedRow>(
  ctx: PageContext,
  page: SectionPage<R>,
): Promise<void> {
  const { period } = ctx.route;
  const { stamp, trend, breakdown, ranking } = page;
  const trendPanel = await chartPanel(ctx.root, {
    id: trend.id,
    national: true,
    title: trend.title,
    spec: lineTrendSpec(trend.points, {
      ...trendFrame(ctx.data.meta.periods, period),
      description: trend.title,
      yTitle: trend.yTitle,
      seriesTitle: trend.seriesTitle,
      series: trend.series,
      ...(trend.format === undefined ? {} : { format: trend.format }),
    }),
    table: trendTable(trend.points, trend.series),
    fileName: trend.fileName,
    stamp,
  });
  if (trend.changes) appendChanges(ctx, trendPanel, trend.changes.label, trend.changes.what);
  const pair = section(ctx);
  const unreported = unreportedUnits(ctx, page.dataset, period);
  const emptyColumns = ranking.columns.map((c) => c.key);
  await Promise.all([
    chartPanel(pair, {
      id: breakdown.id,
      title: `${breakdown.title} · ${formatPeriod(period)}`,
      spec: groupedBarSpec(breakdown.values, { ...breakdown.chart, description: breakdown.title }),
      table: breakdown.table,
      fileName: breakdown.fileName,
      stamp: breakdown.stamp ?? stamp,
      wide: false,
    }),
    chartPanel(pair, {
      id: ranking.id,
      title: `${ranking.title} · ${formatPeriod(period)}`,
      spec: barRankingSpec(
        ranking.rows.slice(0, RANKED_BARS).map((r) => ({
          code: r.province,
          name: r.name,
          value: ranking.value(r),
          shown: ranking.shown(r),
        })),
        {
          description: ranking.title,
          xTitle: ranking.xTitle,
          nameTitle: t('province'),
          color: ranking.color,
          ...(ranking.format === undefined ? {} : { format: ranking.format }),
          ...(ranking.baseline === undefined ? {} : { baseline: ranking.baseline }),
        },
      ),
      table: {
        columns: [
          { key: 'province', label: t('code') },
          { key: 'name', label: t('province') },
          ...ranking.columns,
          { key: 'status', label: t('status') },
        ],
        rows: [
          ...ranking.rows.map((r) => ({ ...r, status: pick(CHANGE_TEXT.reportedStatus) })),
          ...unreportedRows(ctx, unreported, period, emptyColumns),
        ],
      },
      fileName: ranking.fileName,
      stamp,
      onClick: openClickedProvince(ctx),
      wide: false,
    }).then((panel) => appendUnreportedNote(ctx, panel, unreported, period)),
  ]);
}
