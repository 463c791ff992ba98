import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policeList } from '../../tools/fixtures/site-fixture.ts';
import { ARTIFACTS, openDashboard, textsRead, waitForPage, type Dashboard } from './harness.ts';

let dash: Dashboard;
let page: Page;
const MONTH = '2025-08';

/** Charts each page must draw (ids of their containers). */
const PAGES = {
  overview: ['chart-trend', 'chart-ranking', 'chart-map', 'chart-heatmap'],
  debt: ['chart-debt-schemes', 'chart-debt-old', 'chart-debt-old-ranking', 'chart-debt-age'],
  coverage: ['chart-coverage-trend', 'chart-coverage-target', 'chart-coverage-ranking'],
  enforcement: [
    'chart-enforcement-trend',
    'chart-funnel',
    'chart-fines-ranking',
    'chart-inspection-types',
    'chart-inspection-results',
    'chart-recovered-ranking',
  ],
  procedures: ['chart-procedures-trend', 'chart-procedures-groups', 'chart-procedures-ranking'],
  reporting: ['chart-reporting-heatmap'],
  province: [
    'chart-p-debt',
    'chart-p-coverage',
    'chart-p-procedures',
    'chart-p-enforcement',
    'chart-p-enforcement-results',
  ],
} as const;

const open = (hash: string, name: string, period = MONTH) => dash.open(hash, name, period);

async function expectCharts(ids: readonly string[]): Promise<void> {
  expect(await page.locator('#page .chart').count()).toBe(ids.length);
  for (const id of ids) {
    expect(await page.locator(`#${id} svg.marks`).count(), `${id} is drawn`).toBe(1);
    const label = await page.locator(`#${id} [role="graphics-document"]`).getAttribute('aria-label');
    expect(label, `${id} is described for screen readers`).toBeTruthy();
    const panel = `#${id.replace(/^chart-/, 'panel-')}`;
    expect(
      await page.locator(`${panel} figcaption.stamp`).innerText(),
      `${panel} says when and from what`,
    ).toMatch(/05\/10\/2025 10:15 · từ [\d.]+ báo cáo/);
  }
}

beforeAll(async () => {
  dash = await openDashboard();
  page = dash.page;
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await dash?.close();
});

