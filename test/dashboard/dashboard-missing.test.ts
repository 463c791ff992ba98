/**
 * The latest fixture month has three provinces without any report. Every figure the overview shows
 * for it either excludes them and says so, or marks them: the count on each tile, the
 * like-for-like change (checked against a sum taken here from the fixture's rows), the ranking's
 * note, the map's own "chưa báo cáo" entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { MISSING_IN_LATEST } from '../../tools/fixtures/site-fixture.ts';
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

describe('a month with three provinces missing', () => {
  it('counts, compares like for like and marks the missing on the overview', async () => {
    const { fixture } = dash;
    const latest = fixture.meta.latest_period;
    const before = '2025-08';
    await page.goto(`${dash.server.url}#page=overview&month=${latest}`);
    await waitForPage(page, 'overview', latest);

    expect(await page.locator('#reported').innerText()).toContain('31/34 tỉnh');
    const tile = page.locator('[data-kpi="debt-total"]');
    expect(await tile.locator('.tile-reported').innerText()).toBe('31/34 tỉnh đã báo cáo');

    // The change over the units that sent debt reports for both months, summed here.
    const sent = (period: string) =>
      new Set(
        fixture.completeness
          .filter((c) => c.dataset === 'debt' && c.period === period && c.status !== 'missing')
          .map((c) => c.province),
      );
    const both = [...sent(latest)].filter((code) => sent(before).has(code));
    const sum = (period: string) =>
      fixture.provinces
        .filter((r) => r.period === period && both.includes(r.province))
        .reduce((s, r) => s + r.debt_total, 0);
    const change = (100 * (sum(latest) - sum(before))) / sum(before);
    const text = `${change > 0 ? '+' : '-'}${Math.abs(change).toFixed(1).replace('.', ',')}%`;
    expect(await tile.locator('li[data-basis="mom"]').innerText()).toBe(
      `So với tháng trước (08/2025): ${text} · cùng ${both.length}/34 tỉnh báo cáo cả hai kỳ`,
    );
    expect(await tile.locator('li[data-basis="yoy"]').innerText()).toContain('So với cùng kỳ năm trước');
    expect(await tile.locator('li[data-basis="ytd"]').innerText()).toContain('So với đầu năm');
    // The trend carries the same changes as the tile.
    expect(await page.locator('#panel-trend .trend-changes li[data-basis="mom"]').innerText()).toBe(
      `Tổng nợ · So với tháng trước (08/2025): ${text} · cùng ${both.length}/34 tỉnh báo cáo cả hai kỳ`,
    );

    // The ranking leaves them out and names them; the map gives them their own legend entry.
    const note = page.locator('#panel-ranking .not-reported');
    expect(await note.getAttribute('data-count')).toBe('3');
    const names = fixture.units.filter((u) => u.generation === '34' && MISSING_IN_LATEST.includes(u.code));
    for (const unit of names) expect(await note.innerText()).toContain(unit.name_vi);
    const legends = await page.locator('#chart-map .role-legend').allTextContents();
    expect(legends.join(' ')).toContain('chưa báo cáo');
    expect(await page.locator('#chart-map .mark-shape path').count()).toBe(34);
    expect(dash.problems).toEqual([]);
  });

  it("gives a province's own change, and none for a province that did not report", async () => {
    const { fixture } = dash;
    const latest = fixture.meta.latest_period;
    const row = (code: string, period: string) =>
      fixture.provinces.find((r) => r.province === code && r.period === period);
    const code = fixture.provinces.find((r) => r.period === latest && row(r.province, '2025-08'))?.province;
    const now = row(code ?? '', latest);
    const before = row(code ?? '', '2025-08');
    if (!now || !before) throw new Error('fixture has no unit reporting both months');
    await page.goto('about:blank');
    await page.goto(`${dash.server.url}#page=province&province=${code}&month=${latest}`);
    await waitForPage(page, 'province', latest);
    const change = (100 * (now.debt_total - before.debt_total)) / before.debt_total;
    expect(await page.locator('#panel-p-debt li[data-basis="mom"]').first().innerText()).toBe(
      `Tổng nợ · So với tháng trước (08/2025): ${change > 0 ? '+' : '-'}${Math.abs(change).toFixed(1).replace('.', ',')}%`,
    );
    const missing = MISSING_IN_LATEST[0];
    await page.goto('about:blank');
    await page.goto(`${dash.server.url}#page=province&province=${missing}&month=${latest}`);
    await waitForPage(page, 'province', latest);
    expect(await page.locator('#panel-p-debt li[data-basis="mom"]').first().innerText()).toBe(
      'Tổng nợ · So với tháng trước: chưa có số liệu để so sánh',
    );
  });

  it('says the same in English', async () => {
    const latest = dash.fixture.meta.latest_period;
    await page.goto('about:blank');
    await page.goto(`${dash.server.url}#page=overview&month=${latest}&lang=en`);
    await waitForPage(page, 'overview', latest);
    const tile = page.locator('[data-kpi="debt-total"]');
    expect(await tile.locator('.tile-reported').innerText()).toBe('31/34 provinces reported');
    expect(await tile.locator('li[data-basis="mom"]').innerText()).toMatch(
      /^Month on month \(vs 08\/2025\): [+-]\d+,\d% · same 29\/34 provinces reporting both months$/,
    );
    expect(await page.locator('#panel-ranking .not-reported').innerText()).toMatch(/^No report: /);
    expect((await page.locator('#chart-map .role-legend').allTextContents()).join(' ')).toContain(
      'no report',
    );
  });
});
