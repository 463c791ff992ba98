/**
 * Builds the static dashboard: one minified ES module bundle (vega, vega-lite and vega-embed
 * included, no CDN), the page, its styles and the two boundary files. The data/ folder belongs
 * to `vss refresh` and is never touched here.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
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

/**
 * esbuild puts the helpers app.js shares with the lazy chunks in a small chunk of their own, which
 * the browser would only discover after parsing the whole bundle, one round trip late. The page
 * names it up front so it arrives with the bundle.
 */
async function preloadStaticChunks(outDir: string, metafile: Metafile): Promise<void> {
  const app = Object.entries(metafile.outputs).find(([path]) => path.endsWith('/app.js'))?.[1];
  const chunks = (app?.imports ?? [])
    .filter((i) => i.kind === 'import-statement' && i.path.includes(`${CHUNK_DIR}/`))
    .map((i) => `${CHUNK_DIR}/${basename(i.path)}`);
  const page = join(outDir, 'index.html');
  const links = chunks.map((c) => `<link rel="modulepreload" href="${c}" />`).join('\n    ');
  const html = await readFile(page, 'utf8');
  const marker = '<script type="module" src="app.js"></script>';
  if (!html.includes(marker))
    throw new StorageError(`dashboard/index.html no longer loads app.js as ${marker}`);
  await writeFile(page, html.replace(marker, links ? `${links}\n    ${marker}` : marker));
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
  await preloadStaticChunks(opts.outDir, result.metafile);
  const outputs = Object.entries(result.metafile.outputs).filter(([path]) => path.endsWith('.js'));
  const appJs = outputs.find(([path]) => path.endsWith('app.js'));
  const chunkBytes = outputs
    .filter(([path]) => path.includes(`${CHUNK_DIR}/`))
    .reduce((s, [, o]) => s + o.bytes, 0);
  return { bundleBytes: appJs?.[1].bytes ?? (await stat(join(opts.outDir, 'app.js'))).size, chunkBytes };
}
