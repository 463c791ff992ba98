/**
 * The overview's headline tiles are drawn from the site data before the chart chunk (Vega,
 * Vega-Lite, zod) has even arrived: every script but the first screen's is held back at the
 * network until the tiles have been read, then let through, and every chart becomes a live view.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDashboard, waitForPage, type Dashboard } from './harness.ts';

let dash: Dashboard;
beforeAll(async () => {
  dash = await openDashboard();
});
afterAll(async () => {
  await dash.close();
});

const vi = new Intl.NumberFormat('vi-VN');
const scriptPath = (url: string) => new URL(url).pathname.replace(/^\//, '');

describe('first screen', () => {
  it('shows the tiles from the site data while the chart chunk is held back, then draws live charts', async () => {
    const { page, build, fixture, siteDir } = dash;
    expect(build.firstScreen[0]).toBe(build.assets['app.js']);
    const held: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/*.js', async (route) => {
      const path = scriptPath(route.request().url());
      if (!build.firstScreen.includes(path)) {
        held.push(path);
        await gate;
      }
      await route.continue();
    });

    const latest = fixture.meta.latest_period;
    await page.goto(dash.server.url);
    await page.waitForSelector(`body[data-first-screen="${latest}"]`, { timeout: 60_000 });

    // The charts' code was asked for and is still held: nothing from it has run.
    const charts = held.find((p) => /chunks\/pages-[A-Z0-9]+\.js$/.test(p));
    expect(charts, `held: ${held.join(', ')}`).toBeDefined();
    const text = (p: string) => readFileSync(join(siteDir, p), 'utf8');
    expect(text(charts ?? '')).toContain('vega.github.io');
    expect(text(charts ?? '')).toContain('ZodError');
    for (const p of build.firstScreen) {
      expect(text(p), p).not.toContain('vega.github.io');
      expect(text(p), p).not.toContain('ZodError');
    }
    expect(await page.locator('body[data-ready]').count()).toBe(0);
    expect(await page.locator('.vega-embed').count()).toBe(0);

    // The tiles' figures, computed here from the fixture's rows.
    const row = fixture.national.find((r) => r.period === latest);
    if (!row) throw new Error('fixture has no national row for its latest month');
    const debtTile = page.locator('[data-kpi="debt-total"]');
    expect(await debtTile.locator('.detail').innerText()).toBe(`${vi.format(row.debt_total)} đ`);
    const debtReports = fixture.completeness.filter((c) => c.dataset === 'debt' && c.period === latest);
    const received = debtReports.filter((c) => c.status !== 'missing').length;
    expect(received).toBeLessThan(debtReports.length); // the fixture leaves units out
    expect(await debtTile.locator('.tile-reported').innerText()).toBe(
      `${received}/${debtReports.length} tỉnh đã báo cáo`,
    );
    expect(await page.locator('#reported').innerText()).toContain(
      `${row.provinces_reported}/${row.provinces_expected} tỉnh`,
    );
    const tilesEarly = await page.locator('#kpis').innerText();
    expect(await page.locator('#month').inputValue()).toBe(latest);

    release();
    await waitForPage(page, 'overview', latest);
    for (const id of ['chart-trend', 'chart-ranking', 'chart-map', 'chart-heatmap'])
      expect(await page.locator(`#${id} svg.marks, #${id} canvas`).count(), id).toBe(1);
    // The page drawn from the rows zod checked says the same as the first screen did.
    expect(await page.locator('#kpis').innerText()).toBe(tilesEarly);
    expect(dash.problems).toEqual([]);
  });
});
