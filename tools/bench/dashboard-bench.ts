/**
 * The dashboard in headless Chromium over the local static server: time from navigation until
 * the headline tiles show (the first screen, drawn before the chart chunk runs), until the page
 * marks every chart drawn (body[data-ready]), and bytes the browser received.
 */
import { buildSite } from '../../pipeline/site/build.ts';
import { serveSite } from '../../local/site-server.ts';
import { launchChromium } from '../chromium/chromium.ts';
import { median, note, report, step } from './measure.ts';

const RUNS = 3;

export async function benchDashboard(siteDir: string): Promise<void> {
  step(`dashboard in headless Chromium, median of ${RUNS} cold loads`);
  await buildSite({ outDir: siteDir });
  const server = await serveSite({ dir: siteDir, port: 0 });
  const browser = await launchChromium();
  const times: number[] = [];
  const firstScreens: number[] = [];
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
      const started = performance.now();
      const since = () => (performance.now() - started) / 1000;
      // Watched from the start, beside the navigation: the tiles may show before goto resolves.
      const tiles = page
        .waitForSelector('#kpis [data-kpi]', { state: 'attached', timeout: 120_000 })
        .then(since);
      await page.goto(server.url);
      await page.waitForSelector('body[data-ready]', { timeout: 120_000 });
      const drawn = since();
      const first = await tiles;
      await page.waitForLoadState('networkidle');
      times.push(drawn);
      firstScreens.push(first);
      transfers.push(bytes);
      note(
        `tiles in ${first.toFixed(2)} s, every chart in ${drawn.toFixed(2)} s, ${(bytes / 1e6).toFixed(2)} MB received`,
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
    name: 'dashboard: navigation to every chart drawn',
    value: median(times),
    unit: 's',
    target: 0.8,
  });
  report({ name: 'dashboard: bytes transferred', value: median(transfers) / 1e6, unit: 'MB', target: 1.5 });
}
