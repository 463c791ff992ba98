/**
 * One view state: the month, geography and region chosen are stated in the header (and so in
 * print, which hides the pickers), carried into the province page and into every export's file
 * name; a retired province code says where it went; the police list says which month it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDashboard, waitForPage, type Dashboard } from './harness.ts';

let dash: Dashboard;
let page: Page;
const REGION = 'Đồng bằng sông Hồng';

beforeAll(async () => {
  dash = await openDashboard();
  page = dash.page;
});
afterAll(async () => {
  await dash?.close();
});

const open = (hash: string, name: string, period: string) => dash.open(hash, name, period);

describe('the view state', () => {
  it('is stated in the header, on screen and in print, and carried into exports and the province page', async () => {
    const region = encodeURIComponent(REGION);
    await open(`page=overview&month=2025-05&geo=34&region=${region}`, 'overview', '2025-05');
    const line = await page.locator('#view-state').innerText();
    expect(line).toContain('Tháng 05/2025');
    expect(line).toContain('Quy đổi về 34 tỉnh, thành phố');
    expect(line).toContain(`Vùng: ${REGION}`);
    expect(line).toContain('Tiền: tỷ đồng');
    expect(line).toContain(
      'Số liệu: bản đã phê duyệt, hoặc bản mới nhất được chấp nhận nếu tháng chưa duyệt',
    );
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#view-state').isVisible()).toBe(true);
    expect(await page.locator('#month').isVisible()).toBe(false); // the pickers are not printed
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#panel-ranking button[data-export="csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('xep-hang-no-2025-05-34-dong-bang-song-hong.csv');

    // A bar of the ranking opens the province page in the same geography, region and month.
    await page.locator('#chart-ranking .mark-rect path').first().dispatchEvent('click');
    await waitForPage(page, 'province', '2025-05');
    expect(page.url()).toContain('geo=34');
    expect(page.url()).toContain('month=2025-05');
    expect(await page.locator('#geography').inputValue()).toBe('current');
    expect(await page.locator('#view-state').innerText()).toContain('Tiền: triệu đồng');
  });

  it('explains a retired province code and links to the unit that took it over', async () => {
    await open('page=province&province=49&month=2025-09', 'province', '2025-09');
    const notice = page.locator('.retired-unit');
    expect(await notice.innerText()).toContain('Mã 49 (Quảng Nam) không còn là một đơn vị từ 07/2025');
    expect(await notice.innerText()).toContain('Đà Nẵng');
    expect(await notice.getAttribute('data-successor')).toBe('48');
    await notice.locator('a').click();
    // the hash changes within the same month and page: wait for the new page, not the notice's
    await page.waitForSelector('.province-name');
    await waitForPage(page, 'province', '2025-09');
    expect(page.url()).toContain('province=48');
    expect(await page.locator('.province-name').innerText()).toBe('Đà Nẵng');
    // Before the merger the same code is a unit of its own.
    await open('page=province&province=49&month=2025-05', 'province', '2025-05');
    expect(await page.locator('.retired-unit').count()).toBe(0);
    expect(await page.locator('.province-name').innerText()).toBe('Quảng Nam');
  });

  it('says which month the police list is of when another month is in view', async () => {
    const latest = dash.fixture.meta.latest_period;
    await open(`page=province&province=01&month=${latest}`, 'province', latest);
    expect(await page.locator('.police-month').count()).toBe(0);
    await open('page=province&province=01&month=2025-07', 'province', '2025-07');
    expect(await page.locator('.police-month').innerText()).toBe(
      'Danh sách này là của tháng 09/2025, tháng mới nhất có số liệu chi tiết từng đơn vị; tháng đang xem là 07/2025.',
    );
    expect(dash.problems, dash.problems.join('\n')).toEqual([]);
  });
});
