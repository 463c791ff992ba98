/**
 * The dashboard in headless Chromium over the local static server: time from navigation until
 * the headline tiles show (the first screen, drawn before the chart chunk runs), until every chart
 * of the overview is on screen (a drawing made ahead by the refresh counts, as the reader sees
 * it), until the page marks every live view drawn (body[data-ready]), and bytes received.
 */
import { buildSite } from '../../pipeline/site/build.ts';
import { serveSite } from '../../local/site-server.ts';
import { launchChromium } from '../chromium/chromium.ts';
import { median, note, report, step } from './measure.ts';

const RUNS = 3;

/**
 * Runs in the page before its scripts: notes (ms since navigation) when the first tile is there,
 * when the charts the refresh drew ahead (data/first-screen.json) are all in the page, and when
 * each of the overview's charts shows a drawing, made ahead or live.
 */
function WATCH(): void {
  const seen = window as unknown as Record<string, number>;
  const charts = ['trend', 'ranking', 'map', 'heatmap'].map((id) => `#chart-${id}`);
  new MutationObserver((_, observer) => {
    if (!seen.__vssTiles && document.querySelector('#kpis [data-kpi]')) seen.__vssTiles = performance.now();
    const ahead = document.body?.dataset.chartsAhead;
    if (!seen.__vssAhead && ahead && document.querySelectorAll('svg[data-drawn-ahead]').length >= +ahead)
      seen.__vssAhead = performance.now();
    if (!seen.__vssEvery && charts.every((c) => document.querySelector(`${c} svg, ${c} canvas`)))
      seen.__vssEvery = performance.now();
    if (seen.__vssTiles && seen.__vssAhead && seen.__vssEvery) observer.disconnect();
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

export async function benchDashboard(siteDir: string): Promise<void> {
  step(`dashboard in headless Chromium, median of ${RUNS} cold loads`);
  await buildSite({ outDir: siteDir });
  const server = await serveSite({ dir: siteDir, port: 0 });
  const browser = await launchChromium();
  const times: number[] = [];
  const firstScreens: number[] = [];
  const drawnAhead: number[] = [];
  const everyChart: number[] = [];
  const transfers: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      // A fresh context each time: nothing cached, as on a first visit.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
      const page = await context.newPage();
      let bytes = 0;
      page.on('requestfinished', (request) => {
        void request.sizes().then((s) => {
          bytes += s.responseBodySize + s.responseHeadersSize;
        });
      });
      await page.addInitScript(WATCH);
      const started = performance.now();
      await page.goto(server.url);
      await page.waitForSelector('body[data-ready]', { timeout: 120_000 });
      const drawn = (performance.now() - started) / 1000;
      // When the tiles showed, read in the page: a poll from here waits for a turn of the page's
      // main thread, which the charts' work holds right after the tiles are drawn.
      const [tilesMs, aheadMs, everyMs] = await page.evaluate(() => {
        const seen = window as unknown as Record<string, number | undefined>;
        return [seen.__vssTiles, seen.__vssAhead, seen.__vssEvery];
      });
      const first = (tilesMs ?? Number.NaN) / 1000;
      const ahead = (aheadMs ?? Number.NaN) / 1000;
      const every = (everyMs ?? Number.NaN) / 1000;
      await page.waitForLoadState('networkidle');
      times.push(drawn);
      firstScreens.push(first);
      drawnAhead.push(ahead);
      everyChart.push(every);
      transfers.push(bytes);
      note(
        `tiles in ${first.toFixed(2)} s, charts drawn ahead in ${ahead.toFixed(2)} s, every chart in ${every.toFixed(2)} s, every live view in ${drawn.toFixed(2)} s, ${(bytes / 1e6).toFixed(2)} MB received`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  report({
    name: 'dashboard: navigation to the headline tiles shown',
    value: median(firstScreens),
    unit: 's',
    target: 0.8,
  });
  report({
    name: "dashboard: navigation to the first screen's charts drawn ahead (SVG from the refresh)",
    value: median(drawnAhead),
    unit: 's',
    target: 0.8,
  });
  report({
    name: 'dashboard: navigation to every chart drawn (drawn ahead or live)',
    value: median(everyChart),
    unit: 's',
    target: 0.8,
  });
  report({ name: 'dashboard: navigation to every live view drawn', value: median(times), unit: 's' });
  report({ name: 'dashboard: bytes transferred', value: median(transfers) / 1e6, unit: 'MB', target: 1.5 });
}
