/** Builds the site over the fixture data, serves it on loopback and opens it in headless Chromium. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../tools/chromium/chromium.ts';
import { buildSite, type BuildReport } from '../../pipeline/site/build.ts';
import { serveSite, type SiteServer } from '../../local/site-server.ts';
import { writeFirstScreenFile } from '../../pipeline/site/first-screen-svg.ts';
import { writeSiteFixture, type SiteFixture } from '../../tools/fixtures/site-fixture.ts';

export const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

export interface Dashboard {
  fixture: SiteFixture;
  /** The built site the server serves (data/ included). */
  siteDir: string;
  server: SiteServer;
  browser: Browser;
  page: Page;
  build: BuildReport;
  /** Console errors and warnings, page errors, failed and 4xx/5xx requests. */
  problems: string[];
  /** A fresh load of the page at `#hash`, until page `name` has drawn every chart for `period`. */
  open(hash: string, name: string, period: string): Promise<void>;
  close(): Promise<void>;
}

/** `data`: the site data to serve (default: the fixture of 2025-03..2025-09). */
export async function openDashboard(data?: SiteFixture): Promise<Dashboard> {
  const siteDir = mkdtempSync(join(tmpdir(), 'vss-site-'));
  const fixture = writeSiteFixture(siteDir, data);
  await writeFirstScreenFile(join(siteDir, 'data'), fixture.meta);
  const build = await buildSite({ outDir: siteDir });
  const server = await serveSite({ dir: siteDir, port: 0 });
  const browser = await launchChromium();
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    locale: 'vi-VN',
    acceptDownloads: true,
  });
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`requestfailed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return {
    fixture,
    siteDir,
    server,
    browser,
    page,
    build,
    problems,
    async open(hash, name, period) {
      await page.goto('about:blank');
      await page.goto(`${server.url}#${hash}`);
      await waitForPage(page, name, period);
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(siteDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the page named in the hash has drawn every chart for `period`. */
export async function waitForPage(page: Page, name: string, period: string): Promise<void> {
  await page.waitForSelector(`body[data-ready="${period}"][data-page="${name}"]`, { timeout: 60_000 });
}

/**
 * The texts of SVG text elements as read, a text drawn on several lines (one tspan a line) joined
 * with spaces; for `locator.evaluateAll`, so it runs in the page and must stand alone.
 */
export const textsRead = (texts: Element[]): string[] =>
  texts.map((t) => {
    const lines = [...t.querySelectorAll('tspan')].map((line) => line.textContent ?? '');
    return lines.length > 0 ? lines.join(' ') : (t.textContent ?? '');
  });
