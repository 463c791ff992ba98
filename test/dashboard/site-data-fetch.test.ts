import { describe, expect, it } from 'vitest';
import { firstScreenData, type SiteFiles } from '../../dashboard/src/site-data-fetch.ts';
import { makeSiteFixture } from '../../tools/fixtures/site-fixture.ts';

const fixture = makeSiteFixture();
const files = (): SiteFiles => ({
  meta: structuredClone(fixture.meta),
  national: structuredClone(fixture.national).reverse(),
  provinces: structuredClone(fixture.provinces),
  completeness: structuredClone(fixture.completeness),
  units: structuredClone(fixture.units),
  comparisons: structuredClone(fixture.comparisons),
  approvals: structuredClone(fixture.approvals),
  headline: structuredClone(fixture.headline),
});

describe('the first screen’s light check of the site data', () => {
  it('passes the files refresh writes, national rows in month order', () => {
    const data = firstScreenData(files(), 'data/');
    expect(data.national.map((r) => r.period)).toEqual(fixture.national.map((r) => r.period).sort());
    expect(data.completeness).toHaveLength(fixture.completeness.length);
    // headline rows carry their lagging units as a list of rows, which the light check admits
    expect(data.headline.some((r) => r.lagging.length > 0)).toBe(true);
  });

  it('refuses a file that is not the site data, naming it', () => {
    expect(() => firstScreenData({ ...files(), provinces: { rows: [] } }, 'data/')).toThrow(
      'data/provinces.json: not a list of rows',
    );
    const nested = files();
    nested.completeness = [{ period: '2025-09', status: { missing: true } }];
    expect(() => firstScreenData(nested, 'data/')).toThrow('data/completeness.json');
    const months = { ...fixture.meta, periods: ['9/2025'] };
    expect(() => firstScreenData({ ...files(), meta: months }, 'data/')).toThrow('data/meta.json');
    expect(() => firstScreenData({ ...files(), national: [{ debt_total: 1 }] }, 'data/')).toThrow(
      'data/national.json: a row without a month',
    );
    expect(() => firstScreenData({ ...files(), comparisons: '<html>' }, 'data/')).toThrow(
      'data/comparisons.json',
    );
  });
});
