/**
 * The enforcement page's inspections by type, inspection results and police-coordination
 * recoveries in Chromium, against sums computed here from the fixture's rows: each national sum
 * says how many units it covers, a unit on the older template reads "chưa có số liệu" and one that
 * did not report "chưa báo cáo", never 0, and the panels fit a 360 px phone.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, openDashboard, type Dashboard } from './harness.ts';
import { join } from 'node:path';

let dash: Dashboard;
let page: Page;
const MONTH = '2025-08';
const money = (n: number) => `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(n)} đ`;

beforeAll(async () => {
  dash = await openDashboard();
  page = dash.page;
});
afterAll(async () => {
  await dash?.close();
});

describe('the enforcement page: inspection types, results, police coordination', () => {
  it('sums each figure over the units that reported it and says how many they are', async () => {
    await dash.open(`page=enforcement&month=${MONTH}`, 'enforcement', MONTH);
    const month = dash.fixture.enforcement.filter((r) => r.period === MONTH);
    const withFigures = month.filter((r) => r.police_recovered !== null);
    const without = month.filter((r) => r.police_recovered === null);
    expect(withFigures.length).toBeGreaterThan(0);
    expect(without.length).toBeGreaterThan(0);
    const expected = dash.fixture.units.filter((u) => u.generation === '34').length;
    const note = page.locator('#panel-inspection-results p.not-reported').first();
    expect(await note.getAttribute('data-units')).toBe(String(withFigures.length));
    expect(await note.getAttribute('data-expected')).toBe(String(expected));
    expect(await note.innerText()).toBe(
      `Tháng 08/2025: tổng trên ${withFigures.length}/${expected} tỉnh có số liệu`,
    );
    const police = withFigures.reduce((s, r) => s + (r.police_recovered ?? 0), 0);
    expect(
      await page.locator('#panel-inspection-results li[data-figure="police_recovered"]').innerText(),
    ).toBe(`Số tiền thu hồi qua phối hợp công an: ${money(police)} (${withFigures.length}/${expected} tỉnh)`);
    const planned = withFigures.reduce((s, r) => s + (r.inspections_planned ?? 0), 0);
    expect(
      await page.locator('#panel-inspection-types li[data-figure="inspections_planned"]').innerText(),
    ).toBe(`Theo kế hoạch: ${planned.toLocaleString('vi-VN')} (${withFigures.length}/${expected} tỉnh)`);
    expect(dash.problems).toEqual([]);
  });

  it('lists every unit, no figures and no report said in words rather than 0', async () => {
    await dash.open(`page=enforcement&month=${MONTH}`, 'enforcement', MONTH);
    const rows = await page
      .locator('#table-results-by-unit tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    const byCode = new Map(rows.map((cells) => [cells[0], cells]));
    const older = dash.fixture.enforcement.find((r) => r.period === MONTH && r.police_recovered === null);
    const cells = byCode.get(older?.province);
    expect(cells?.slice(2, 10)).toEqual(Array(8).fill('chưa có số liệu'));
    expect(cells?.[10]).toBe('chưa có số liệu');
    const missing = dash.fixture.completeness.filter(
      (c) => c.dataset === 'enforcement' && c.period === MONTH && c.status === 'missing',
    );
    expect(missing.length).toBeGreaterThan(0);
    for (const m of missing) expect(byCode.get(m.province)?.[10], m.province).toBe('chưa báo cáo');
    const reported = dash.fixture.enforcement.find((r) => r.period === MONTH && r.police_recovered !== null);
    expect(byCode.get(reported?.province)?.[7]).toBe(
      (reported?.inspection_recovered ?? 0).toLocaleString('vi-VN'),
    );
  });

  it("draws a unit's recoveries on its page, and says so when its reports have none", async () => {
    const has = dash.fixture.enforcement.find((r) => r.period === MONTH && r.inspection_recovered !== null);
    const lacks = dash.fixture.enforcement.find(
      (r) =>
        r.period === MONTH &&
        dash.fixture.enforcement.every((x) => x.province !== r.province || x.police_recovered === null),
    );
    for (const [row, drawn] of [
      [has, true],
      [lacks, false],
    ] as const) {
      await dash.open(`page=province&month=${MONTH}&province=${row?.province}`, 'province', MONTH);
      const note = page.locator('#panel-p-enforcement-results p.not-reported');
      expect(await note.count(), row?.province).toBe(drawn ? 0 : 1);
      if (!drawn) expect(await note.innerText()).toBe('Chưa có số liệu');
    }
    expect(dash.problems).toEqual([]);
  });

  it('fits a 360 px phone, in English too', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      await dash.open(`page=enforcement&month=${MONTH}&lang=en`, 'enforcement', MONTH);
      expect(await page.locator('#title-inspection-types').innerText()).toBe(
        'Inspections by type, nationally',
      );
      expect(await page.locator('#panel-inspection-results p.not-reported').first().innerText()).toMatch(
        /^08\/2025: summed over \d+\/34 provinces with figures$/,
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.screenshot({ path: join(ARTIFACTS, 'enforcement-results-360.png'), fullPage: true });
      expect(dash.problems).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
