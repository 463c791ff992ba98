/**
 * The dashboard in headless Chromium over the local static server: time from navigation until
 * the page marks every chart drawn (body[data-ready]), and bytes the browser received.
 */
import { buildSite } from '../../pipeline/site/build.ts';
import { serveSite } from '../../local/site-server.ts';
import { launchChromium } from '../chromium/chromium.ts';
import { median, note, report, step, timed } from './measure.ts';

const RUNS = 3;

export async function benchDashboard(siteDir: string): Promise<void> {
  step(`dashboard in headless Chromium, median of ${RUNS} cold loads`);
  await buildSite({ outDir: siteDir });
  const server = await serveSite({ dir: siteDir, port: 0 });
  const browser = await launchChromium();
  const times: number[] = [];
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
      const load = await timed(async () => {
        await page.goto(server.url);
        await page.waitForSelector('body[data-ready]', { timeout: 120_000 });
      });
      await page.waitForLoadState('networkidle');
      times.push(load.seconds);
      transfers.push(bytes);
      note(`drawn in ${load.seconds.toFixed(2)} s, ${(bytes / 1e6).toFixed(2)} MB received`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  report({ name: 'dashboard: navigation to every chart drawn', value: median(times), unit: 's', target: 1 });
  report({ name: 'dashboard: bytes transferred', value: median(transfers) / 1e6, unit: 'MB', target: 1.5 });
}
