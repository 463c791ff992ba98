/**
 * The dashboard: reads the site data once, then draws the page the URL hash names (overview by
 * default) for the month, geography, region, province and language the hash holds.
 */
import { DASHBOARD_MESSAGES, type TextKey } from '../../core/messages/index.ts';
import { formatPeriod } from '../../core/format.ts';
import { lang, regionLabel, setLang, t } from './i18n.ts';
import { drawnFor, fetchDrawnAhead, forgetDrawnAhead } from './drawn-ahead.ts';
import { drawOverviewAhead } from './pages/overview-ahead.ts';
import { renderOverviewHead } from './pages/overview-head.ts';
import type * as Pages from './pages/index.ts';
import { hashFor, routeFromHash, type Route } from './route.ts';
import { dataRoot, fetchSiteFiles, firstScreenData, loadScope, type SiteData } from './site-data-fetch.ts';
import { UnitNames } from '../../core/unit-names.ts';
import { setViewState, viewLine } from './view-state.ts';

/**
 * The pages, Vega and zod (most of the bytes) are a chunk of their own. The page names it for
 * preloading, so its bytes arrive beside the first bundle. On the overview it is evaluated only
 * once the headline tiles are drawn from the data files: evaluating it is one long task, and the
 * files arriving meanwhile would wait behind it, so the tiles would wait for the charting library.
 * Any other page has nothing to draw without it and evaluates it while the files arrive.
 */
let pages: Promise<typeof Pages> | undefined;
const loadPages = (): Promise<typeof Pages> => (pages ??= import('./pages/index.ts'));

/**
 * Resolves once the browser has painted what is in the page now (the frame after the next), or
 * after 100 ms in a tab in the background, where no frame comes until it is shown.
 */
const afterNextPaint = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });

/** Marks the first screen drawn: for the benchmark and the tests, as data-ready marks every chart. */
function markFirstScreen(period: string): void {
  document.body.setAttribute('data-first-screen', period);
  performance.mark('vss-first-screen');
}

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html has no #${id}`);
  return el as T;
}

function fillSelect(
  select: HTMLSelectElement,
  options: readonly { value: string; label: string }[],
  value: string,
): void {
  select.replaceChildren(...options.map((o) => new Option(o.label, o.value)));
  select.value = value;
  select.disabled = false;
}

