/**
 * The upload portal page served with the local API and ingest, open in headless Chromium as an
 * officer of province 48, with the given files written beside it for the page to upload.
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildPortal } from '../../pipeline/site/build-portal.ts';
import { startLocalPortal, type LocalPortal } from '../../local/local-portal.ts';
import { DASHBOARD_DIR } from '../../pipeline/site/build.ts';
import { serveSite, type SiteServer } from '../../local/site-server.ts';
import { launchChromium } from '../../tools/chromium/chromium.ts';

export interface PortalPage {
  /** Where the files to upload are written. */
  dir: string;
  portal: LocalPortal;
  page: Page;
  /** Page errors and 4xx/5xx answers, but the receipt's 404 while the ingest has not written it. */
  problems: string[];
  /** Uploads one of the files as a debt report of `period` and waits for its receipt. */
  submit(file: string, period: string): Promise<void>;
  close(): Promise<void>;
}

export async function openPortalPage(label: string, files: Record<string, string>): Promise<PortalPage> {
  const dir = await mkdtemp(join(tmpdir(), `vss-${label}-`));
  const siteDir = join(dir, 'site');
  await buildPortal({ outDir: siteDir });
  await copyFile(join(DASHBOARD_DIR, 'styles.css'), join(siteDir, 'styles.css'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const portal = await startLocalPortal({
    dataDir: join(dir, 'data'),
    asProvince: '48',
    log: () => undefined,
  });
  const site: SiteServer = await serveSite({ dir: siteDir, port: 0, api: portal.handle });
  const browser: Browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    // The page polls for the receipt, which is 404 until the ingest has written it.
    if (response.status() >= 400 && !response.url().includes('/api/receipt'))
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(new URL('portal.html', site.url).toString());
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  return {
    dir,
    portal,
    page,
    problems,
    async submit(file, period) {
      await page.selectOption('#dataset', 'debt');
      await page.selectOption('#period', period);
      await page.setInputFiles('#file', join(dir, file));
      await page.click('#submit');
      await page.waitForFunction(
        (name) => document.querySelector('#receipt .receipt-file')?.textContent?.includes(name) === true,
        file,
        { timeout: 60_000 },
      );
    },
    async close() {
      await browser.close();
      await site.close();
      await portal.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
