/**
 * The debt page's sector split in Chromium, on site data in which some units of the month reported
 * debt template version 2 (sectors and interest) and the others did not: the bars are the sums of
 * the units that did, the rest are named as not reported, and the chart fits a 360 px phone.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_FILES, type DebtBreakdownRow } from '../../core/contracts/site-data.ts';
import { openDashboard, waitForPage, type Dashboard } from './harness.ts';
import { CROSSWALK } from './crosswalk.ts';

const MONTH = '2025-08';
/** A month left as the fixture has it: no unit split its debt by sector. */
const V1_MONTH = '2025-07';
type Sector = 'state' | 'fdi' | 'non_state' | 'public' | 'other';
let dash: Dashboard;
let rows: DebtBreakdownRow[];

beforeAll(async () => {
  dash = await openDashboard();
  // Every other unit of the month splits its debt by sector: 10 % state, 5 % FDI, the rest non-state.
  let i = 0;
  rows = dash.fixture.debtBreakdown.map((r) => {
    if (r.period !== MONTH || i++ % 2 === 1) return r;
    const total =
      (r.debt_age_lt3 ?? 0) + (r.debt_age_3_6 ?? 0) + (r.debt_age_6_12 ?? 0) + (r.debt_age_12_plus ?? 0);
    const state = Math.round(total * 0.1);
    const fdi = Math.round(total * 0.05);
    return {
      ...r,
      debt_sector_state: state,
      debt_sector_fdi: fdi,
      debt_sector_non_state: total - state - fdi,
      debt_sector_public: 0,
      debt_sector_other: 0,
      debt_interest: 1_000_000,
    };
  });
  writeFileSync(join(dash.siteDir, 'data', SITE_FILES.debtBreakdown), JSON.stringify(rows));
});
afterAll(async () => {
  await dash?.close();
});

