/**
 * The debt page at the debt template's change (2026-07, when "paid off this month" rows came in):
 * arrears recovered says, in both languages, that it cannot be compared with the month before,
 * and its chart marks the month; debt itself keeps its change. The fixture's months of today's 34
 * units are moved to 2026-06..2026-08, so the month on month of 2026-07 crosses the change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedCompleteness } from '../../core/approved-basis.ts';
import { likeForLike } from '../../core/like-for-like.ts';
import { makeSiteFixture, type SiteFixture } from '../../tools/fixtures/site-fixture.ts';
import { openDashboard, type Dashboard } from './harness.ts';

const MOVED: Record<string, string> = { '2025-07': '2026-06', '2025-08': '2026-07', '2025-09': '2026-08' };
const MONTH = '2026-07';

/** The fixture with its months of 34 units moved a year on, comparisons recomputed over them. */
function acrossTheChange(): SiteFixture {
  const text = JSON.stringify(makeSiteFixture()).replace(
    /"(2025-0[789])/g,
    (_, month: string) => `"${MOVED[month] ?? month}`,
  );
  const moved = JSON.parse(text) as SiteFixture;
  const { provinces, completeness, units } = moved;
  const periods = moved.meta.periods;
  return {
    ...moved,
    comparisons: likeForLike(provinces, completeness, units, periods),
    comparisonsApproved: likeForLike(
      provinces,
      approvedCompleteness(completeness, moved.approvals),
      units,
      periods,
    ),
  };
}

let dash: Dashboard;
beforeAll(async () => {
  dash = await openDashboard(acrossTheChange());
});
afterAll(async () => {
  await dash?.close();
});

const changeLines = async (panel: string) =>
  dash.page.locator(`#panel-${panel} ul.trend-changes li[data-basis="mom"]`).allInnerTexts();

describe('the debt page across the template change', () => {
  it('gives arrears recovered no change, says why, and marks 2026-07 on its chart', async () => {
    await dash.open(`page=debt&month=${MONTH}`, 'debt', MONTH);
    const [arrears] = await changeLines('debt-old');
    expect(arrears).toBe(
      'Thu hồi nợ · So với tháng trước (06/2026): không so sánh được: mẫu báo cáo thay đổi từ 2026-07',
    );
    // debt is the same measure in both templates: its change is a figure
    const debt = await changeLines('debt-schemes');
    expect(debt[0]).toMatch(/^Tổng nợ · So với tháng trước \(06\/2026\): [+-−]?\d+,\d%/);
    expect(debt.join(' ')).not.toContain('không so sánh được');
    const label = dash.page.locator('#chart-debt-old svg text', {
      hasText: 'mẫu báo cáo thay đổi từ 2026-07',
    });
    expect(await label.count()).toBe(1);
    expect(dash.problems).toEqual([]);
  });

  it('says the same in English', async () => {
    await dash.open(`page=debt&month=${MONTH}&lang=en`, 'debt', MONTH);
    const [arrears] = await changeLines('debt-old');
    expect(arrears).toBe(
      'Arrears recovered · Month on month (vs 06/2026): not comparable: template changed in 2026-07',
    );
    const label = dash.page.locator('#chart-debt-old svg text', {
      hasText: 'template changed in 2026-07',
    });
    expect(await label.count()).toBe(1);
  });

  it('compares arrears recovered within the new template', async () => {
    await dash.open(`page=debt&month=2026-08`, 'debt', '2026-08');
    const [arrears] = await changeLines('debt-old');
    expect(arrears).toMatch(/^Thu hồi nợ · So với tháng trước \(07\/2026\): [+-−]?\d+,\d%/);
  });
});
