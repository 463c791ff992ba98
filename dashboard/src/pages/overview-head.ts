/**
 * The overview's first screen: the headline tiles and how many units reported. Kept free of Vega
 * so the page can draw it while the chart bundle is still arriving on a slow link.
 */
import { CHANGE_TEXT, DASHBOARD_MESSAGES } from '../../../core/messages/index.ts';
import { approvalLine } from '../approval-counts.ts';
import { formatPeriod } from '../../../core/format.ts';
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
    '<h2 id="kpi-title"></h2><p id="reported" class="reported"></p><p id="approval" class="reported"></p><div id="kpis" class="kpis"></div>';
  ctx.root.append(head);
  head.querySelector('h2')?.append(`${t('kpiTitle')} ${formatPeriod(period)}`);
  const reported = head.querySelector<HTMLElement>('#reported');
  const approvedOnly = route.basis === 'approved';
  if (reported)
    reported.textContent = !row
      ? pick(DASHBOARD_MESSAGES.noNationalFigures(formatPeriod(period)))
      : approvedOnly
        ? pick(CHANGE_TEXT.approvedUnits(row.provinces_reported, row.provinces_expected))
        : coverageLine(row);
  // Leadership sees how far the month is signed off, whichever basis the figures are on.
  const approval = head.querySelector<HTMLElement>('#approval');
  if (approval) {
    const line = approvalLine(ctx, period);
    approval.dataset.perReport = String(line.perReport);
    approval.textContent = line.text;
  }
  const kpis = head.querySelector<HTMLElement>('#kpis');
  if (kpis)
    renderKpis(
      kpis,
      kpiTiles(data.national, period, { ...data, approvedOnly: approvedOnly ? data.approvals : undefined }),
    );
  head.append(
    Object.assign(document.createElement('p'), {
      className: 'stamp',
      textContent: stampFor(ctx, 'debt').text,
    }),
  );
}
