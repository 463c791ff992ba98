/**
 * The overview's charts drawn ahead by the refresh: with the chart chunk (Vega, zod) held back at
 * the network, the first screen shows them as SVG, marks and labels computed here from the
 * fixture's rows (the map with the Hoàng Sa and Trường Sa archipelagos named and the units
 * without a report grey); once the chunk arrives each is replaced by its live view at the same
 * height on a 360 px phone. A view other than the one drawn for (another month) never shows them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatPeriod } from '../../core/format.ts';
import { openDashboard, textsRead, waitForPage, type Dashboard } from './harness.ts';

let dash: Dashboard;
beforeAll(async () => {
  dash = await openDashboard();
});
afterAll(async () => {
  await dash.close();
});

const scriptPath = (url: string) => new URL(url).pathname.replace(/^\//, '');

/** Holds every script but the first screen's until the returned function is called. */
async function holdCharts(page: Page): Promise<() => void> {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.unroute('**/*.js');
  await page.route('**/*.js', async (route) => {
    if (!dash.build.firstScreen.includes(scriptPath(route.request().url()))) await gate;
    await route.continue();
  });
  return release;
}

/** The units whose debt report of `period` arrived. */
function rankedReported(period: string): Set<string> {
  const debt = dash.fixture.completeness.filter((c) => c.dataset === 'debt' && c.period === period);
  const missing = new Set(debt.filter((c) => c.status === 'missing').map((c) => c.province));
  return new Set(debt.filter((c) => !missing.has(c.province)).map((c) => c.province));
}

/** The ranking's province names, as the overview ranks them: reported units, by rank, top 15. */
function rankedNames(period: string): string[] {
  const { provinces, units } = dash.fixture;
  const reported = rankedReported(period);
  const generation = period >= '2025-07' ? '34' : '63';
  return provinces
    .filter((r) => r.period === period && reported.has(r.province))
    .sort((a, b) => a.debt_rank - b.debt_rank)
    .slice(0, 15)
    .map((r) => units.find((u) => u.generation === generation && u.code === r.province)?.name_vi ?? '');
}

/** The axis labels of a chart that are among `names`, in the order drawn. */
async function labelsAmong(page: Page, chart: string, names: readonly string[]): Promise<string[]> {
  const texts = await page.locator(`#${chart} .role-axis-label text`).allTextContents();
  return texts.filter((text) => names.includes(text));
}

/** The names of the map's units drawn grey ("chưa báo cáo"), sorted, drawn ahead or live. */
const greyShapes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('#chart-map path[aria-roledescription="geoshape"]')]
      .filter((p) => getComputedStyle(p).fill === 'rgb(176, 176, 176)')
      .map((p) => /Tỉnh, thành phố: ([^;]*)/.exec(p.getAttribute('aria-label') ?? '')?.[1] ?? '')
      .sort(),
  );

/** Charts wider than their panel (none may make a phone scroll sideways). */
const widerThanPanel = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.chart')].flatMap((chart) => {
      const svg = chart.querySelector('svg');
      const panel = chart.closest('.panel');
      if (!svg || !panel) return [];
      const over = svg.getBoundingClientRect().width - panel.getBoundingClientRect().width;
      return over > 1 ? [`${chart.id} is ${Math.round(over)}px wider than its panel`] : [];
    }),
  );

const heights = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      ['trend', 'ranking', 'map', 'heatmap'].map((id) => [
        id,
        Math.round(document.getElementById(`chart-${id}`)?.getBoundingClientRect().height ?? -1),
      ]),
    ),
  );

