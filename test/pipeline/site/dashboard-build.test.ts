import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildReport } from '../../../pipeline/site/build.ts';

let outDir: string;
let report: BuildReport;
const sentinel = '{"kept":true}';

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'vss-build-'));
  mkdirSync(join(outDir, 'data'));
  writeFileSync(join(outDir, 'data', 'meta.json'), sentinel);
  await buildSite({ outDir });
  // A second build over the first must work: the copied boundary files come from read-only sources.
  report = await buildSite({ outDir });
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('buildSite', () => {
  it('writes the page, styles, one bundle and both boundary files, each under a content-hashed name', () => {
    const { assets } = report;
    expect(assets['app.js']).toMatch(/^app-[A-Z0-9]{8}\.js$/);
    expect(assets['styles.css']).toMatch(/^styles\.[0-9a-f]{10}\.css$/);
    expect(assets['vn63_gso_derived.topojson']).toMatch(/^vn63_gso_derived\.[0-9a-f]{10}\.topojson$/);
    expect(assets['vn34_2025_derived.topojson']).toMatch(/^vn34_2025_derived\.[0-9a-f]{10}\.topojson$/);
    const files = [
      'index.html',
      'portal.html',
      assets['app.js'],
      assets['styles.css'],
      `geo/${assets['vn63_gso_derived.topojson']}`,
      `geo/${assets['vn34_2025_derived.topojson']}`,
    ];
    for (const file of files) expect(existsSync(join(outDir, file ?? '')), file).toBe(true);
    expect(report.bundleBytes).toBe(statSync(join(outDir, assets['app.js'] ?? '')).size);
    // The hash is the content's: the styles' name changes exactly when its bytes do.
    const css = readFileSync(join(outDir, assets['styles.css'] ?? ''));
    expect(assets['styles.css']).toBe(
      `styles.${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`,
    );
    // Only the pages and data keep a stable name; a second build left no earlier copy behind.
    const top = readdirSync(outDir).filter((f) => !['data', 'geo', 'chunks'].includes(f));
    for (const name of top)
      expect(name, name).toMatch(/\.html$|\.[0-9a-f]{10}\.css$|-[A-Z0-9]{8}\.js(\.LEGAL\.txt)?$/);
    expect(top.filter((f) => f.startsWith('app-') && f.endsWith('.js'))).toHaveLength(1);
    expect(readdirSync(join(outDir, 'geo'))).toHaveLength(2);
  });

  it('names the hashed files in both pages and the boundary files in the bundle', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).toContain(`<script type="module" src="${report.assets['app.js']}"></script>`);
    expect(html).toContain(`href="${report.assets['styles.css']}"`);
    const portal = readFileSync(join(outDir, 'portal.html'), 'utf8');
    expect(portal).toContain(`href="${report.assets['styles.css']}"`);
    expect(portal).toMatch(/href="portal\.[0-9a-f]{10}\.css"/);
    expect(portal).toMatch(/src="portal-[A-Z0-9]{8}\.js"/);
    // The map's boundary file is named in the bundle or the chunk it imports statically.
    const code = [
      ...readdirSync(outDir).filter((f) => f.endsWith('.js')),
      ...readdirSync(join(outDir, 'chunks')).map((f) => `chunks/${f}`),
    ]
      .map((f) => readFileSync(join(outDir, f), 'utf8'))
      .join('\n');
    expect(code.includes(report.assets['vn34_2025_derived.topojson'] ?? '?')).toBe(true);
  });

  it('leaves the data written by refresh alone', () => {
    expect(readFileSync(join(outDir, 'data', 'meta.json'), 'utf8')).toBe(sentinel);
  });

  it('bundles everything the page loads: no CDN, no bare module imports left', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('<link rel="icon" href="data:," />');
    const js = [
      report.assets['app.js'] ?? '',
      ...readdirSync(join(outDir, 'chunks')).map((f) => `chunks/${f}`),
    ]
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(outDir, f), 'utf8'))
      .join('\n');
    expect(js).not.toMatch(/\bfrom\s*["'](vega|vega-lite|vega-embed|zod)["']/);
    expect(js).not.toMatch(/\bimport\s*\(\s*["']https?:/);
  });

  it('keeps the XLSX writer out of the page bundle, in a chunk fetched on demand', () => {
    const js = readFileSync(join(outDir, report.assets['app.js'] ?? ''), 'utf8');
    expect(js).not.toContain('xl/workbook.xml');
    expect(readdirSync(join(outDir, 'chunks')).some((f) => /^export-xlsx-\w+\.js$/.test(f))).toBe(true);
    expect(report.chunkBytes).toBeGreaterThan(500_000);
    // What the page itself loads stays within a slow provincial link's budget (bytes before gzip).
    expect(report.bundleBytes).toBeLessThan(1_300_000);
  });

  it('names up front, once, every chunk the bundle and the pages chunk import statically', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const js = readFileSync(join(outDir, report.assets['app.js'] ?? ''), 'utf8');
    const imported = [...js.matchAll(/\bfrom\s*["']\.\/(chunks\/[\w-]+\.js)["']/g)].map((m) => m[1]);
    expect(imported.length).toBeGreaterThan(0);
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
    // a second build over the first replaces the link rather than adding another
    // and the pages' chunk (imported dynamically so the tiles need not wait for Vega, fetched at once)
    const pagesChunk = readdirSync(join(outDir, 'chunks')).find((f) => /^pages-[A-Z0-9]+\.js$/.test(f));
    expect(pagesChunk).toBeDefined();
    // and what the pages' chunk imports statically, read from its text (found only after it ran)
    const pagesJs = readFileSync(join(outDir, 'chunks', pagesChunk ?? ''), 'utf8');
    const fromPages = [...pagesJs.matchAll(/\bfrom\s*["']\.\/(chunk-[\w-]+\.js)["']/g)].map(
      (m) => `chunks/${m[1]}`,
    );
    expect(fromPages.some((c) => !imported.includes(c))).toBe(true);
    expect(preloaded.sort()).toEqual(
      [...new Set([...imported, `chunks/${pagesChunk}`, ...fromPages])].sort(),
    );
    // the XLSX writer is not among them: it loads only when a workbook is asked for
    expect(preloaded.some((p) => p?.includes('export-xlsx'))).toBe(false);
    for (const chunk of preloaded) expect(existsSync(join(outDir, chunk ?? '')), chunk).toBe(true);
    expect(html.indexOf('modulepreload')).toBeLessThan(html.indexOf(`src="${report.assets['app.js']}"`));
  });

  it('drops zod locales other than English', () => {
    // everything the page loads: the entry and its chunks (zod sits in a shared one)
    const js = [
      report.assets['app.js'] ?? '',
      ...readdirSync(join(outDir, 'chunks'))
        .filter((f) => f.endsWith('.js') && !f.startsWith('export-xlsx'))
        .map((f) => `chunks/${f}`),
    ]
      .map((f) => readFileSync(join(outDir, f), 'utf8'))
      .join('\n');
    expect(js).toContain('vega'); // the scan covers the chart code
    const hebrew = /[\u0590-\u05FF]{3,}/;
    expect(hebrew.test(readFileSync('node_modules/zod/v4/locales/he.js', 'utf8'))).toBe(true);
    expect(hebrew.test(js)).toBe(false);
  });
});
