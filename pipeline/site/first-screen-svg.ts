/**
 * Draws the overview's first-screen charts to SVG (core/charts/first-screen.ts) for the site data
 * files just written, with Vega's headless SVG renderer (no canvas needed): the dashboard shows
 * them while its charting library loads. The charts are drawn from the files on disk, so the full
 * and the by-month refresh write the same bytes, and a refresh whose specs are those drawn last
 * time keeps the file without loading Vega at all.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { LocaleFormatters } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { FORMAT_LOCALE, TIME_FORMAT_LOCALE } from '../../core/charts/chart-locale.ts';
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

async function rowsOf<T extends z.ZodType>(dir: string, file: string, row: T): Promise<z.infer<T>[]> {
  return z.array(row).parse(JSON.parse(await readFile(join(dir, file), 'utf8')));
}

/** The spec as drawn ahead: the phone's width instead of the live view's container width. */
const atFixedWidth = (spec: TopLevelSpec): TopLevelSpec =>
  ({ ...spec, width: FIRST_SCREEN_WIDTH, autosize: { type: 'fit-x', contains: 'padding' } }) as TopLevelSpec;

/** The drawing's own size, padding and axes included, from its root element. */
const OUTER_SIZE = /^<svg[^>]* width="([\d.]+)" height="([\d.]+)"/;

async function draw(specs: Record<FirstScreenChart, TopLevelSpec>): Promise<DrawnChart[]> {
  // Loaded only when something is drawn: a refresh that changed nothing shown never pays for it.
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const { locale } = vega as unknown as { locale(n: object, t: object): LocaleFormatters };
  const drawn: DrawnChart[] = [];
  for (const id of FIRST_SCREEN_CHARTS) {
    const compiled = vegaLite.compile(atFixedWidth(specs[id])).spec;
    const view = new vega.View(vega.parse(compiled), {
      renderer: 'none',
      locale: locale(FORMAT_LOCALE, TIME_FORMAT_LOCALE),
    });
    try {
      await view.runAsync();
      const svg = await view.toSVG();
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
export async function firstScreenFile(outDir: string, meta: SiteMeta): Promise<FirstScreenFile> {
  const [national, provinces, completeness, units] = await Promise.all([
    rowsOf(outDir, SITE_FILES.national, nationalRow),
    rowsOf(outDir, SITE_FILES.provinces, provinceRow),
    rowsOf(outDir, SITE_FILES.completeness, completenessRow),
    rowsOf(outDir, SITE_FILES.units, unitRow),
  ]);
  const specs = firstScreenSpecs(
    { latest: meta.latest_period, first: meta.first_period, national, provinces, completeness, units },
    FIRST_SCREEN_LANG,
  );
  const sha = createHash('sha256')
    .update(JSON.stringify({ width: FIRST_SCREEN_WIDTH, specs }))
    .digest('hex');
  const last = await lastWritten(join(outDir, FIRST_SCREEN_FILES.charts));
  return {
    period: meta.latest_period,
    lang: FIRST_SCREEN_LANG,
    basis: 'latest',
    geography: 'as_reported',
    specs_sha256: sha,
    charts: last?.specs_sha256 === sha ? last.charts : await draw(specs),
  };
}
