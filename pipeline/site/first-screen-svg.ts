/**
 * Draws the overview's first-screen charts to SVG (core/charts/first-screen.ts) for the site data
 * files just written, with Vega's headless SVG renderer (no canvas needed): the dashboard shows
 * them while its charting library loads. The charts are drawn from the files on disk, so the full
 * and the by-month refresh write the same bytes, and a refresh whose specs are those drawn last
 * time keeps the file without loading Vega at all. The map reads its boundary file from the
 * reference files the site build publishes, under the same content-hashed name the page asks for.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { LocaleFormatters } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { FORMAT_LOCALE, TIME_FORMAT_LOCALE } from '../../core/charts/chart-text.ts';
import { heatmapFrom } from '../../core/charts/overview-rows.ts';
import {
  FIRST_SCREEN_CHARTS,
  FIRST_SCREEN_LANG,
  FIRST_SCREEN_WIDTH,
  firstScreenSpecs,
  type FirstScreenChart,
} from '../../core/charts/first-screen.ts';
import {
  isFirstScreenFile,
  type DrawnChart,
  type FirstScreenFile,
} from '../../core/contracts/first-screen.ts';
import {
  completenessRow,
  nationalRow,
  provinceRow,
  unitRow,
  SITE_FILES,
  type SiteMeta,
} from '../../core/contracts/site-data.ts';
import { FIRST_SCREEN_FILES } from '../../core/contracts/site-files.ts';
import { StorageError } from '../../core/errors.ts';
import { BOUNDARY_FILES } from '../../core/reference/boundaries.ts';
import { referenceDir } from '../reference/provinces.ts';
import { hashedName } from './hashed-assets.ts';
import { MIN_STEP_PX, PATH_DECIMALS, roundPaths } from './svg-precision.ts';

/**
 * The rows of a site data row file whose month `keep` keeps, unparsed. The files hold every month
 * and the first screen shows one or a few: a reader that knows where each month's rows lie in the
 * file (the refresh's writer does) parses only those.
 */
export type MonthRowReader = (file: string, keep: (period: string) => boolean) => Promise<unknown[]>;

/**
 * The whole file parsed, then its rows of other months left out (a row without a text period is
 * kept, for the parse to refuse).
 */
const wholeFileRows =
  (dir: string): MonthRowReader =>
  async (file, keep) => {
    const raw: unknown = JSON.parse(await readFile(join(dir, file), 'utf8'));
    const periodOf = (r: unknown) =>
      typeof r === 'object' && r !== null ? (r as Record<string, unknown>).period : undefined;
    if (!Array.isArray(raw)) throw new StorageError(`${join(dir, file)} is not a list of rows`);
    return raw.filter((r) => {
      const period = periodOf(r);
      return typeof period !== 'string' || keep(period);
    });
  };

/** A row file's rows of the months `keep` keeps, parsed with the contract's schema. */
async function rowsOf<T extends z.ZodType>(
  read: MonthRowReader,
  file: string,
  row: T,
  keep: (period: string) => boolean = () => true,
): Promise<z.infer<T>[]> {
  return z.array(row).parse(await read(file, keep));
}

/**
 * The spec as drawn ahead: the phone's width instead of the live view's container width. A spec
 * fitted both ways (the map) stays so: its height then holds the legend, as in its live view.
 */
function atFixedWidth(spec: TopLevelSpec): TopLevelSpec {
  const fitted = typeof spec.autosize === 'object' && spec.autosize.type === 'fit';
  const autosize = { type: fitted ? 'fit' : 'fit-x', contains: 'padding' } as const;
  return { ...spec, width: FIRST_SCREEN_WIDTH, autosize } as TopLevelSpec;
}

/** A boundary file's text by the site path the map's spec names it by ("geo/<published name>"). */
type Boundaries = ReadonlyMap<string, string>;

/** Every boundary file, as the site build publishes it (pipeline/site/build.ts writeBoundaries). */
async function readBoundaries(): Promise<{ byPath: Boundaries; published: Map<string, string> }> {
  const byPath = new Map<string, string>();
  const published = new Map<string, string>();
  for (const file of BOUNDARY_FILES) {
    const bytes = await readFile(join(referenceDir(), 'geo', file));
    const name = hashedName(file, bytes);
    published.set(file, name);
    byPath.set(`geo/${name}`, bytes.toString('utf8'));
  }
  return { byPath, published };
}

/** The drawing's own size, padding and axes included, from its root element. */
const OUTER_SIZE = /^<svg[^>]* width="([\d.]+)" height="([\d.]+)"/;

/** Advance widths of a Helvetica-like face, in em, by character (others: by case). */
const ADVANCE: Record<string, number> = {
  ...Object.fromEntries([...'0123456789'].map((d) => [d, 0.556])),
  ...Object.fromEntries([...' /.,:;!|'].map((c) => [c, 0.278])),
  ...Object.fromEntries([...'()-r'].map((c) => [c, 0.333])),
  ...Object.fromEntries([...'ijlI'].map((c) => [c, 0.222])),
  ...Object.fromEntries([...'ft'].map((c) => [c, 0.278])),
  m: 0.833,
  w: 0.722,
  M: 0.833,
  W: 0.944,
};
const advance = (ch: string) =>
  ADVANCE[ch] ?? (ch >= 'A' && ch <= 'Z' ? 0.667 : ch === 'đ' ? 0.556 : ch === 'Đ' ? 0.722 : 0.53);

