/**
 * The enforcement results' national sums on the "approved only" basis, in Chromium: with every
 * enforcement report of the month approved but one unit's, each sum is the all-reports sum less
 * exactly that unit's figure (both computed here from the fixture's rows), and covers one unit
 * fewer; on the latest basis nothing is left out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnforcementRow } from '../../core/contracts/site-data.ts';
import { makeSiteFixture, type SiteFixture } from '../../tools/fixtures/site-fixture.ts';
import { openDashboard, type Dashboard } from './harness.ts';

const MONTH = '2025-08';
const money = (n: number) => `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(n)} đ`;

let dash: Dashboard;
let fixture: SiteFixture;
let pending: EnforcementRow;

beforeAll(async () => {
  fixture = makeSiteFixture();
  const candidate = fixture.enforcement.find((r) => r.period === MONTH && r.police_recovered !== null);
  if (!candidate) throw new Error('the fixture has no unit with enforcement results in the month');
  pending = candidate;
  // every enforcement report of the month that arrived is approved, but this unit's
  fixture.approvals = fixture.approvals.map((a) =>
    a.dataset !== 'enforcement' || a.period !== MONTH || a.state === 'missing'
      ? a
      : { ...a, state: a.province === pending.province ? 'pending' : 'approved' },
  );
  dash = await openDashboard(fixture);
});
afterAll(async () => {
  await dash?.close();
});

const figureLine = (panel: string, figure: string) =>
  dash.page.locator(`#panel-${panel} li[data-figure="${figure}"]`).innerText();

describe('the enforcement results on the approved basis', () => {
  it('leave out exactly the unapproved unit', async () => {
    const month = fixture.enforcement.filter((r) => r.period === MONTH && r.police_recovered !== null);
    const expected = fixture.units.filter((u) => u.generation === '34').length;
    const police = month.reduce((s, r) => s + (r.police_recovered ?? 0), 0);
    const planned = month.reduce((s, r) => s + (r.inspections_planned ?? 0), 0);
    expect(pending.police_recovered).toBeGreaterThan(0);

    await dash.open(`page=enforcement&month=${MONTH}`, 'enforcement', MONTH);
    expect(await figureLine('inspection-results', 'police_recovered')).toBe(
      `Số tiền thu hồi qua phối hợp công an: ${money(police)} (${month.length}/${expected} tỉnh)`,
    );

    await dash.open(`page=enforcement&month=${MONTH}&basis=approved`, 'enforcement', MONTH);
    const approvedUnits = month.length - 1;
    expect(await figureLine('inspection-results', 'police_recovered')).toBe(
      `Số tiền thu hồi qua phối hợp công an: ${money(police - (pending.police_recovered ?? 0))} (${approvedUnits}/${expected} tỉnh)`,
    );
    expect(await figureLine('inspection-types', 'inspections_planned')).toBe(
      `Theo kế hoạch: ${(planned - (pending.inspections_planned ?? 0)).toLocaleString('vi-VN')} (${approvedUnits}/${expected} tỉnh)`,
    );
    const note = dash.page.locator('#panel-inspection-results p.not-reported').first();
    expect(await note.getAttribute('data-units')).toBe(String(approvedUnits));
    // the units' own figures are the same on both bases: the unapproved unit is still listed
    const codes = await dash.page.locator('#table-results-by-unit tbody tr td:first-child').allInnerTexts();
    expect(codes).toContain(pending.province);
    expect(dash.problems).toEqual([]);
  });
});
