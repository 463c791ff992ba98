import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../../core/datasets/index.ts';
import { brokenDebtCsv, debtCsv } from '../pipeline/ingest/ingest-harness.ts';
import { ARTIFACTS } from './harness.ts';
import { openPortalPage, type PortalPage } from './portal-harness.ts';

let opened: PortalPage;
let dir: string;
let page: Page;
let problems: string[];

beforeAll(async () => {
  opened = await openPortalPage('portal-page', {
    'good.csv': debtCsv(6, 11),
    'broken.csv': brokenDebtCsv(6, 12),
    'notes.txt': 'not a report\n',
  });
  ({ dir, page, problems } = opened);
});

afterAll(async () => {
  await opened?.close();
});

const submit = (file: string) => opened.submit(file, '2025-08');

describe('the upload portal page in Chromium', () => {
  it('shows who is submitting, the local-only province switch, and a template per dataset', async () => {
    expect(await page.textContent('#who')).toContain('48');
    // Months read as people write them (mm/yyyy); the value stays the period.
    expect(await page.textContent('#period option[value="2025-08"]')).toBe('08/2025');
    expect(await page.isVisible('#as-province')).toBe(true);
    // the templates of the month chosen: a template can change from a month on
    const period = await page.$eval('#period', (select) => (select as HTMLSelectElement).value);
    expect(
      await page.$$eval('#templates-list a', (links) => links.map((a) => a.getAttribute('href'))),
    ).toEqual(
      ['debt', 'coverage', 'enforcement', 'prosecution', 'procedures', 'collection'].map(
        (d) => `api/templates/${d}.xlsx?period=${period}`,
      ),
    );
  });

  it('shows the API refusal in the page language when the file is not CSV or XLSX', async () => {
    await page.setInputFiles('#file', join(dir, 'notes.txt'));
    await page.click('#submit');
    await page.waitForFunction(() =>
      /chỉ nhận CSV UTF-8 hoặc Excel/.test(document.querySelector('#upload-status')?.textContent ?? ''),
    );
    // The refusal is the one failed request so far; later steps must add none.
    expect(problems).toEqual([expect.stringMatching(/^HTTP 400: .*\/api\/uploads$/)]);
    problems.length = 0;
  });

  it('uploads a good file and shows an accepted receipt with row counts and totals', async () => {
    await submit('good.csv');
    expect(await page.getAttribute('#receipt .receipt-status', 'data-status')).toBe('accepted');
    expect(await page.textContent('#receipt')).toContain('ĐƯỢC CHẤP NHẬN');
    const rows = await page.$$eval('#receipt .receipt-rows dd', (dds) => dds.map((d) => d.textContent));
    expect(rows).toEqual(['6', '6', '0']);
    const text = (await page.textContent('#receipt')) ?? '';
    expect(text).toContain('Nợ BHXH (đồng)');
    expect(text).not.toContain('no_bhxh'); // columns by their template header, not their key
    // The time the file was received, on Vietnam's clock (not ISO UTC).
    expect(await page.textContent('#receipt .receipt-file')).toMatch(
      / · \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(giờ Việt Nam\)$/,
    );
    // What is due is redrawn just after the receipt shows: wait for it rather than read at once.
    await page.waitForSelector('[data-dataset="debt"][data-status="late"]', { timeout: 15_000 });
  });

  it('uploads a broken file and shows the wrong row and column, in Vietnamese then in English', async () => {
    await submit('broken.csv');
    expect(await page.getAttribute('#receipt .receipt-status', 'data-status')).toBe('rejected');
    const errorRows = () =>
      page.$$eval('#receipt table', (tables) => {
        const errors = tables.find((t) => /Lỗi|Errors/.test(t.querySelector('caption')?.textContent ?? ''));
        return [...(errors?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
          [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
        );
      });
    const vi = await errorRows();
    expect(vi).toContainEqual([
      'Dòng 2, cột "Nợ BHXH (đồng)"',
      'Không nhỏ hơn mức tối thiểu',
      expect.stringMatching(/^-/),
      'từ 0 trở lên',
      expect.stringContaining('nhỏ hơn giá trị tối thiểu'),
    ]);
    // Sentences, not codes: no rule id and no English word in the Vietnamese receipt.
    const viText = (await page.textContent('#receipt')) ?? '';
    expect(viText).not.toMatch(/\b(integer|header|row|rule|cell|file)\.[a-z_]+/);
    expect(viText).not.toMatch(/\b(expected|whole number|at least|a value|once)\b/i);
    const marked = await page.getAttribute('#receipt a[href^="api/annotated"]', 'href');
    const download = await page.request.get(new URL(marked ?? '', page.url()).toString());
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('spreadsheetml');
    await page.screenshot({ path: join(ARTIFACTS, 'portal-rejected.png'), fullPage: true });
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.waitForFunction(
      () => document.querySelector('#receipt')?.textContent?.includes('REJECTED') === true,
    );
    const en = await errorRows();
    expect(en).toContainEqual([
      expect.stringMatching(/^Row 2, column "/),
      'Not below the minimum',
      expect.stringMatching(/^-/),
      '0 or more',
      expect.stringContaining('is below the minimum'),
    ]);
    expect(await page.textContent('#receipt .receipt-file')).toMatch(/\(Vietnam time\)$/);
    // Both uploads are in the history once the ledger lists the second one.
    await page.waitForFunction(() => document.querySelectorAll('#history tbody tr').length === 2, undefined, {
      timeout: 15_000,
    });
    expect(problems).toEqual([]);
  });

  it('lists the earlier months still owed, each with its deadline on Vietnam time', async () => {
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    await page.selectOption('#period', '2025-08');
    // the list is redrawn in Vietnamese after the switch: wait for that drawing, not the English one
    await page.waitForFunction(
      () => document.querySelector('#overdue [data-overdue="debt|2025-07"]')?.textContent === 'Chưa nộp',
    );
    const row = await page.$$eval('#overdue tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    // Nothing was sent for the twelve months before 08/2025: every report of every month is owed.
    expect(row).toHaveLength(12 * DATASET_NAMES.length);
    expect(row[0]).toEqual(['07/2025', expect.any(String), 'Chưa nộp', '10/08/2025 23:59 (giờ Việt Nam)']);
    expect(row.at(-1)?.[0]).toBe('08/2024');
  });

  it('always shows the receipt of the upload just made, even for a file sent again', async () => {
    // The same file as the first upload: its earlier receipt exists at once, this one's only once
    // the ingest has handled it. The receipt drawn must be of a ledger record made after the grant.
    const granted = page.waitForResponse((r) => r.url().endsWith('/api/uploads') && r.status() === 201);
    await submit('good.csv');
    const { issued_at: issuedAt } = (await (await granted).json()) as { issued_at: string };
    const ingestedAt = await page.getAttribute('#receipt', 'data-ingested-at');
    expect(Date.parse(ingestedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(issuedAt));
    expect(await page.getAttribute('#receipt .receipt-status', 'data-status')).toMatch(/accepted|duplicate/);
  });
});
