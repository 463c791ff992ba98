/**
 * The dashboard: reads the site data once, then draws the page the URL hash names (overview by
 * default) for the month, geography, region, province and language the hash holds.
 */
import { DASHBOARD_MESSAGES, type TextKey } from '../../core/messages/index.ts';
import { formatPeriod } from './format.ts';
import { lang, regionLabel, setLang, t } from './i18n.ts';
import { renderOverviewHead } from './pages/overview-head.ts';
import type * as Pages from './pages/index.ts';
import { hashFor, routeFromHash, type Route } from './route.ts';
import { loadScope, loadSiteData, onBasis, type SiteData } from './site-data-client.ts';
import { UnitNames } from './units.ts';
import { setViewState, viewLine } from './view-state.ts';

/**
 * The pages and Vega (most of the bytes) load as a chunk of their own, started at once beside the
 * data: on a slow link the overview's tiles are drawn before the charts' code has arrived.
 */
const pages: Promise<typeof Pages> = import('./pages/index.ts');
let loaded: typeof Pages | undefined;
void pages.then((m) => (loaded = m)).catch(() => undefined); // a failed load is reported by the draw

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

async function start(): Promise<void> {
  const status = byId('status');
  const root = byId('page');
  const scope = await loadScope();
  const data = await loadSiteData();
  const names = new UnitNames(data.units);
  const read = (): Route => routeFromHash(location.hash, data.meta.periods, data.meta.latest_period);
  // A unit's viewer has only its bundle: its own page, restated to today's units, is all there is.
  const current = (): Route =>
    scope ? { ...read(), page: 'province', province: scope, geography: 'current', region: '' } : read();
  if (scope) limitToScope();
  const go = (change: Partial<Route>) => {
    location.hash = hashFor({ ...current(), ...change });
  };
  // Draws run one after another so a quick series of changes cannot interleave two pages.
  let drawing = Promise.resolve();
  const redraw = () => {
    drawing = drawing.then(async () => {
      const route = current();
      document.body.removeAttribute('data-ready');
      setLang(route.lang);
      setViewState(route);
      translateShell(route);
      byId('view-state').textContent = viewLine(route);
      fillFilters(data, names, route);
      loaded?.releaseCharts(root);
      root.replaceChildren();
      root.dataset.page = route.page;
      // "approved only" swaps in the national figures over approved reports (onBasis)
      const ctx = { data: onBasis(data, route.basis), route, names, root };
      if (!loaded && route.page === 'overview') renderOverviewHead(ctx);
      const { PAGE_RENDERERS } = await pages;
      root.replaceChildren(); // the first screen drawn early is drawn again with the page
      await PAGE_RENDERERS[route.page](ctx);
      status.textContent = '';
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
