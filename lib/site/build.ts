/**
 * Builds the static dashboard: one minified ES module bundle (vega, vega-lite and vega-embed
 * included, no CDN), the page, its styles and the two boundary files. The data/ folder belongs
 * to `vss refresh` and is never touched here.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { StorageError } from '../errors.ts';
import { referenceDir } from '../reference/provinces.ts';
import { GEO_FILES } from '../../dashboard/src/specs/choropleth.ts';
import { englishOnlyZodLocales } from './zod-locales-plugin.ts';

export const DASHBOARD_DIR = fileURLToPath(new URL('../../dashboard/', import.meta.url));
const STATIC_FILES = ['index.html', 'styles.css'] as const;

export interface BuildReport {
  /** Bytes of app.js as written (before any transfer compression). */
  bundleBytes: number;
}

export async function buildSite(opts: { outDir: string }): Promise<BuildReport> {
  await mkdir(join(opts.outDir, 'geo'), { recursive: true });
  const result = await build({
    entryPoints: [join(DASHBOARD_DIR, 'src', 'main.ts')],
    outfile: join(opts.outDir, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    legalComments: 'linked',
    logLevel: 'silent',
    metafile: true,
    plugins: [englishOnlyZodLocales],
  }).catch((error: unknown) => {
    throw new StorageError(`could not bundle the dashboard: ${String(error)}`, { cause: error });
  });
  const copies = [
    ...STATIC_FILES.map((f) => [join(DASHBOARD_DIR, f), join(opts.outDir, f)] as const),
    ...GEO_FILES.map((f) => [join(referenceDir(), 'geo', f), join(opts.outDir, 'geo', f)] as const),
  ];
  // Read and write rather than copy: the reference files are read-only and a copy would keep that
  // mode, so the next build could not overwrite them.
  await Promise.all(
    copies.map(async ([from, to]) => {
      await rm(to, { force: true });
      await writeFile(to, await readFile(from));
    }),
  );
  const appJs = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('app.js'));
  return { bundleBytes: appJs?.[1].bytes ?? (await stat(join(opts.outDir, 'app.js'))).size };
}
