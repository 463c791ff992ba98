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
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildReport } from '../../lib/site/build.ts';

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
  it('writes the page, styles, one bundle and both boundary files', () => {
    for (const file of [
      'index.html',
      'styles.css',
      'app.js',
      'geo/vn63_gso_derived.topojson',
      'geo/vn34_2025_derived.topojson',
    ])
      expect(existsSync(join(outDir, file)), file).toBe(true);
    expect(report.bundleBytes).toBe(statSync(join(outDir, 'app.js')).size);
  });

  it('leaves the data written by refresh alone', () => {
    expect(readFileSync(join(outDir, 'data', 'meta.json'), 'utf8')).toBe(sentinel);
  });

  it('bundles everything the page loads: no CDN, no bare module imports left', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('<link rel="icon" href="data:," />');
    const js = readFileSync(join(outDir, 'app.js'), 'utf8');
    expect(js).not.toMatch(/\bfrom\s*["'](vega|vega-lite|vega-embed|zod)["']/);
    expect(js).not.toMatch(/\bimport\s*\(\s*["']https?:/);
  });

  it('keeps the XLSX writer out of the page bundle, in a chunk fetched on demand', () => {
    const js = readFileSync(join(outDir, 'app.js'), 'utf8');
    expect(js).not.toContain('xl/workbook.xml');
    expect(readdirSync(join(outDir, 'chunks')).some((f) => /^export-xlsx-\w+\.js$/.test(f))).toBe(true);
    expect(report.chunkBytes).toBeGreaterThan(500_000);
    // What the page itself loads stays within a slow provincial link's budget (bytes before gzip).
    expect(report.bundleBytes).toBeLessThan(1_300_000);
  });

  it('names up front, once, every chunk the bundle imports statically', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const js = readFileSync(join(outDir, 'app.js'), 'utf8');
    const imported = [...js.matchAll(/\bfrom\s*["']\.\/(chunks\/[\w-]+\.js)["']/g)].map((m) => m[1]);
    expect(imported.length).toBeGreaterThan(0);
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
    // a second build over the first replaces the link rather than adding another
    expect(preloaded.sort()).toEqual([...new Set(imported)].sort());
    for (const chunk of preloaded) expect(existsSync(join(outDir, chunk ?? '')), chunk).toBe(true);
    expect(html.indexOf('modulepreload')).toBeLessThan(html.indexOf('src="app.js"'));
  });

  it('drops zod locales other than English', () => {
    const js = readFileSync(join(outDir, 'app.js'), 'utf8');
    const hebrew = /[\u0590-\u05FF]{3,}/;
    expect(hebrew.test(readFileSync('node_modules/zod/v4/locales/he.js', 'utf8'))).toBe(true);
    expect(hebrew.test(js)).toBe(false);
  });
});
