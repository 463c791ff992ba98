/**
 * The overview's panels as the first screen frames them before the charting library has loaded:
 * the same titles, frames, map picker and order as the live page, each chart the SVG the refresh
 * drew ahead, the map with its islands named. Free of Vega.
 */
import type { FirstScreenChart } from '../../../core/charts/first-screen.ts';
import type { FirstScreenFile } from '../../../core/contracts/first-screen.ts';
import { formatPeriod } from '../../../core/format.ts';
import { VIEW_TEXT } from '../../../core/messages/index.ts';
import { holdDrawnAhead, svgElement } from '../drawn-ahead.ts';
import { datasetTitle, pick, t } from '../i18n.ts';
import { MAP_HEIGHT, MAP_MEASURES, MEASURES, isMapMeasure } from '../../../core/charts/map-measures.ts';
import { linkTo, section, stampFor, type PageContext } from '../page-context.ts';
import { panelFrame } from '../panel-frame.ts';

/** The overview's panel titles, for the live panels and the frames drawn ahead alike. */
export function overviewTitles(ctx: PageContext) {
  const { period, measure } = ctx.route;
  return {
    trend: `${t('trendDebt')} (${pick(VIEW_TEXT.inTy)})`,
    ranking: `${t('rankingDebt')} (${pick(VIEW_TEXT.inTy)})`,
    map: `${t('mapOf')} · ${t(MEASURES[measure].label)} · ${formatPeriod(period)}`,
    heatmap: `${t('heatmap')} · ${datasetTitle('debt')}`,
  };
}

/** The map's measure picker, kept in the URL. */
export function measurePicker(ctx: PageContext): HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'controls page-controls';
  const label = document.createElement('label');
  label.htmlFor = 'map-measure';
  label.textContent = t('mapMeasure');
  const select = document.createElement('select');
  select.id = 'map-measure';
  for (const m of MAP_MEASURES) select.append(new Option(t(MEASURES[m].label), m));
  select.value = ctx.route.measure;
  select.addEventListener('change', () => {
    if (isMapMeasure(select.value)) location.hash = linkTo(ctx, { measure: select.value });
  });
  wrap.append(label, select);
  return wrap;
}

export function mapAttribution(): HTMLElement {
  const attribution = document.createElement('p');
  attribution.className = 'attribution';
  attribution.textContent = t('attribution');
  return attribution;
}

/** Frames the overview's charts under the headline tiles, each drawn-ahead chart in its place. */
export function drawOverviewAhead(ctx: PageContext, file: FirstScreenFile): void {
  const titles = overviewTitles(ctx);
  const stamp = stampFor(ctx, 'debt');
  const framed = (parent: HTMLElement, id: FirstScreenChart, wide: boolean) => {
    const frame = panelFrame(parent, { id, title: titles[id], stamp, wide });
    const drawn = file.charts.find((c) => c.id === id);
    const element = drawn && svgElement(drawn.svg, drawn.description);
    if (!drawn || !element) return frame;
    frame.chart.append(element);
    holdDrawnAhead(id, { element, height: drawn.height });
    return frame;
  };
  framed(ctx.root, 'trend', true);
  const pair = section(ctx);
  framed(pair, 'ranking', false);
  // The map's place is held at its live height even when the file has no drawing of it.
  const map = framed(pair, 'map', false);
  map.chart.style.minHeight = `${MAP_HEIGHT}px`;
  map.figure.querySelector('.panel-header')?.after(measurePicker(ctx));
  map.figure.append(mapAttribution());
  framed(ctx.root, 'heatmap', true);
}
