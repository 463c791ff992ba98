/**
 * The director's sign-off on the portal page, against the local API and ingest: a month's debt
 * report is pending, approved, a re-upload is held (its receipt says so, the lake keeps the
 * approved rows), and a reopen with a reason puts the re-upload in force.
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLakeStamp } from '../../lib/lake/write-partition.ts';
import { listLedger } from '../../lib/ledger/ledger-store.ts';
import { buildPortal } from '../../lib/portal/build-portal.ts';
import { startLocalPortal, type LocalPortal } from '../../lib/portal/local-portal.ts';
import { DASHBOARD_DIR } from '../../lib/site/build.ts';
import { serveSite, type SiteServer } from '../../lib/site/server.ts';
import { debtCsv } from '../integration/ingest-harness.ts';
import { launchChromium } from '../support/chromium.ts';

const PM = { dataset: 'debt', period: '2025-08', province: '48' } as const;
let dir: string;
let portal: LocalPortal;
let site: SiteServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-sign-off-page-'));
  const siteDir = join(dir, 'site');
  await buildPortal({ outDir: siteDir });
  await copyFile(join(DASHBOARD_DIR, 'styles.css'), join(siteDir, 'styles.css'));
  await writeFile(join(dir, 'first.csv'), debtCsv(5, 21));
  await writeFile(join(dir, 'second.csv'), debtCsv(7, 22));
  portal = await startLocalPortal({ dataDir: join(dir, 'data'), asProvince: '48', log: () => undefined });
  site = await serveSite({ dir: siteDir, port: 0, api: portal.handle });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().includes('/api/receipt'))
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(new URL('portal.html', site.url).toString());
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await portal?.close();
  await rm(dir, { recursive: true, force: true });
});

async function submit(file: string): Promise<void> {
  await page.selectOption('#dataset', 'debt');
  await page.selectOption('#period', PM.period);
  await page.setInputFiles('#file', join(dir, file));
  await page.click('#submit');
  await page.waitForFunction(
    (name) => document.querySelector('#receipt .receipt-file')?.textContent?.includes(name) === true,
    file,
    { timeout: 60_000 },
  );
}

const debtState = () => page.getAttribute('#sign-off tbody tr:first-child [data-state]', 'data-state');
const lakeUpload = async () =>
  (await readLakeStamp(portal.s3.client, portal.s3.lakeBucket, PM.dataset, PM.period, PM.province))?.uploadId;
const uploadIdOf = async (file: string) =>
  (await listLedger(portal.s3.client, portal.s3.lakeBucket, PM)).find((r) => r.file_name === file)?.upload_id;

describe('the sign-off panel in Chromium', () => {
  it('approves, holds a re-upload, and counts it once reopened with a reason', async () => {
    await submit('first.csv');
    // The panel is redrawn once the receipt shows: wait for the new state rather than read at once.
    await page.waitForSelector('#sign-off tbody tr:first-child [data-state="pending"]', { timeout: 15_000 });
    expect(await debtState()).toBe('pending');
    const first = await uploadIdOf('first.csv');
    expect(await lakeUpload()).toBe(first);

    await page.click('#approve');
    await page.waitForFunction(
      () =>
        document.querySelector('#sign-off tbody tr:first-child [data-state]')?.getAttribute('data-state') ===
        'approved',
    );
    expect(await page.textContent('#sign-off tbody tr:first-child')).toContain('local-48');

    await submit('second.csv');
    expect(await page.textContent('#receipt .receipt-held')).toMatch(/đã được Giám đốc phê duyệt/);
    await page.waitForFunction(() =>
      /second\.csv/.test(document.querySelector('#sign-off tbody tr:first-child')?.textContent ?? ''),
    );
    await portal.idle();
    expect(await lakeUpload()).toBe(first);

    // Reopening with no reason is refused by the API, in the page language.
    await page.click('#reopen');
    await page.waitForFunction(() =>
      /lý do/i.test(document.querySelector('#sign-off [role="status"]')?.textContent ?? ''),
    );
    expect(problems).toEqual([expect.stringMatching(/^HTTP 400: .*\/api\/approvals$/)]);
    problems.length = 0;

    await page.fill('#reopen-reason', 'Sửa số nợ BHYT theo đối chiếu');
    await page.click('#reopen');
    await page.waitForFunction(
      () =>
        document.querySelector('#sign-off tbody tr:first-child [data-state]')?.getAttribute('data-state') ===
        'reopened',
    );
    expect(await page.textContent('#sign-off tbody tr:first-child')).toContain(
      'Sửa số nợ BHYT theo đối chiếu',
    );
    await portal.idle();
    expect(await lakeUpload()).toBe(await uploadIdOf('second.csv'));
    expect(problems).toEqual([]);
  }, 180_000);
});
