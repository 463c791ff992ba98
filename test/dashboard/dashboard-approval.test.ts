/**
 * Leadership sees the sign-off: the overview and the reporting page count the units whose report
 * of the month is approved, pending, reopened or not reported (counted here from the fixture's
 * approvals.json, independently of the page), and the national figures can be shown "approved
 * only", a choice kept in the URL and said in the view line, in print and in every export.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDashboard, waitForPage, type Dashboard } from './harness.ts';

let dash: Dashboard;
let page: Page;

beforeAll(async () => {
  dash = await openDashboard();
  page = dash.page;
});
afterAll(async () => {
  await dash?.close();
});

const open = (hash: string, name: string, period: string) => dash.open(hash, name, period);

const vnd = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} đ`;

function counts(dataset: string, period: string) {
  const month = dash.fixture.approvals.filter((a) => a.dataset === dataset && a.period === period);
  const n = (state: string) => month.filter((a) => a.state === state).length;
  return {
    approved: n('approved'),
    pending: n('pending'),
    reopened: n('reopened'),
    missing: n('missing'),
    expected: month.length,
  };
}

describe('sign-off on the dashboard', () => {
  it('counts approved, pending, reopened and unreported units per report on the reporting page', async () => {
    const period = dash.fixture.meta.latest_period;
    await open(`page=reporting&month=${period}`, 'reporting', period);
    const rows = await page.locator('#table-approvals tbody tr').allInnerTexts();
    expect(rows).toHaveLength(6);
    const debt = counts('debt', period);
    // the fixture's three units without a report are "chưa báo cáo", not pending
    expect(debt.missing).toBe(3);
    expect(debt.approved + debt.pending + debt.reopened).toBe(debt.expected - 3);
    const debtRow = (await page.locator('#table-approvals tbody tr').first().locator('td').allInnerTexts())
      .slice(1, 6)
      .map(Number);
    expect(debtRow).toEqual([debt.approved, debt.pending, debt.reopened, debt.missing, debt.expected]);
  });

  it('says the month’s sign-off on the overview, per report where the reports differ', async () => {
    const period = dash.fixture.meta.latest_period;
    await open(`page=overview&month=${period}`, 'overview', period);
    const line = await page.locator('#approval').innerText();
    const debt = counts('debt', period);
    const part = (name: string, dataset: string) => {
      const c = counts(dataset, period);
      return `${name} ${c.approved}/${c.pending}/${c.reopened}/${c.missing}`;
    };
    expect(debt.missing).toBe(3);
    expect(line).toContain('Phê duyệt 09/2025 (đã phê duyệt/chờ phê duyệt/đã mở lại/chưa báo cáo)');
    expect(line).toContain(part('Nợ đóng', 'debt'));
    expect(line).toContain(part('Bao phủ', 'coverage'));
    expect(line).toContain(part('Thu', 'collection'));
    expect(await page.locator('#approval').getAttribute('data-per-report')).toBe('true');
  });

  it('shows the national figures approved only, kept in the URL, said in the view line and exports', async () => {
    const period = dash.fixture.meta.latest_period;
    await open(`page=overview&month=${period}`, 'overview', period);
    const latest = dash.fixture.national.find((r) => r.period === period)!;
    const approved = dash.fixture.nationalApproved.find((r) => r.period === period)!;
    expect(approved.debt_total).toBeLessThan(latest.debt_total);
    expect(await page.locator('[data-kpi="debt-total"] .detail').innerText()).toContain(
      vnd(latest.debt_total),
    );

    await page.locator('#basis').selectOption('approved');
    await waitForPage(page, 'overview', period);
    await page.waitForFunction(() => location.hash.includes('basis=approved'));
    expect(await page.locator('[data-kpi="debt-total"] .detail').innerText()).toContain(
      vnd(approved.debt_total),
    );
    const debt = counts('debt', period);
    expect(await page.locator('[data-kpi="debt-total"]').innerText()).toContain(
      `${debt.approved}/${debt.expected} tỉnh đã phê duyệt`,
    );
    const line = await page.locator('#view-state').innerText();
    expect(line).toContain('chỉ các báo cáo đã được giám đốc phê duyệt');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#view-state').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#panel-trend button[data-export="csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`no-toan-quoc-${period}-da-duyet.csv`);
    const csv = await readFile((await download.path())!, 'utf8');
    const [header, ...lines] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header).toContain('Cơ sở số liệu');
    expect(lines.length).toBe(dash.fixture.nationalApproved.length);
    expect(lines.every((l) => l.includes('chỉ các báo cáo đã được giám đốc phê duyệt'))).toBe(true);
    expect(lines.some((l) => l.includes(String(approved.debt_total)))).toBe(true);

    // The choice stays with the reader across pages, and back to the latest accepted.
    await page.locator('nav.tabs a[data-page="debt"]').click();
    await waitForPage(page, 'debt', period);
    expect(page.url()).toContain('basis=approved');
    await page.locator('#basis').selectOption('latest');
    await page.waitForFunction(() => !location.hash.includes('basis='));
    expect(await page.locator('#view-state').innerText()).toContain(
      'Số liệu: bản đã phê duyệt, hoặc bản mới nhất được chấp nhận nếu tháng chưa duyệt',
    );
    expect(dash.problems, dash.problems.join('\n')).toEqual([]);
  });
});
