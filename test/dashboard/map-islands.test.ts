import { readFileSync } from 'node:fs';
import { parse, View, loader } from 'vega';
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { CHART_TEXT, type Lang } from '../../core/messages/index.ts';
import { islandLabelLines, ISLAND_SYMBOL_SIZE, ISLANDS } from '../../core/charts/islands.ts';
import { choroplethSpec } from '../../core/charts/choropleth.ts';

/** The boundary files from reference/geo, in place of the site's geo/ folder. */
const files = loader();
files.load = async (uri: string) =>
  readFileSync(new URL(`../../reference/geo/${uri.replace(/^geo\//, '')}`, import.meta.url), 'utf8');

async function drawn(period: string, lang: Lang, geography?: 'current', width = 640) {
  const spec = choroplethSpec([{ province: '01', value: 5, shown: '5', raw: 5_000_000_000, unit: 'dong' }], {
    period,
    lang,
    geoBase: 'geo',
    publishedName: (file) => file,
    geography,
    measureTitle: 'Nợ',
    legendTitle: 'Nợ (tỷ đồng)',
    format: ',.1f',
    scheme: 'blues',
  });
  // the page's container gives the width; headless, the spec says it
  const view = new View(parse(compile({ ...spec, width }).spec), { renderer: 'none', loader: files });
  await view.runAsync();
  return { svg: await view.toSVG(), view };
}

interface SceneItem {
  marktype?: string;
  role?: string;
  items?: SceneItem[];
  x?: number;
  y?: number;
  size?: number;
  text?: string | string[];
  bounds?: { x1: number; x2: number; y1: number; y2: number };
}

/** Every drawn item of one data mark type in the scenegraph (marks hold items, groups hold marks). */
function itemsOf(node: SceneItem, marktype: string): SceneItem[] {
  const children = node.items ?? [];
  if (node.marktype === marktype) return node.role === 'mark' ? children : [];
  return children.flatMap((child) => itemsOf(child, marktype));
}

const CASES = [
  ['2025-06', 'vi', undefined],
  ['2025-06', 'en', undefined],
  ['2025-08', 'vi', undefined],
  ['2025-08', 'en', undefined],
  ['2025-06', 'vi', 'current'],
] as const;

describe('the Hoàng Sa and Trường Sa archipelagos on the map', () => {
  it.each(CASES)('are named on the map of %s in %s (%s)', async (period, lang, geography) => {
    const { svg } = await drawn(period, lang, geography);
    for (const island of ISLANDS)
      for (const line of islandLabelLines(CHART_TEXT[island.key][lang])) expect(svg).toContain(`>${line}<`);
    const other = lang === 'vi' ? 'en' : 'vi';
    expect(svg).not.toContain(CHART_TEXT.hoangSa[other]);
  });

  it('names them with the unit each belongs to, in both languages', () => {
    expect(CHART_TEXT.hoangSa.vi).toBe('Quần đảo Hoàng Sa (TP Đà Nẵng)');
    expect(CHART_TEXT.truongSa.vi).toBe('Quần đảo Trường Sa (tỉnh Khánh Hòa)');
    expect(CHART_TEXT.hoangSa.en).toBe('Hoang Sa (Paracel) Islands');
    expect(CHART_TEXT.truongSa.en).toBe('Truong Sa (Spratly) Islands');
  });

  it('draws each as a symbol of fixed size inside the map, over the boundary file features', async () => {
    const { view } = await drawn('2025-08', 'vi');
    // legend swatches are symbols too, with another role: only the map's own marks count
    const symbols = itemsOf((view.scenegraph() as unknown as { root: SceneItem }).root, 'symbol');
    const positions = symbols.map((item) => [item.x ?? NaN, item.y ?? NaN]);
    expect(symbols.map((item) => item.size)).toEqual(ISLANDS.map(() => ISLAND_SYMBOL_SIZE));
    for (const [x, y] of positions) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThanOrEqual(640);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThanOrEqual(520);
    }
  });

  // 314 px: the map's width in the overview's panel on a 360 px phone (first-screen-map.test.ts).
  it.each([
    [314, 'vi'],
    [314, 'en'],
    [640, 'vi'],
  ] as const)('keeps both names whole inside a map %s px wide (%s), on two lines', async (width, lang) => {
    const { view } = await drawn('2025-08', lang, undefined, width);
    const root = (view.scenegraph() as unknown as { root: SceneItem }).root;
    const [left] = view.origin();
    const names = itemsOf(root, 'text').filter((t) => Array.isArray(t.text));
    expect(names.map((t) => t.text)).toEqual(ISLANDS.map((i) => islandLabelLines(CHART_TEXT[i.key][lang])));
    for (const name of names) {
      expect(name.bounds?.x1 ?? NaN, String(name.text)).toBeGreaterThanOrEqual(-left);
      expect(name.bounds?.x2 ?? NaN, String(name.text)).toBeLessThanOrEqual(width - left);
    }
  });

  it('puts each symbol on its own archipelago in the boundary data (within half a degree of its reefs)', () => {
    const topo = JSON.parse(
      readFileSync(new URL('../../reference/geo/vn34_2025_derived.topojson', import.meta.url), 'utf8'),
    ) as { transform: { scale: [number, number]; translate: [number, number] }; arcs: [number, number][][] };
    const [sx, sy] = topo.transform.scale;
    const [tx, ty] = topo.transform.translate;
    const points = topo.arcs.flatMap((arc) => {
      let x = 0;
      let y = 0;
      return arc.map(([dx, dy]) => {
        x += dx;
        y += dy;
        return [x * sx + tx, y * sy + ty] as const;
      });
    });
    for (const island of ISLANDS) {
      const near = points.filter(([lon, lat]) => Math.hypot(lon - island.lon, lat - island.lat) < 0.5);
      expect(near.length, island.key).toBeGreaterThan(0);
    }
  });
});
