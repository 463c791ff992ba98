/**
 * The overview on a phone over a slow mobile link: a 360 × 740 screen, Chromium's network
 * throttled through CDP to "slow 4G" (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, as
 * Lighthouse's mobile profile) and its CPU slowed 4x. Times from navigation: the headline tiles
 * shown, the first chart drawn, every chart drawn; bytes on the wire for a first visit and for a
 * second visit (content-hashed assets come from the cache without a request).
 *
 *   CHROMIUM_PATH=/tmp/chromium npx tsx tools/bench/dashboard-phone-bench.ts [site-dir]
 *
 * With no site dir it builds the site over the dashboard tests' fixture (7 months, 63 and 34 units).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { buildSite } from '../../pipeline/site/build.ts';
import { serveSite } from '../../local/site-server.ts';
import { writeSiteFixture } from '../fixtures/site-fixture.ts';
import { writeFirstScreenFile } from '../../pipeline/site/first-screen-svg.ts';
import { launchChromium } from '../chromium/chromium.ts';
import { machine, median, note, step } from './measure.ts';

const RUNS = 3;
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;

/** Marks, in ms since navigation start, written by the page as its parts appear. */
const MARKS = `
  window.__marks = {};
  const mark = (name) => { if (window.__marks[name] === undefined) window.__marks[name] = performance.now(); };
  new MutationObserver(() => {
    if (document.querySelector('[data-kpi]')) mark('tiles');
    if (document.querySelector('.chart[data-rendered]')) mark('firstChart');
    if (document.body && document.body.dataset.ready) mark('ready');
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

async function throttle(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

async function visit(
  page: Page,
  url: string,
): Promise<{ marks: Record<string, number>; bytes: number; requests: number }> {
  let bytes = 0;
  let requests = 0;
  const onFinished = (request: Request) => {
    void request.sizes().then((s) => {
      bytes += s.responseBodySize + s.responseHeadersSize;
    });
  };
  const onRequest = () => (requests += 1);
  page.on('requestfinished', onFinished);
  page.on('request', onRequest);
  await page.goto(url);
  await page.waitForSelector('body[data-ready]', { timeout: 300_000 });
  await page.waitForLoadState('networkidle');
  page.off('requestfinished', onFinished);
  page.off('request', onRequest);
  const marks = (await page.evaluate('window.__marks')) as Record<string, number>;
  return { marks, bytes, requests };
}

async function main(): Promise<void> {
  const siteDir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'vss-phone-bench-'));
  if (!process.argv[2]) {
    const fixture = writeSiteFixture(siteDir);
    await writeFirstScreenFile(join(siteDir, 'data'), fixture.meta);
  }
  await buildSite({ outDir: siteDir });
  const server = await serveSite({ dir: siteDir, port: 0 });
  const browser = await launchChromium();
  step(`overview at 360 × 740, slow 4G, CPU ${CPU_SLOWDOWN}x slower, ${RUNS} cold visits; ${machine()}`);
  const first: Record<string, number[]> = { tiles: [], firstChart: [], ready: [] };
  const bytes: number[] = [];
  const repeat: { bytes: number[]; requests: number[]; ready: number[] } = {
    bytes: [],
    requests: [],
    ready: [],
  };
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
      await context.addInitScript(MARKS);
      const page = await context.newPage();
      await throttle(page);
      const cold = await visit(page, server.url);
      for (const key of Object.keys(first)) first[key]?.push(cold.marks[key] ?? NaN);
      bytes.push(cold.bytes);
      note(
        `cold: tiles ${cold.marks.tiles?.toFixed(0)} ms, first chart ${cold.marks.firstChart?.toFixed(0)} ms, ` +
          `all drawn ${cold.marks.ready?.toFixed(0)} ms, ${(cold.bytes / 1024).toFixed(0)} KiB, ${cold.requests} requests`,
      );
      // The same reader again: the page and data revalidate, hashed assets stay in the cache.
      const warm = await visit(page, `${server.url}?again`);
      repeat.bytes.push(warm.bytes);
      repeat.requests.push(warm.requests);
      repeat.ready.push(warm.marks.ready ?? NaN);
      note(
        `warm: all drawn ${warm.marks.ready?.toFixed(0)} ms, ${(warm.bytes / 1024).toFixed(0)} KiB, ${warm.requests} requests`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const ms = (values: number[] = []) => `${median(values).toFixed(0)} ms`;
  console.log(
    `\nmedian cold: tiles ${ms(first.tiles)}, first chart ${ms(first.firstChart)}, all drawn ${ms(first.ready)}, ` +
      `${(median(bytes) / 1024).toFixed(0)} KiB`,
  );
  console.log(
    `median warm: all drawn ${ms(repeat.ready)}, ${(median(repeat.bytes) / 1024).toFixed(0)} KiB, ` +
      `${median(repeat.requests)} requests`,
  );
}

await main();