/** Static text of index.html in the chosen language. */
function translateShell(route: Route): void {
  document.title = t('docTitle');
  for (const el of document.querySelectorAll<HTMLElement>('[data-text]'))
    el.textContent = t(el.dataset.text as TextKey);
  byId('lang').setAttribute('lang', lang() === 'vi' ? 'en' : 'vi');
  byId('lang').setAttribute('aria-label', t('languageLabel'));
  document.querySelector('nav.tabs')?.setAttribute('aria-label', t('nav'));
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.tabs a')) {
    const page = link.dataset.page as Route['page'];
    link.href = hashFor({ ...route, page });
    if (page === route.page) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function fillFilters(data: SiteData, names: UnitNames, route: Route): void {
  fillSelect(
    byId('month'),
    [...data.meta.periods]
      .reverse()
      .map((p) => ({ value: p, label: `${t('monthOption')} ${formatPeriod(p)}` })),
    route.period,
  );
  byId<HTMLSelectElement>('geography').value = route.geography;
  byId<HTMLSelectElement>('basis').value = route.basis;
  fillSelect(
    byId('region'),
    [
      { value: '', label: t('allRegions') },
      ...names.regions().map((r) => ({ value: r, label: regionLabel(r) })),
    ],
    route.region,
  );
  fillSelect(
    byId('province'),
    [
      { value: '', label: t('chooseProvince') },
      ...names.unitsOf(route.period, route.geography).map((u) => ({ value: u.code, label: u.name_vi })),
    ],
    route.province,
  );
}

/** Hides the pages and filters that only make sense with every unit's data. */
function limitToScope(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.tabs a'))
    if (link.dataset.page !== 'province') link.hidden = true;
  for (const id of ['geography', 'region', 'province', 'basis']) {
    const control = byId(id);
    control.hidden = true;
    document.querySelector<HTMLElement>(`label[for="${id}"]`)?.setAttribute('hidden', '');
  }
  document.body.dataset.scope = 'province';
}

/** Shell text, filters and the view line for `route`. */
function drawShell(data: SiteData, names: UnitNames, route: Route): void {
  setLang(route.lang);
  setViewState(route);
  translateShell(route);
  byId('view-state').textContent = viewLine(route);
  fillFilters(data, names, route);
}

async function start(): Promise<void> {
  const status = byId('status');
  const root = byId('page');
  const scope = await loadScope();
  const fetching = fetchSiteFiles();
  const firstScreen = (route: Pick<Route, 'page' | 'basis'>) =>
    !scope && route.page === 'overview' && route.basis === 'latest';
  const asked = routeFromHash(location.hash, [], '');
  if (!firstScreen(asked)) void loadPages().catch(() => undefined);
  // The charts drawn ahead by the refresh, for the default view only (a small file beside the data).
  const ahead = firstScreen(asked) ? fetchDrawnAhead(dataRoot()) : Promise.resolve(undefined);
  const files = await fetching;
  const early = firstScreenData(files);
  const read = (): Route => routeFromHash(location.hash, early.meta.periods, early.meta.latest_period);
  // A unit's viewer has only its bundle: its own page, restated to today's units, is all there is.
  const current = (): Route =>
    scope ? { ...read(), page: 'province', province: scope, geography: 'current', region: '' } : read();
  if (scope) limitToScope();
  const first = current();
  if (firstScreen(first)) {
    // The headline tiles from the lightly checked files, before Vega and zod are evaluated.
    const names = new UnitNames(early.units);
    drawShell(early, names, first);
    const ctx = { data: early, route: first, names, root };
    renderOverviewHead(ctx);
    const drawn = await ahead;
    if (drawn && drawnFor(drawn, first, early.meta.latest_period)) {
      drawOverviewAhead(ctx, drawn);
      document.body.dataset.chartsAhead = String(root.querySelectorAll('[data-drawn-ahead]').length);
    }
    markFirstScreen(first.period);
    await afterNextPaint();
  }
  const loaded = await loadPages();
  // Every page, the first screen drawn again with it, is drawn from the rows checked with zod.
  const data = loaded.checkSiteData(files);
  performance.mark('vss-data-checked');
  const names = new UnitNames(data.units);
  const go = (change: Partial<Route>) => {
    location.hash = hashFor({ ...current(), ...change });
  };
  // Draws run one after another so a quick series of changes cannot interleave two pages.
  let drawing = Promise.resolve();
  const redraw = () => {
    drawing = drawing.then(async () => {
      const route = current();
      const drawn = await ahead;
      // a chart drawn ahead is shown only in the view it was drawn for
      if (!drawn || !drawnFor(drawn, route, data.meta.latest_period)) forgetDrawnAhead();
      document.body.removeAttribute('data-ready');
      drawShell(data, names, route);
      // "approved only" swaps in the national figures over approved reports, fetched on first use
      const ctx = { data: await loaded.onBasis(data, route.basis), route, names, root };
      loaded.releaseCharts(root);
      root.replaceChildren();
      root.dataset.page = route.page;
      await loaded.PAGE_RENDERERS[route.page](ctx);
      forgetDrawnAhead();
      status.textContent = '';
      if (!document.body.hasAttribute('data-first-screen')) markFirstScreen(route.period);
      document.body.setAttribute('data-page', route.page);
      document.body.setAttribute('data-ready', route.period);
    });
    return drawing;
  };
  byId<HTMLSelectElement>('month').addEventListener('change', (e) =>
    go({ period: (e.target as HTMLSelectElement).value }),
  );
  byId<HTMLSelectElement>('geography').addEventListener('change', (e) =>
    go({ geography: (e.target as HTMLSelectElement).value === 'current' ? 'current' : 'as_reported' }),
  );
  byId<HTMLSelectElement>('region').addEventListener('change', (e) =>
    go({ region: (e.target as HTMLSelectElement).value }),
  );
  byId<HTMLSelectElement>('basis').addEventListener('change', (e) =>
    go({ basis: (e.target as HTMLSelectElement).value === 'approved' ? 'approved' : 'latest' }),
  );
  byId<HTMLSelectElement>('province').addEventListener('change', (e) => {
    const code = (e.target as HTMLSelectElement).value;
    go(code ? { province: code, page: 'province' } : { province: '' });
  });
  byId('lang').addEventListener('click', () => go({ lang: lang() === 'vi' ? 'en' : 'vi' }));
  window.addEventListener('hashchange', () => void redraw().catch(fail));
  await redraw();
}

function fail(error: unknown): void {
  const status = document.getElementById('status');
  console.error(error);
  if (!status) return;
  status.classList.add('error');
  const message = DASHBOARD_MESSAGES.dataUnavailable(error instanceof Error ? error.message : String(error));
  status.replaceChildren(message.vi, document.createElement('br'), message.en);
  status.setAttribute('data-failed', 'true');
}

start().catch(fail);