/**
 * Text widths without a canvas. Vega's own estimate (0.8 em a character) makes axis labels far
 * wider than a browser draws them, so the rotated month labels made the heatmap taller than its
 * live view; a face's advances (diacritics dropped) come within a pixel or two of it.
 */
function textWidth(item: { fontSize?: number }, text: unknown): number {
  const size = item.fontSize ?? 11;
  const bare = String(text ?? '')
    .trim()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  let em = 0;
  for (const ch of bare) em += advance(ch);
  return em * size;
}

/** The SVG's gradient and clip ids ("gradient_0", "clip1") made the drawing's own. */
const ownDefIds = (svg: string, chart: FirstScreenChart) =>
  svg.replace(/(id="|url\(#)(gradient_\d+|clip\d+)(?=[")])/g, `$1ahead-${chart}-$2`);

async function draw(
  specs: Record<FirstScreenChart, TopLevelSpec>,
  boundaries: Boundaries,
): Promise<DrawnChart[]> {
  // Loaded only when something is drawn: a refresh that changed nothing shown never pays for it.
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const files = vega.loader();
  // Only the boundary files are read, from memory: a spec naming anything else fails to draw.
  files.load = (uri) => {
    const text = boundaries.get(uri);
    return text === undefined
      ? Promise.reject(new StorageError(`no boundary file ${uri} to draw the first screen's map on`))
      : Promise.resolve(text);
  };
  const { locale, textMetrics } = vega as unknown as {
    locale(n: object, t: object): LocaleFormatters;
    textMetrics: { width: typeof textWidth };
  };
  textMetrics.width = textWidth;
  const drawn: DrawnChart[] = [];
  for (const id of FIRST_SCREEN_CHARTS) {
    const compiled = vegaLite.compile(atFixedWidth(specs[id])).spec;
    const view = new vega.View(vega.parse(compiled), {
      renderer: 'none',
      loader: files,
      locale: locale(FORMAT_LOCALE, TIME_FORMAT_LOCALE),
    });
    try {
      await view.runAsync();
      // Vega numbers gradients and clips by a counter of the process: from zero for each drawing,
      // so the same specs draw the same bytes, and named for the chart, so no id of a drawing
      // can be taken for one of a live view in the same page.
      vega.resetSVGDefIds();
      const svg = ownDefIds(roundPaths(await view.toSVG()), id);
      const [width = 0, height = 0] = (OUTER_SIZE.exec(svg) ?? []).slice(1).map(Number);
      drawn.push({ id, description: specs[id].description ?? '', svg, width, height });
    } finally {
      view.finalize();
    }
  }
  return drawn;
}

async function lastWritten(path: string): Promise<FirstScreenFile | undefined> {
  if (!existsSync(path)) return undefined;
  const value: unknown = JSON.parse(await readFile(path, 'utf8'));
  return isFirstScreenFile(value) ? value : undefined;
}

/** The first screen's file for the site data in `outDir` (meta: the meta about to be written). */
export async function firstScreenFile(
  outDir: string,
  meta: SiteMeta,
  read: MonthRowReader = wholeFileRows(outDir),
): Promise<FirstScreenFile> {
  // The months firstScreenSpecs reads: the trend every month, the map and ranking the latest,
  // the heatmap its window.
  const from = heatmapFrom(meta.latest_period, meta.first_period);
  const [national, provinces, completeness] = await Promise.all([
    rowsOf(read, SITE_FILES.national, nationalRow),
    rowsOf(read, SITE_FILES.provinces, provinceRow, (p) => p === meta.latest_period),
    rowsOf(read, SITE_FILES.completeness, completenessRow, (p) => p >= from && p <= meta.latest_period),
  ]);
  const units = z.array(unitRow).parse(JSON.parse(await readFile(join(outDir, SITE_FILES.units), 'utf8')));
  const boundaries = await readBoundaries();
  const specs = firstScreenSpecs(
    { latest: meta.latest_period, first: meta.first_period, national, provinces, completeness, units },
    FIRST_SCREEN_LANG,
    (file) => boundaries.published.get(file) ?? file,
  );
  // The boundary file's name carries its content hash, so a new boundary file is a new spec.
  const sha = createHash('sha256')
    .update(JSON.stringify({ width: FIRST_SCREEN_WIDTH, precision: [PATH_DECIMALS, MIN_STEP_PX], specs }))
    .digest('hex');
  const last = await lastWritten(join(outDir, FIRST_SCREEN_FILES.charts));
  return {
    period: meta.latest_period,
    lang: FIRST_SCREEN_LANG,
    basis: 'latest',
    geography: 'as_reported',
    specs_sha256: sha,
    charts: last?.specs_sha256 === sha ? last.charts : await draw(specs, boundaries.byPath),
  };
}

/** Writes the first screen's file beside site data written some other way (the dashboard's fixtures). */
export async function writeFirstScreenFile(dataDir: string, meta: SiteMeta): Promise<void> {
  const file = await firstScreenFile(dataDir, meta);
  await writeFile(join(dataDir, FIRST_SCREEN_FILES.charts), JSON.stringify(file));
}
