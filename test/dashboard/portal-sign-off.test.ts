/**
 * The director's sign-off on the portal page, against the local API and ingest: a month's debt
 * report is pending, approved, a re-upload is held (its receipt says so, the lake keeps the
 * approved rows), and a reopen with a reason puts the re-upload in force. The national level then
 * returns the approved month with a reason and publishes the month, from its own panel.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLakeStamp } from '../../pipeline/lake/write-partition.ts';
import { listLedger } from '../../pipeline/ledger/ledger-store.ts';
import { listApprovals } from '../../pipeline/approval/approval-store.ts';
import { publishedPrefix } from '../../core/contracts/layout.ts';
import { LOCAL_PROVINCE_COOKIE } from '../../core/contracts/api-types.ts';
import { ListObjectsCommand } from '@aws-sdk/client-s3';
import type { LocalPortal } from '../../local/local-portal.ts';
import { debtCsv } from '../pipeline/ingest/ingest-harness.ts';
import { openPortalPage, type PortalPage } from './portal-harness.ts';

const PM = { dataset: 'debt', period: '2025-08', province: '48' } as const;
let opened: PortalPage;
let portal: LocalPortal;
let page: Page;
let problems: string[];

beforeAll(async () => {
  opened = await openPortalPage('sign-off-page', {
    'first.csv': debtCsv(5, 21),
    'second.csv': debtCsv(7, 22),
  });
  ({ portal, page, problems } = opened);
});

afterAll(async () => {
  await opened?.close();
});

const submit = (file: string) => opened.submit(file, PM.period);

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

  it('lets the national level return an approved month with a reason, and publish the month', async () => {
    // 48's director approves the month again (second.csv, in force since the reopen).
    await page.click('#approve');
    await page.waitForFunction(
      () =>
        document.querySelector('#sign-off tbody tr:first-child [data-state]')?.getAttribute('data-state') ===
        'approved',
    );
    // The local server acts as the national level for the scope 'all'.
    await page
      .context()
      .addCookies([{ name: LOCAL_PROVINCE_COOKIE, value: 'all', url: new URL(page.url()).origin }]);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.selectOption('#period', PM.period);
    await page.waitForSelector('#return-province option[value="48"]', { state: 'attached' });
    expect(await page.textContent('#sign-off-counts')).toContain('Đã phê duyệt: 1');

    // Without a reason the API refuses, and says why in the page language.
    await page.click('#return');
    await page.waitForFunction(() =>
      /lý do/i.test(document.querySelector('#national-status')?.textContent ?? ''),
    );
    expect(problems).toEqual([expect.stringMatching(/^HTTP 400: .*\/api\/approvals$/)]);
    problems.length = 0;

    await page.fill('#return-reason', 'Số nợ BHYT chưa khớp với đối chiếu');
    await page.click('#return');
    await page.waitForFunction(() =>
      /Đã trả lại/.test(document.querySelector('#national-status')?.textContent ?? ''),
    );
    const records = await listApprovals(portal.s3.client, portal.s3.lakeBucket, PM);
    const returned = records.find((r) => r.action === 'return');
    expect(returned).toMatchObject({
      role: 'national',
      actor: 'local-national',
      reason: 'Số nợ BHYT chưa khớp với đối chiếu',
      covers: [{ dataset: 'debt', upload_id: await uploadIdOf('second.csv') }],
    });
    expect(await page.textContent('#sign-off-counts')).toContain('Đã phê duyệt: 0');
    expect(await page.textContent('#sign-off-counts')).toContain('Đã mở lại: 1');

    await page.click('#publish');
    await page.waitForSelector('#national-status[data-snapshot]');
    const id = await page.getAttribute('#national-status', 'data-snapshot');
    const listed = await portal.s3.client.send(
      new ListObjectsCommand({ Bucket: portal.s3.lakeBucket, Prefix: publishedPrefix(PM.period) }),
    );
    expect((listed.Contents ?? []).map((o) => o.Key)).toEqual([expect.stringContaining(String(id))]);
    expect(await page.textContent('#national-status')).toMatch(/^Đã công bố lúc /);
    expect(problems).toEqual([]);
  }, 180_000);
});
