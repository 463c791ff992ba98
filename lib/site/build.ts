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
import { buildPortal } from '../portal/build-portal.ts';

export const DASHBOARD_DIR = fileURLToPath(new URL('../../dashboard/', import.meta.url));
const STATIC_FILES = ['index.html', 'styles.css'] as const;
const CHUNK_DIR = 'chunks';

export interface BuildReport {
  /** Bytes of app.js as written (before any transfer compression): what the page loads first. */
  bundleBytes: number;
  /** Bytes of the lazily loaded chunks (the XLSX writer), fetched on demand. */
  chunkBytes: number;
}

export async function buildSite(opts: { outDir: string }): Promise<BuildReport> {
  await mkdir(join(opts.outDir, 'geo'), { recursive: true });
  await rm(join(opts.outDir, CHUNK_DIR), { recursive: true, force: true }); // no stale chunks pile up
  const result = await build({
    entryPoints: { app: join(DASHBOARD_DIR, 'src', 'main.ts') },
    outdir: opts.outDir,
    // The XLSX writer (exceljs, ~0.9 MB) is a dynamic import: split into a chunk fetched only
    // when someone downloads a workbook, so the page itself stays small on a slow link.
    splitting: true,
    chunkNames: `${CHUNK_DIR}/[name]-[hash]`,
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
  await buildPortal({ outDir: opts.outDir });
  const outputs = Object.entries(result.metafile.outputs).filter(([path]) => path.endsWith('.js'));
  const appJs = outputs.find(([path]) => path.endsWith('app.js'));
  const chunkBytes = outputs
    .filter(([path]) => path.includes(`${CHUNK_DIR}/`))
    .reduce((s, [, o]) => s + o.bytes, 0);
  return { bundleBytes: appJs?.[1].bytes ?? (await stat(join(opts.outDir, 'app.js'))).size, chunkBytes };
}
