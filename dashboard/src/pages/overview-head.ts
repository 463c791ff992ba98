/**
 * The overview's first screen: the headline tiles and how many units reported. Kept free of Vega
 * so the page can draw it while the chart bundle is still arriving on a slow link.
 */
import { DASHBOARD_MESSAGES } from '../../../core/messages/index.ts';
import { formatPeriod } from '../format.ts';
import { pick, t } from '../i18n.ts';
import { coverageLine, kpiTiles } from '../kpis.ts';
import { stampFor, type PageContext } from '../page-context.ts';
import { renderKpis } from '../render-kpis.ts';

export function renderOverviewHead(ctx: PageContext): void {
  const { data, route } = ctx;
  const { period } = route;
  const row = data.national.find((r) => r.period === period);

  const head = document.createElement('section');
  head.setAttribute('aria-labelledby', 'kpi-title');
  head.innerHTML =
    '<h2 id="kpi-title"></h2><p id="reported" class="reported"></p><div id="kpis" class="kpis"></div>';
  ctx.root.append(head);
  head.querySelector('h2')?.append(`${t('kpiTitle')} ${formatPeriod(period)}`);
  const reported = head.querySelector<HTMLElement>('#reported');
  if (reported)
    reported.textContent = row
      ? coverageLine(row)
      : pick(DASHBOARD_MESSAGES.noNationalFigures(formatPeriod(period)));
  const kpis = head.querySelector<HTMLElement>('#kpis');
  if (kpis) renderKpis(kpis, kpiTiles(data.national, period, data));
  head.append(
    Object.assign(document.createElement('p'), {
      className: 'stamp',
      textContent: stampFor(ctx, 'debt').text,
    }),
  );
}