describe('charts drawn ahead', () => {
  it('shows the SVG before the chart chunk runs, then the live views at the same size on a phone', async () => {
    const { page, fixture } = dash;
    await page.setViewportSize({ width: 360, height: 740 });
    const release = await holdCharts(page);
    const latest = fixture.meta.latest_period;
    await page.goto('about:blank');
    await page.goto(dash.server.url);
    await page.waitForSelector(`body[data-first-screen="${latest}"]`, { timeout: 60_000 });
    expect(await page.locator('body[data-ready]').count()).toBe(0);
    expect(await page.locator('.vega-embed').count()).toBe(0);
    expect(await page.getAttribute('body', 'data-charts-ahead')).toBe('4');

    // The trend: a point per month and scheme (four), named for screen readers.
    const trend = page.locator('#chart-trend svg[data-drawn-ahead]');
    expect(await trend.getAttribute('role')).toBe('img');
    expect(await trend.getAttribute('aria-label')).toContain('toàn quốc');
    expect(await trend.locator('.mark-symbol.role-mark path').count()).toBe(fixture.national.length * 4);
    // The ranking: the reported provinces by rank, two parts a bar.
    const names = rankedNames(latest);
    expect(names.length).toBeGreaterThan(3);
    expect(await labelsAmong(page, 'chart-ranking', names)).toEqual(names);
    expect(await page.locator('#chart-ranking .mark-rect.role-mark path').count()).toBe(names.length * 2);
    expect(await page.locator('#chart-ranking svg.marks').getAttribute('aria-label')).toContain(
      formatPeriod(latest),
    );
    // The heatmap: a cell per unit and month of the last year's debt reports.
    const from = [...new Set(fixture.completeness.map((c) => c.period))].sort().slice(-12)[0] ?? latest;
    const cells = fixture.completeness.filter((c) => c.dataset === 'debt' && c.period >= from);
    expect(await page.locator('#chart-heatmap .mark-rect.role-mark path').count()).toBe(cells.length);
    // The map: the archipelagos named, a shape per unit, those without a debt report grey.
    const map = page.locator('#chart-map svg[data-drawn-ahead]');
    expect(await map.getAttribute('role')).toBe('img');
    expect(await map.getAttribute('aria-label')).toContain(formatPeriod(latest));
    const mapTexts = await map.locator('text').evaluateAll(textsRead);
    expect(mapTexts).toContain('Quần đảo Hoàng Sa (TP Đà Nẵng)');
    expect(mapTexts).toContain('Quần đảo Trường Sa (tỉnh Khánh Hòa)');
    const units34 = fixture.units.filter((u) => u.generation === '34');
    expect(await map.locator('path[aria-roledescription="geoshape"]').count()).toBe(units34.length);
    const unreported = units34.filter((u) => !rankedReported(latest).has(u.code)).map((u) => u.name_vi);
    expect(unreported.length).toBeGreaterThan(0);
    expect(await greyShapes(page)).toEqual(unreported.sort());
    expect(await widerThanPanel(page)).toEqual([]);
    const ahead = await heights(page);

    release();
    await waitForPage(page, 'overview', latest);
    expect(await page.locator('svg[data-drawn-ahead]').count()).toBe(0);
    for (const id of ['chart-trend', 'chart-ranking', 'chart-map', 'chart-heatmap'])
      expect(await page.locator(`#${id}.vega-embed svg.marks`).count(), id).toBe(1);
    expect(await labelsAmong(page, 'chart-ranking', names)).toEqual(names);
    expect(await page.locator('#chart-trend .mark-symbol.role-mark path').count()).toBe(
      fixture.national.length * 4,
    );
    expect(await heights(page)).toEqual(ahead);
    // the live map names the islands and greys the same units
    const liveTexts = await page.locator('#chart-map.vega-embed svg.marks text').evaluateAll(textsRead);
    expect(liveTexts).toContain('Quần đảo Hoàng Sa (TP Đà Nẵng)');
    expect(liveTexts).toContain('Quần đảo Trường Sa (tỉnh Khánh Hòa)');
    expect(await greyShapes(page)).toEqual(unreported);
    expect(dash.problems).toEqual([]);
  });

  it('never shows them for another month, asked in the link or chosen before the charts load', async () => {
    const { page, fixture } = dash;
    await page.setViewportSize({ width: 1280, height: 900 });
    const periods = fixture.meta.periods;
    const earlier = periods[periods.length - 3] ?? '';
    let release = await holdCharts(page);
    await page.goto('about:blank');
    await page.goto(`${dash.server.url}#page=overview&month=${earlier}`);
    await page.waitForSelector(`body[data-first-screen="${earlier}"]`, { timeout: 60_000 });
    expect(await page.locator('svg[data-drawn-ahead]').count()).toBe(0);
    release();
    await waitForPage(page, 'overview', earlier);

    // Drawn ahead for the latest month, then the reader asks for another before Vega arrives.
    release = await holdCharts(page);
    await page.goto('about:blank');
    await page.goto(dash.server.url);
    await page.waitForSelector('body[data-charts-ahead="4"]', { timeout: 60_000 });
    // From here on, no drawing made ahead may be put into the page, even for a moment.
    await page.evaluate((month) => {
      const seen = document.body;
      new MutationObserver((changes) => {
        for (const change of changes)
          for (const node of change.addedNodes)
            if (node instanceof Element && node.matches('svg[data-drawn-ahead]'))
              seen.dataset.staleShown = 'true';
      }).observe(document.getElementById('page') ?? seen, { childList: true, subtree: true });
      location.hash = `#page=overview&month=${month}`;
    }, earlier);
    release();
    await waitForPage(page, 'overview', earlier);
    expect(await page.getAttribute('body', 'data-stale-shown')).toBeNull();
    expect(await page.locator('svg[data-drawn-ahead]').count()).toBe(0);
    expect(await labelsAmong(page, 'chart-ranking', rankedNames(earlier))).toEqual(rankedNames(earlier));
    // the live ranking says in words which month it ranks
    expect(await page.locator(`#chart-ranking [aria-label*="${formatPeriod(earlier)}"]`).count()).toBe(1);
    await page.unroute('**/*.js');
    expect(dash.problems).toEqual([]);
  });
});