describe('the debt page by sector', () => {
  it("breaks the month's debt down by months overdue, and says the sector split is not reported", async () => {
    await dash.open(`page=debt&month=${V1_MONTH}`, 'debt', V1_MONTH);
    const [download] = await Promise.all([
      dash.page.waitForEvent('download'),
      dash.page.locator('#panel-debt-age button[data-export="csv"]').click(),
    ]);
    const lines = readFileSync(await download.path(), 'utf8')
      .slice(1)
      .trim()
      .split('\r\n');
    const month = dash.fixture.debtBreakdown.filter((r) => r.period === V1_MONTH);
    expect(month.length).toBeGreaterThan(0);
    const bands = [
      ['Dưới 3 tháng', 'debt_age_lt3'],
      ['Từ 3 đến dưới 6 tháng', 'debt_age_3_6'],
      ['Từ 6 đến dưới 12 tháng', 'debt_age_6_12'],
      ['Từ 12 tháng trở lên', 'debt_age_12_plus'],
    ] as const;
    for (const [label, key] of bands) {
      const line = lines.find((l) => l.startsWith(`${label},`));
      expect(Number(line?.split(',')[1]), label).toBe(month.reduce((s, r) => s + (r[key] ?? 0), 0));
    }
    // the bands split the month's debt of the units that reported it
    const total = bands.reduce(
      (s, [label]) => s + Number(lines.find((l) => l.startsWith(`${label},`))?.split(',')[1]),
      0,
    );
    expect(total).toBe(dash.fixture.national.find((r) => r.period === V1_MONTH)?.debt_total);
    // a month in which no unit reported template version 2: no sector bar, a "not reported" note, no 0
    expect(await dash.page.locator('#chart-debt-sector').count()).toBe(0);
    expect(await dash.page.locator('#panel-debt-age p.not-reported').innerText()).toContain('Chưa báo cáo');
    expect(dash.problems).toEqual([]);
  });

  it('sums the units that reported sectors, names the others, and exports the sums', async () => {
    await dash.open(`page=debt&month=${MONTH}`, 'debt', MONTH);
    const month = rows.filter((r) => r.period === MONTH);
    const split = month.filter((r) => r.debt_interest !== null);
    expect(split.length).toBeGreaterThan(0);
    expect(await dash.page.locator('#chart-debt-sector svg.marks').count()).toBe(1);
    const notes = await dash.page.locator('#panel-debt-sector p.not-reported').allInnerTexts();
    expect(notes[0]).toContain(`${(split.length * 1_000_000).toLocaleString('vi-VN')}`);
    expect(notes[1]).toContain(`${month.length - split.length} đơn vị chưa báo cáo theo khu vực kinh tế`);
    const [download] = await Promise.all([
      dash.page.waitForEvent('download'),
      dash.page.locator('#panel-debt-sector button[data-export="csv"]').click(),
    ]);
    const lines = readFileSync(await download.path(), 'utf8')
      .slice(1)
      .trim()
      .split('\r\n');
    const value = (label: string) => Number(lines.find((l) => l.startsWith(`${label},`))?.split(',')[1]);
    const sum = (code: Sector) => split.reduce((s, r) => s + (r[`debt_sector_${code}`] ?? 0), 0);
    expect(value('Doanh nghiệp nhà nước')).toBe(sum('state'));
    expect(value('Doanh nghiệp có vốn đầu tư nước ngoài')).toBe(sum('fdi'));
    expect(value('Doanh nghiệp ngoài nhà nước')).toBe(sum('non_state'));
    expect(dash.problems).toEqual([]);
  });

  it("restated to today's 34, sums a region's merged old units that all reported", async () => {
    const period = '2025-05';
    const region = dash.fixture.units.find((u) => u.generation === '34' && u.code === '08')?.region_vi ?? '';
    const inRegion = new Set(
      dash.fixture.units.filter((u) => u.generation === '34' && u.region_vi === region).map((u) => u.code),
    );
    // a current unit counts only when every old unit of it sent its debt report (crosswalk CSV)
    const sent = (old: string) =>
      dash.fixture.completeness.some(
        (c) => c.dataset === 'debt' && c.period === period && c.province === old && c.status !== 'missing',
      );
    const oldOf = (now: string) => [...CROSSWALK].filter(([, n]) => n === now).map(([old]) => old);
    const counted = [...inRegion].filter((now) => oldOf(now).every(sent));
    const parts = dash.fixture.debtBreakdown.filter(
      (r) => r.period === period && counted.includes(CROSSWALK.get(r.province) ?? ''),
    );
    expect(counted.length).toBeLessThan(inRegion.size); // some unit of the region is partly missing
    expect(parts.length).toBeGreaterThan(counted.length); // some counted unit is a merger
    await dash.open(`page=debt&month=${period}&geo=34&region=${encodeURIComponent(region)}`, 'debt', period);
    const [download] = await Promise.all([
      dash.page.waitForEvent('download'),
      dash.page.locator('#panel-debt-age button[data-export="csv"]').click(),
    ]);
    const lines = readFileSync(await download.path(), 'utf8')
      .slice(1)
      .trim()
      .split('\r\n');
    const value = (label: string) => Number(lines.find((l) => l.startsWith(`${label},`))?.split(',')[1]);
    expect(value('Dưới 3 tháng')).toBe(parts.reduce((s, r) => s + (r.debt_age_lt3 ?? 0), 0));
    expect(value('Từ 12 tháng trở lên')).toBe(parts.reduce((s, r) => s + (r.debt_age_12_plus ?? 0), 0));
    expect(dash.problems).toEqual([]);
  });

  it('fits a 360 px phone', async () => {
    const page = await dash.browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    try {
      await page.goto(`${dash.server.url}#page=debt&month=${MONTH}`);
      await waitForPage(page, 'debt', MONTH);
      const widths = await page.evaluate(() =>
        ['debt-age', 'debt-sector'].map((id) => {
          const svg = document.querySelector(`#chart-${id} svg`)?.getBoundingClientRect().width ?? -1;
          const panel = document.querySelector(`#panel-${id}`)?.getBoundingClientRect().width ?? -1;
          return { svg, panel, doc: document.documentElement.scrollWidth };
        }),
      );
      for (const w of widths) {
        expect(w.svg).toBeGreaterThan(0);
        expect(w.svg).toBeLessThanOrEqual(w.panel + 1);
        expect(w.doc).toBeLessThanOrEqual(360);
      }
    } finally {
      await page.close();
    }
  });
});
