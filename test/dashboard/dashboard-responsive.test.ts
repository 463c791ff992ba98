/**
 * Phone first: every dashboard page and the upload portal, in both languages, at 360 × 740 and at
 * 1440 px wide. Fails when the document is wider than the window (a horizontal scroll), when a
 * picker sits outside the screen, or when a chart is wider than its panel. Wide tables scroll
 * inside their own box, so they never widen the page.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalPortal, type LocalPortal } from '../../local/local-portal.ts';
import { serveSite, type SiteServer } from '../../local/site-server.ts';
import { openDashboard, waitForPage, type Dashboard } from './harness.ts';

const PAGES = ['overview', 'debt', 'coverage', 'enforcement', 'procedures', 'reporting', 'province'] as const;
const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1440, height: 900 },
] as const;
const LANGS = ['vi', 'en'] as const;
const MONTH = '2025-08';

let dash: Dashboard;
let portal: LocalPortal;
let portalSite: SiteServer;
let dir: string;

beforeAll(async () => {
  dash = await openDashboard();
  dir = await mkdtemp(join(tmpdir(), 'vss-responsive-'));
  portal = await startLocalPortal({ dataDir: join(dir, 'data'), asProvince: '48', log: () => undefined });
  portalSite = await serveSite({ dir: dash.siteDir, port: 0, api: portal.handle });
});
afterAll(async () => {
  await portalSite?.close();
  await portal?.close();
  await dash?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** What sticks out of the window: the page's own width, pickers off screen, charts wider than their panel. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const width = window.innerWidth;
    const doc = document.documentElement;
    if (doc.scrollWidth > width) found.push(`document is ${doc.scrollWidth}px wide in a ${width}px window`);
    for (const el of document.querySelectorAll<HTMLElement>('select, button, input, a.portal-link')) {
      const box = el.getBoundingClientRect();
      if (el.offsetParent !== null && (box.left < 0 || box.right > width + 0.5))
        found.push(
          `${el.tagName.toLowerCase()}#${el.id || el.textContent?.trim()} spans ${box.left}..${box.right}`,
        );
    }
    for (const chart of document.querySelectorAll<HTMLElement>('.chart')) {
      const svg = chart.querySelector('svg, canvas');
      const panel = chart.closest('.panel');
      if (!svg || !panel) continue;
      const over = svg.getBoundingClientRect().width - panel.getBoundingClientRect().width;
      if (over > 1) found.push(`${chart.id} is ${Math.round(over)}px wider than its panel`);
    }
    return found;
  });
}

describe.each(VIEWPORTS)('at $width px', (viewport) => {
  it.each(LANGS)('every dashboard page fits the window (%s)', async (lang) => {
    const page = await dash.browser.newPage({ viewport, locale: 'vi-VN' });
    try {
      const found: string[] = [];
      for (const name of PAGES) {
        const province = name === 'province' ? '&province=79' : '';
        await page.goto('about:blank');
        await page.goto(
          `${dash.server.url}#page=${name}&month=${MONTH}${province}${lang === 'en' ? '&lang=en' : ''}`,
        );
        await waitForPage(page, name, MONTH);
        found.push(...(await overflow(page)).map((f) => `${name}: ${f}`));
      }
      // the overview ranked by a rate: its dots and their labels stay inside the panel too
      for (const measure of ['late_rate', 'hi_target']) {
        await page.goto('about:blank');
        await page.goto(
          `${dash.server.url}#page=overview&month=${MONTH}&measure=${measure}${lang === 'en' ? '&lang=en' : ''}`,
        );
        await waitForPage(page, 'overview', MONTH);
        found.push(...(await overflow(page)).map((f) => `overview by ${measure}: ${f}`));
      }
      expect(found).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each(LANGS)('the upload portal fits the window, its pickers on screen (%s)', async (lang) => {
    const page = await dash.browser.newPage({ viewport, locale: 'vi-VN' });
    try {
      await page.goto(new URL(`portal.html${lang === 'en' ? '#lang=en' : ''}`, portalSite.url).toString());
      await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
      if (lang === 'en' && (await page.locator('html').getAttribute('lang')) !== 'en')
        await page.click('#lang');
      await page.waitForSelector(`html[lang="${lang}"]`);
      expect(await overflow(page)).toEqual([]);
      for (const id of ['#dataset', '#period', '#submit']) {
        const box = await page.locator(id).boundingBox();
        expect(box, id).not.toBeNull();
        expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= viewport.width, id).toBe(true);
      }
    } finally {
      await page.close();
    }
  });
});
