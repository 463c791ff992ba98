/**
 * What every page is given: the site data, the reader's choices (route), and helpers that apply
 * those choices the same way everywhere (geography, region, the "computed at … from N reports"
 * line, the link to a province's page).
 */
import { receivedUnits } from '../../core/charts/overview-rows.ts';
import { formatPeriod, formatTimestamp } from '../../core/format.ts';
import { datasetTitle, t } from './i18n.ts';
import type { Stamp } from './panel-frame.ts';
import { hashFor, type Route } from './route.ts';
import type { SiteData } from './site-data-fetch.ts';
import { FIRST_PERIOD_OF_34, generationOf, type UnitNames } from '../../core/unit-names.ts';

export interface PageContext {
  data: SiteData;
  route: Route;
  names: UnitNames;
  root: HTMLElement;
}

/** The hash of `route` changed by `change`: for links and for navigation. */
export function linkTo(ctx: PageContext, change: Partial<Route>): string {
  return hashFor({ ...ctx.route, ...change });
}

export function openProvince(ctx: PageContext, code: string): void {
  location.hash = linkTo(ctx, { page: 'province', province: code });
}

/** A chart's click handler: a click on a province (bar or map shape) opens its page. */
export function openClickedProvince(ctx: PageContext): (datum: Record<string, unknown>) => void {
  return (datum) => {
    const code = codeOf(datum);
    if (code) openProvince(ctx, code);
  };
}

/** Whether a unit is inside the region the reader chose (every unit when none is chosen). */
export function inRegion(ctx: PageContext, code: string, period: string): boolean {
  return !ctx.route.region || ctx.names.regionOf(code, period, ctx.route.geography) === ctx.route.region;
}

export function nameOf(ctx: PageContext, code: string, period: string): string {
  return ctx.names.nameOf(code, period, ctx.route.geography);
}

/**
 * "Computed at 05/10/2025 10:15 · from 61 reports “Debt” 09/2025": the figures of a dataset (or of
 * all datasets) for the month, counted over the region chosen or one province.
 */
export function stampFor(
  ctx: PageContext,
  dataset: string | null,
  opts: { period?: string; province?: string } = {},
): Stamp {
  const period = opts.period ?? ctx.route.period;
  const reports = ctx.data.completeness.filter(
    (c) =>
      c.period === period &&
      c.status !== 'missing' &&
      (dataset === null || c.dataset === dataset) &&
      (opts.province === undefined || c.province === opts.province) &&
      (!ctx.route.region || ctx.names.regionOf(c.province, c.period) === ctx.route.region),
  ).length;
  const what = dataset === null ? t('reportsOf') : `${t('reportsOf')} “${datasetTitle(dataset)}”`;
  return {
    text: `${t('stamp')} ${formatTimestamp(ctx.data.meta.computed_at)} · ${t('fromReports')} ${reports.toLocaleString('vi-VN')} ${what} ${formatPeriod(period)}`,
    reportsHref: linkTo(
      ctx,
      opts.province ? { page: 'province', province: opts.province } : { page: 'reporting' },
    ),
  };
}

/**
 * The units (in the chosen geography) whose report of `dataset` for `period` arrived: restated to
 * today's 34, a merged unit counts only when every one of its old units reported, since a partial
 * sum would read as a fall. Pages draw the others as "chưa báo cáo", never as zero.
 */
export function reportedUnits(ctx: PageContext, dataset: string, period: string): Set<string> {
  const restated = ctx.route.geography === 'current' && period < FIRST_PERIOD_OF_34;
  const currentOf = (code: string) =>
    restated
      ? (ctx.data.units.find((u) => u.generation === '63' && u.code === code)?.current_code ?? code)
      : code;
  return receivedUnits(ctx.data.completeness, dataset, period, currentOf);
}

/** The units of the chosen geography for `period`, in the region chosen. */
export function unitsShown(ctx: PageContext, period: string): string[] {
  const generation = ctx.route.geography === 'current' ? '34' : generationOf(period);
  return ctx.data.units
    .filter((u) => u.generation === generation && inRegion(ctx, u.code, period))
    .map((u) => u.code);
}

export function section(ctx: PageContext, className = 'two-columns'): HTMLElement {
  const el = document.createElement('div');
  el.className = className;
  ctx.root.append(el);
  return el;
}

/** The provinces clicked on a map or a bar carry their code in one of these fields. */
export function codeOf(datum: Record<string, unknown>): string | undefined {
  const properties = datum.properties as Record<string, unknown> | undefined;
  const code = datum.code ?? properties?.new_code ?? properties?.gso_code;
  return typeof code === 'string' && /^\d{2}$/.test(code) ? code : undefined;
}
