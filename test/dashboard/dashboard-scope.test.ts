/**
 * A unit's viewer: data/scope.json names the unit (in AWS its bundle answers data/ requests), the
 * page reads only that bundle and shows only that unit's page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { belongsTo } from '../../pipeline/refresh/refresh-bundles.ts';
import {
  NATIONAL_FILES,
  PROVINCE_FILES,
  SITE_FILES,
  provinceBundleDir,
} from '../../core/contracts/site-data.ts';
import { policeList } from '../../tools/fixtures/site-fixture.ts';
import { ARTIFACTS, openDashboard, waitForPage, type Dashboard } from './harness.ts';

const CODE = '08';
let dash: Dashboard;

beforeAll(async () => {
  dash = await openDashboard();
  const data = join(dash.siteDir, 'data');
  const dir = join(data, provinceBundleDir(CODE));
  mkdirSync(dir, { recursive: true });
  const mine = belongsTo(CODE);
  for (const [key, file] of Object.entries(SITE_FILES)) {
    const rows: unknown = dash.fixture[key as keyof typeof SITE_FILES];
    const own =
      key === 'meta' || key === 'units'
        ? rows
        : key === 'national'
          ? []
          : (rows as { period: string; province: string }[]).filter(mine);
    writeFileSync(join(dir, file), JSON.stringify(own));
  }
  // national sums, on either basis: none in a bundle
  for (const file of Object.values(NATIONAL_FILES)) writeFileSync(join(dir, file), '[]');
  writeFileSync(
    join(dir, PROVINCE_FILES.police),
    JSON.stringify(policeList(CODE, dash.fixture.meta.latest_period)),
  );
  writeFileSync(join(dir, PROVINCE_FILES.scope), JSON.stringify({ province: CODE }));
  // What the viewer function does for a user of unit 08: data/scope.json answered from the bundle.
  writeFileSync(join(data, PROVINCE_FILES.scope), JSON.stringify({ province: CODE }));
});

afterAll(async () => {
  await dash?.close();
});

describe('a province viewer', () => {
  it('reads only its bundle and sees only its own page', async () => {
    const { page } = dash;
    const requested: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/data/')) requested.push(path);
    });
    await page.goto(`${dash.server.url}#page=overview&month=2025-08&province=79`);
    await waitForPage(page, 'province', '2025-08');
    const unit = dash.fixture.units.find((u) => u.generation === '34' && u.code === CODE);
    expect(await page.locator('.province-name').innerText()).toBe(unit?.name_vi);
    expect(await page.locator('nav.tabs a:visible').count()).toBe(1);
    expect(await page.locator('#region').isVisible()).toBe(false);
    expect(await page.locator('#table-police tbody tr').count()).toBe(3);
    expect(requested.length).toBeGreaterThan(3);
    const outside = requested.filter(
      (p) => p !== '/data/scope.json' && !p.startsWith(`/data/provinces/${CODE}/`),
    );
    expect(outside).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'page-province-scope.png'), fullPage: true });
    expect(dash.problems).toEqual([]);
  });
});