describe('dashboard pages in Chromium', () => {
  it.each(Object.entries(PAGES))('%s draws its charts with no console error', async (name, ids) => {
    await open(`page=${name}&month=${MONTH}${name === 'province' ? '&province=01' : ''}`, name);
    await expectCharts(ids);
    expect(await page.locator('nav.tabs a[aria-current="page"]').getAttribute('data-page')).toBe(name);
    await page.screenshot({ path: join(ARTIFACTS, `page-${name}.png`), fullPage: true });
    expect(dash.problems).toEqual([]);
  });

  it('opens the province page from a click on the map and lists its reports', async () => {
    await open(`page=overview&month=${MONTH}`, 'overview');
    const shape = page.locator('#chart-map .mark-shape path').nth(5);
    await shape.dispatchEvent('click');
    await page.waitForURL(/page=province/);
    const code = new URL(page.url()).hash.match(/province=(\d\d)/)?.[1];
    expect(code).toBeDefined();
    await waitForPage(page, 'province', MONTH);
    const unit = dash.fixture.units.find((u) => u.generation === '34' && u.code === code);
    expect(await page.locator('.province-name').innerText()).toBe(unit?.name_vi);
    // The reports listed are those the figures' "from N reports" line counts, with their receipts.
    const reports = dash.fixture.reports.filter((r) => r.province === code && r.period === MONTH);
    expect(reports.length).toBeGreaterThan(0);
    expect(await page.locator('#title-reports').innerText()).toContain(`(${reports.length})`);
    const stamp = await page.locator('#panel-p-debt figcaption.stamp').innerText();
    expect(stamp).toContain(`từ ${reports.length} báo cáo`);
    expect(await page.locator('#panel-p-debt figcaption.stamp a').getAttribute('href')).toContain(
      `province=${code}`,
    );
    const receipts = await page.locator('#table-reports tbody tr td:nth-child(9)').allInnerTexts();
    expect(receipts.sort()).toEqual(reports.map((r) => r.upload_id).sort());
    // The police-coordination list of the unit's latest month, from its bundle, exportable.
    expect(await page.locator('#table-police tbody tr').count()).toBe(3);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#panel-police button[data-export="csv"]').click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    const list = policeList(code ?? '', dash.fixture.meta.latest_period);
    for (const row of list) expect(csv).toContain(`${row.ma_so_thue},`);
    expect(csv.match(/,Có\r?\n/g)).toHaveLength(list.filter((r) => r.art216 === 1).length);
    // only the quantitative thresholds are checked, and the column says so (intent is not judged)
    expect(csv.split(/\r?\n/)[0]).toMatch(/,Tính chất nợ,Biện pháp xử lý,Đạt ngưỡng định lượng Điều 216$/);
    // the nature and the action apart: the referred evader stays an evader; an unstated nature says so
    expect(csv).toMatch(/,Trốn đóng,Chuyển cơ quan công an,Có\r?\n/);
    expect(csv).toMatch(/,Chưa rõ,Đã khởi kiện,Có\r?\n/);
    expect(csv).toMatch(/,Chậm đóng,Chưa xử lý,Không(\r?\n|$)/);
    expect(csv).not.toContain('Đủ dấu hiệu');
    expect(dash.problems).toEqual([]);
  });

  it('opens the province page from a click on a ranking bar', async () => {
    await open(`page=debt&month=${MONTH}`, 'debt');
    await page.locator('#chart-debt-old-ranking .mark-rect path').first().dispatchEvent('click');
    await waitForPage(page, 'province', MONTH);
    const top = dash.fixture.provinces
      .filter((r) => r.period === MONTH)
      .sort((a, b) => b.debt_3m_plus - a.debt_3m_plus)[0];
    expect(page.url()).toContain(`province=${top?.province}`);
  });

  it('switches to English and back, keeping the state in the URL', async () => {
    await open(`page=coverage&month=${MONTH}`, 'coverage');
    await page.locator('#lang').click();
    await page.waitForURL(/lang=en/);
    // the redraw sets the language and clears data-ready together: only then is the wait meaningful
    await page.waitForSelector('html[lang="en"]');
    await waitForPage(page, 'coverage', MONTH);
    expect(await page.locator('h1').innerText()).toBe('Debt, coverage and dossiers');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#title-coverage-trend').innerText()).toBe('National coverage rate by month');
    expect(await page.locator('figcaption.stamp').first().innerText()).toMatch(/^Computed at 05\/10\/2025/);
    expect(page.url()).toContain('page=coverage');
    await page.screenshot({ path: join(ARTIFACTS, 'page-coverage-en.png'), fullPage: true });
    await page.locator('#lang').click();
    await page.waitForURL((url) => !url.hash.includes('lang=en'));
    await page.waitForSelector('html[lang="vi"]');
    await waitForPage(page, 'coverage', MONTH);
    expect(await page.locator('h1').innerText()).toBe('Tình hình nợ đóng, bao phủ và giải quyết hồ sơ');
    expect(dash.problems).toEqual([]);
  });

  it('exports a chart as CSV whose figures are those of the site data', async () => {
    await open(`page=overview&month=${MONTH}`, 'overview');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#panel-ranking button[data-export="csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`xep-hang-no-${MONTH}.csv`);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...lines] = text.slice(1).trim().split('\r\n');
    expect(header).toBe(
      'Hạng,Mã,"Tỉnh, thành phố",Tổng nợ (đồng),Nợ từ 3 tháng trở lên (đồng),Đơn vị,Tình trạng',
    );
    const month = dash.fixture.provinces.filter((r) => r.period === MONTH);
    const missing = dash.fixture.completeness.filter(
      (c) => c.dataset === 'debt' && c.period === MONTH && c.status === 'missing',
    );
    expect(missing.length).toBeGreaterThan(0);
    expect(lines).toHaveLength(month.length + missing.length);
    const reported = lines.filter((line) => line.endsWith(',đồng,đã báo cáo'));
    const exported = new Map(reported.map((line) => [line.split(',')[1], Number(line.split(',').at(-4))]));
    for (const row of month) expect(exported.get(row.province), row.province).toBe(row.debt_total);
    const total = [...exported.values()].reduce((s, v) => s + v, 0);
    expect(total).toBe(dash.fixture.national.find((r) => r.period === MONTH)?.debt_total);
    // A unit without a report is listed last with no figure and no rank, never a zero.
    for (const c of missing) {
      const line = lines.find((l) => l.split(',')[1] === c.province);
      expect(line, c.province).toMatch(/^,\d{2},.*,,,đồng,chưa báo cáo$/);
    }
  });

  it('exports a chart as XLSX from the lazily loaded writer', async () => {
    await open(`page=enforcement&month=${MONTH}`, 'enforcement');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#panel-fines-ranking button[data-export="xlsx"]').click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    const month = dash.fixture.enforcement.filter((r) => r.period === MONTH);
    const missing = dash.fixture.completeness.filter(
      (c) => c.dataset === 'enforcement' && c.period === MONTH && c.status === 'missing',
    );
    expect(sheet?.rowCount).toBe(month.length + missing.length + 1); // the unreported marked, last
    let fines = 0;
    sheet?.eachRow((row, n) => {
      if (n > 1) fines += Number(row.getCell(5).value);
    });
    expect(fines).toBe(month.reduce((s, r) => s + r.fines_imposed, 0));
    expect(dash.problems).toEqual([]);
  });

  it('prints the overview on one or two A4 landscape pages', async () => {
    await open(`page=overview&month=${MONTH}`, 'overview');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    writeFileSync(join(ARTIFACTS, 'overview-print.pdf'), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    const box = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
    expect(Number(box?.[1])).toBeGreaterThan(Number(box?.[2])); // landscape
  });

  it('ranks the provinces by HI participants against the assigned target, lowest first, with its export', async () => {
    await open(`page=overview&month=${MONTH}&measure=hi_target`, 'overview');
    const title = await page.locator('#panel-ranking h2, #panel-ranking h3').first().textContent();
    expect(title).toContain('Xếp hạng tỉnh theo BHYT / chỉ tiêu giao');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#panel-ranking button[data-export="csv"]').click(),
    ]);
    const lines = readFileSync(await download.path(), 'utf8')
      .slice(1)
      .trim()
      .split('\r\n')
      .slice(1);
    expect(lines).toHaveLength(34); // every unit: ranked, without a target, or not reported
    // recomputed from the fixture: the reported units with an assigned target, lowest share first
    const month = dash.fixture.provinces.filter((r) => r.period === MONTH && r.hi_target_assigned !== null);
    const lowest = [...month].sort(
      (a, b) =>
        a.hi_participants / (a.hi_target_assigned ?? 1) - b.hi_participants / (b.hi_target_assigned ?? 1),
    )[0];
    expect(lines[0]?.startsWith(`1,${lowest?.province},`)).toBe(true);
    const rate = Number(lines[0]?.split(',')[3]); // rank, code, name, value
    expect(rate).toBeCloseTo((100 * (lowest?.hi_participants ?? 0)) / (lowest?.hi_target_assigned ?? 1), 2);
    expect(lines.filter((l) => l.endsWith(',chưa báo cáo'))).toHaveLength(
      34 - dash.fixture.provinces.filter((r) => r.period === MONTH).length,
    );
  });

  it('colours the map by the measure chosen, with its unit in the legend and its figures in the export', async () => {
    await open(`page=overview&month=${MONTH}`, 'overview');
    // Money goes out in whole đồng with its unit, never as tỷ with a decimal point (915.799).
    const [debtCsv] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#panel-map button[data-export="csv"]').click(),
    ]);
    const debtLines = readFileSync(await debtCsv.path(), 'utf8')
      .slice(1)
      .trim()
      .split('\r\n');
    expect(debtLines[0]).toBe('Mã,"Tỉnh, thành phố",Tổng nợ,Đơn vị,Hiển thị');
    for (const row of dash.fixture.provinces.filter((r) => r.period === MONTH)) {
      const line = debtLines.find((l) => l.startsWith(`${row.province},`)) ?? '';
      expect(line, row.province).toContain(`,${row.debt_total},đồng,`);
    }
    await page.locator('#map-measure').selectOption('hi_rate');
    await page.waitForURL(/measure=hi_rate/);
    await waitForPage(page, 'overview', MONTH);
    const legends = await page.locator('#chart-map .role-legend').allTextContents();
    expect(legends.join(' | ')).toContain('BHYT / dân số (%)');
    expect(legends.join(' | ')).toContain('chưa báo cáo'); // its own entry, not the scale's lightest
    expect(await page.locator('#chart-map .mark-shape path').count()).toBe(34);
    // the archipelagos keep their symbol and name whatever the measure
    expect(await page.locator('#chart-map .mark-symbol.role-mark path').count()).toBe(2);
    const names = await page.locator('#chart-map .mark-text.role-mark text').evaluateAll(textsRead);
    expect(names).toEqual(['Quần đảo Hoàng Sa (TP Đà Nẵng)', 'Quần đảo Trường Sa (tỉnh Khánh Hòa)']);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#panel-map button[data-export="csv"]').click(),
    ]);
    const lines = readFileSync(await download.path(), 'utf8')
      .slice(1)
      .trim()
      .split('\r\n')
      .slice(1);
    const month = dash.fixture.provinces.filter((r) => r.period === MONTH);
    expect(lines).toHaveLength(34); // every unit of the map, the unreported ones marked
    expect(lines.filter((l) => l.endsWith(',chưa báo cáo'))).toHaveLength(34 - month.length);
    for (const row of month) {
      const line = lines.find((l) => l.startsWith(`${row.province},`));
      const rate = Number(line?.match(/,([\d.]+),%,/)?.[1]);
      expect(rate, row.province).toBeCloseTo((100 * row.hi_participants) / row.hi_population, 2);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'page-overview-map-hi.png'), fullPage: true });
    expect(dash.problems).toEqual([]);
  });

  it('reaches the province page from the keyboard through the province picker', async () => {
    await open(`page=overview&month=${MONTH}`, 'overview');
    await page.locator('#province').focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(/page=province/);
    expect(await page.locator('#province').evaluate((el) => el === document.activeElement)).toBe(true);
  });
});
