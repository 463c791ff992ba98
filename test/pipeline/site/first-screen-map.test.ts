/**
 * The overview's map as the refresh draws it ahead (pipeline/site/first-screen-svg.ts): the
 * default view's debt by province on the boundary file the site publishes, with the Hoàng Sa and
 * Trường Sa archipelagos named, and every unit whose debt report did not arrive drawn grey as
 * "chưa báo cáo" (never as zero). The provinces and their state are read here from the
 * fixture's rows and the boundary file, not from the code under test.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFirstScreenFile } from '../../../pipeline/site/first-screen-svg.ts';
import { writeSiteFixture } from '../../../tools/fixtures/site-fixture.ts';
import type { FirstScreenFile } from '../../../core/contracts/first-screen.ts';

const dir = mkdtempSync(join(tmpdir(), 'vss-first-screen-map-'));
const fixture = writeSiteFixture(dir);
const dataDir = join(dir, 'data');
const written = async () => {
  await writeFirstScreenFile(dataDir, fixture.meta);
  return JSON.parse(readFileSync(join(dataDir, 'first-screen.json'), 'utf8')) as FirstScreenFile;
};

/** The province names the month's boundary file holds (the 34 units from 2025-07). */
function boundaryNames(): string[] {
  const topo = JSON.parse(
    readFileSync(new URL('../../../reference/geo/vn34_2025_derived.topojson', import.meta.url), 'utf8'),
  ) as { objects: { vn34_derived: { geometries: { properties: { new_code: string } }[] } } };
  const codes = topo.objects.vn34_derived.geometries.map((g) => g.properties.new_code);
  return codes.map(
    (code) => fixture.units.find((u) => u.generation === '34' && u.code === code)?.name_vi ?? '',
  );
}

/** Each geoshape of the drawing: its accessible label and its fill. */
function shapes(svg: string): { label: string; fill: string }[] {
  return [...svg.matchAll(/<path aria-label="([^"]*)"[^>]*aria-roledescription="geoshape"[^>]*>/g)].map(
    ([tag = '', label = '']) => ({ label, fill: /fill="([^"]*)"/.exec(tag)?.[1] ?? '' }),
  );
}

describe('the map drawn ahead', () => {
  it('is drawn after the ranking and before the heatmap, at the live map height on a phone', async () => {
    const file = await written();
    expect(file.charts.map((c) => c.id)).toEqual(['trend', 'ranking', 'map', 'heatmap']);
    const map = file.charts.find((c) => c.id === 'map');
    expect([map?.width, map?.height]).toEqual([314, 520]);
    expect(map?.description).toContain('Bản đồ');
  });

  it('names the Hoàng Sa and Trường Sa archipelagos with the units they belong to', async () => {
    const svg = (await written()).charts.find((c) => c.id === 'map')?.svg ?? '';
    // each on two lines, the archipelago then its unit, read out as one name
    expect(svg).toContain('<tspan>Quần đảo Hoàng Sa</tspan><tspan x="0" dy="13">(TP Đà Nẵng)</tspan>');
    expect(svg).toContain('<tspan>Quần đảo Trường Sa</tspan><tspan x="0" dy="13">(tỉnh Khánh Hòa)</tspan>');
    expect(svg).toContain('aria-label="Quần đảo Hoàng Sa (TP Đà Nẵng)"');
    expect(svg).toContain('aria-label="Quần đảo Trường Sa (tỉnh Khánh Hòa)"');
  });

  it('draws a unit without its debt report grey as "chưa báo cáo", every other with its debt', async () => {
    const latest = fixture.meta.latest_period;
    const debt = fixture.completeness.filter((c) => c.dataset === 'debt' && c.period === latest);
    const missing = new Set(debt.filter((c) => c.status === 'missing').map((c) => c.province));
    const missingNames = fixture.units
      .filter((u) => u.generation === '34' && missing.has(u.code))
      .map((u) => u.name_vi);
    expect(missingNames.length).toBeGreaterThan(0); // the fixture leaves units out

    const drawn = shapes((await written()).charts.find((c) => c.id === 'map')?.svg ?? '');
    const nameOf = (label: string) => /Tỉnh, thành phố: ([^;]*)/.exec(label)?.[1] ?? '';
    expect(drawn.map((s) => nameOf(s.label)).sort()).toEqual(boundaryNames().sort());
    const grey = drawn.filter((s) => s.fill === '#b0b0b0');
    expect(grey.map((s) => nameOf(s.label)).sort()).toEqual([...missingNames].sort());
    for (const s of grey) expect(s.label).toContain('Tổng nợ: chưa báo cáo');
    // a reported unit shows its own debt, in whole đồng, in its label
    const byName = new Map(
      fixture.units.filter((u) => u.generation === '34').map((u) => [u.name_vi, u.code] as const),
    );
    for (const s of drawn.filter((d) => d.fill !== '#b0b0b0')) {
      const row = fixture.provinces.find(
        (r) => r.period === latest && r.province === byName.get(nameOf(s.label)),
      );
      expect(row, s.label).toBeDefined();
      expect(s.label).toContain(`Tổng nợ: ${new Intl.NumberFormat('vi-VN').format(row?.debt_total ?? 0)} đ`);
    }
  });

  it('is kept as written when the refresh draws the same specs again', async () => {
    const first = await written();
    const marked = {
      ...first,
      charts: first.charts.map((c) => (c.id === 'map' ? { ...c, svg: '<svg data-kept="yes"></svg>' } : c)),
    };
    writeFileSync(join(dataDir, 'first-screen.json'), JSON.stringify(marked));
    const again = await written();
    expect(again.specs_sha256).toBe(first.specs_sha256);
    expect(again.charts.find((c) => c.id === 'map')?.svg).toBe('<svg data-kept="yes"></svg>');
  });
});
