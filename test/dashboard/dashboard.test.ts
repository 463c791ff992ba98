import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../tools/chromium/chromium.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../pipeline/site/build.ts';
import { serveSite, type SiteServer } from '../../local/site-server.ts';
import { writeFirstScreenFile } from '../../pipeline/site/first-screen-svg.ts';
import { writeSiteFixture, type SiteFixture } from '../../tools/fixtures/site-fixture.ts';

const CHARTS = ['chart-trend', 'chart-ranking', 'chart-map', 'chart-heatmap'];
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

let siteDir: string;
let fixture: SiteFixture;
let server: SiteServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

/** The exact national debt as the tile writes it, computed here with Intl rather than the page's code. */
function expectedDebt(period: string): string {
  const row = fixture.national.find((r) => r.period === period);
  if (!row) throw new Error(`fixture has no national row for ${period}`);
  return `${new Intl.NumberFormat('vi-VN').format(row.debt_total)} đ`;
}

async function waitForCharts(period: string): Promise<void> {
  await page.waitForSelector(`body[data-ready="${period}"]`, { timeout: 60_000 });
  for (const id of CHARTS) {
    const drawn = await page.locator(`#${id} svg.marks, #${id} canvas`).count();
    expect(drawn, `${id} has a rendered chart`).toBe(1);
    const described = page.locator(`#${id} [role="graphics-document"]`);
    expect(await described.getAttribute('aria-label'), `${id} is described for screen readers`).toBeTruthy();
  }
}

/** Provinces drawn on the map: one path per boundary feature of the month's geography. */
async function mapShapes(): Promise<number> {
  return page.locator('#chart-map .mark-shape path').count();
}

beforeAll(async () => {
  siteDir = mkdtempSync(join(tmpdir(), 'vss-site-'));
  fixture = writeSiteFixture(siteDir);
  await writeFirstScreenFile(join(siteDir, 'data'), fixture.meta);
  await buildSite({ outDir: siteDir });
  server = await serveSite({ dir: siteDir, port: 0 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`requestfailed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (siteDir) rmSync(siteDir, { recursive: true, force: true });
});

describe('dashboard in Chromium', () => {
  it('draws every chart for the latest month and shows its figures in Vietnamese formats', async () => {
    const latest = fixture.meta.latest_period;
    await page.goto(server.url);
    await waitForCharts(latest);
    expect(await page.locator('[data-kpi="debt-total"] .detail').innerText()).toContain(expectedDebt(latest));
    const row = fixture.national.find((r) => r.period === latest);
    expect(await page.locator('#reported').innerText()).toContain(
      `${row?.provinces_reported}/${row?.provinces_expected} tỉnh`,
    );
    expect(await page.locator('#month').inputValue()).toBe(latest);
    expect(await page.locator('figcaption.stamp').first().innerText()).toContain('05/10/2025 10:15');
    expect(await page.locator('.attribution').innerText()).toBe(
      'Ranh giới hành chính: geoBoundaries.org (CC BY 4.0)',
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('follows the month in the URL hash, across the 2025 reform', async () => {
    const before = '2025-05';
    await page.goto(`${server.url}#${before}`);
    await waitForCharts(before);
    expect(expectedDebt(before)).not.toBe(expectedDebt(fixture.meta.latest_period));
    expect(await page.locator('[data-kpi="debt-total"] .detail').innerText()).toContain(expectedDebt(before));
    expect(await page.locator('#reported').innerText()).toMatch(/^\d+\/63 tỉnh/);
    expect(await mapShapes()).toBe(63);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-2025-05.png'), fullPage: true });

    // Restated to today's 34 units, the same month is drawn on the 34-unit map.
    await page.locator('#geography').selectOption('current');
    await page.waitForURL(/geo=34/);
    expect(page.url()).toContain('month=2025-05');
    await waitForCharts(before);
    await expect.poll(mapShapes).toBe(34);
    await page.locator('#geography').selectOption('as_reported');
    await waitForCharts(before);
    await expect.poll(mapShapes).toBe(63);

    await page.locator('#month').selectOption('2025-08');
    await waitForCharts('2025-08');
    expect(page.url()).toMatch(/month=2025-08/);
    expect(page.url()).not.toMatch(/geo=34/);
    expect(await page.locator('[data-kpi="debt-total"] .detail').innerText()).toContain(
      expectedDebt('2025-08'),
    );
    expect(await page.locator('#reported').innerText()).toMatch(/^\d+\/34 tỉnh/);
    expect(await mapShapes()).toBe(34);
    expect(problems).toEqual([]);
  });

  it('says plainly, in both languages, when there is no data to show', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'vss-site-empty-'));
    await buildSite({ outDir: empty });
    const bare = await serveSite({ dir: empty, port: 0 });
    const other = await browser.newPage();
    const errors: string[] = [];
    other.on('pageerror', (error) => errors.push(error.message));
    try {
      await other.goto(bare.url);
      await other.waitForSelector('#status[data-failed]');
      const text = await other.locator('#status').innerText();
      expect(text).toContain('Không tải được số liệu');
      expect(text).toContain('could not be loaded');
      expect(errors).toEqual([]);
    } finally {
      await other.close();
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('keeps the month selector reachable from the keyboard', async () => {
    await page.goto('about:blank');
    await page.goto(server.url);
    await waitForCharts(fixture.meta.latest_period);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.id);
    expect(focused).toBe('month');
  });
});
