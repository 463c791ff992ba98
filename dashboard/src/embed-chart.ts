import embed, { type EmbedOptions, type Result } from 'vega-embed';
import type { TopLevelSpec } from 'vega-lite';
import { chartLoader } from './boundary-loader.ts';
import { lang, t } from './i18n.ts';
import { FORMAT_LOCALE, TIME_FORMAT_LOCALE } from '../../core/charts/chart-text.ts';

function options(fileName: string): EmbedOptions {
  return {
    renderer: 'svg',
    loader: chartLoader,
    // Export only: leadership prints and pastes charts; the spec editor is for developers.
    actions: { export: true, source: false, compiled: false, editor: false },
    i18n: { CLICK_TO_VIEW_ACTIONS: t('downloadChart'), PNG_ACTION: t('savePng'), SVG_ACTION: t('saveSvg') },
    formatLocale: FORMAT_LOCALE,
    timeFormatLocale: TIME_FORMAT_LOCALE,
    tooltip: { theme: 'light' },
    downloadFileName: `${fileName}-${lang()}`,
  };
}

/** Called with the datum of the mark the reader clicked. */
export type ChartClick = (datum: Record<string, unknown>) => void;

const live = new WeakMap<HTMLElement, Result>();

/**
 * Draws `spec` into `el`, replacing whatever chart was there (its view is finalized so listeners
 * and timers do not pile up as the reader changes month). `data-rendered` tells tests and print
 * styles that the chart is complete.
 */
export async function embedChart(
  el: HTMLElement,
  spec: TopLevelSpec,
  fileName: string,
  onClick?: ChartClick,
): Promise<void> {
  live.get(el)?.finalize();
  el.removeAttribute('data-rendered');
  const result = await embed(el, spec, options(fileName));
  live.set(el, result);
  if (onClick)
    result.view.addEventListener('click', (_event, item) => {
      const datum: unknown = item?.datum;
      if (datum && typeof datum === 'object') onClick(datum as Record<string, unknown>);
    });
  el.setAttribute('data-rendered', 'true');
}

/** Finalizes every chart under `root` before the page replaces it. */
export function releaseCharts(root: HTMLElement): void {
  for (const el of root.querySelectorAll<HTMLElement>('.chart')) live.get(el)?.finalize();
}
