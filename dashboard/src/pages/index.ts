import type { PageContext } from '../page-context.ts';

export { releaseCharts } from '../embed-chart.ts';
export { checkSiteData, onBasis } from '../site-data-client.ts';
import type { PageName } from '../route.ts';
import { renderCoverage } from './coverage.ts';
import { renderDebt } from './debt.ts';
import { renderEnforcement } from './enforcement.ts';
import { renderOverview } from './overview.ts';
import { renderProcedures } from './procedures.ts';
import { renderProvince } from './province.ts';
import { renderReporting } from './reporting.ts';

export const PAGE_RENDERERS: Record<PageName, (ctx: PageContext) => Promise<void>> = {
  overview: renderOverview,
  debt: renderDebt,
  coverage: renderCoverage,
  enforcement: renderEnforcement,
  procedures: renderProcedures,
  reporting: renderReporting,
  province: renderProvince,
};
