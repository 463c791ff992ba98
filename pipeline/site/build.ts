/**
 * Builds the static dashboard: one minified ES module bundle (vega, vega-lite and vega-embed
 * included, no CDN), the page, its styles and the two boundary files. Every file but the pages
 * is published under a content-hashed name (served immutable); the pages name them. The data/
 * folder belongs to `vss refresh` and is never touched here.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { StorageError } from '../../core/errors.ts';
import { referenceDir } from '../reference/provinces.ts';
import { BOUNDARY_FILES } from '../../core/reference/boundaries.ts';
import { englishOnlyZodLocales } from './zod-locales-plugin.js';
import { buildPortal } from './build-portal.ts';
import { hashedName, linkAssets, removeEarlier, writeHashed } from './hashed-assets.ts';

export const DASHBOARD_DIR = fileURLToPath(new URL('../../dashboard/', import.meta.url));
const CHUNK_DIR = 'chunks';
/** The pages and Vega, imported dynamically so the first screen need not wait: fetched at once all the same. */
const PAGES_CHUNK = /\/pages-[A-Z0-9]+\.js$/;

export interface BuildReport {
  /** Bytes of the page's bundle as written (before any transfer compression): what it loads first. */
  bundleBytes: number;
  /** Bytes of the lazily loaded chunks (the XLSX writer), fetched on demand. */
  chunkBytes: number;
  /** The published (hashed) names: app.js, styles.css and the boundary files -> their names. */
  assets: Record<string, string>;
  /**
   * The scripts the first screen is drawn with (app.js and the chunks it imports statically, by
   * path under the site): every other chunk, the charts' among them, can arrive later.
   */
  firstScreen: string[];
  /** Bytes of those scripts: what the browser evaluates before the headline tiles. */
  firstScreenBytes: number;
}

/** The chunks an output (by published name) imports statically, by path under the site. */
function staticChunks(name: string, metafile: Metafile): string[] {
  const output = Object.entries(metafile.outputs).find(([path]) => path.endsWith(`/${name}`))?.[1];
  return (output?.imports ?? [])
    .filter((i) => i.path.includes(`${CHUNK_DIR}/`) && i.kind === 'import-statement')
    .map((i) => `${CHUNK_DIR}/${basename(i.path)}`);
}

/**
 * esbuild puts the helpers app.js shares with the lazy chunks in small chunks of their own, which
 * the browser would only discover after parsing the bundle (or the pages chunk), one round trip
 * late. The page names them, and the pages chunk, up front so they arrive with the bundle.
 */
function preloadStaticChunks(html: string, entry: string, metafile: Metafile): string {
  const app = Object.entries(metafile.outputs).find(([path]) => path.endsWith(`/${entry}`))?.[1];
  const pages = (app?.imports ?? [])
    .filter((i) => i.kind === 'dynamic-import' && PAGES_CHUNK.test(i.path))
    .map((i) => `${CHUNK_DIR}/${basename(i.path)}`);
  const chunks = new Set([
    ...staticChunks(entry, metafile),
    ...pages.flatMap((p) => [p, ...staticChunks(basename(p), metafile)]),
  ]);
  const links = [...chunks].map((c) => `<link rel="modulepreload" href="${c}" />`).join('\n    ');
  const marker = `<script type="module" src="${entry}"></script>`;
  return html.replace(marker, links ? `${links}\n    ${marker}` : marker);
}

/** Writes the boundary files under hashed names; returns source name -> published name. */
async function writeBoundaries(outDir: string): Promise<Record<string, string>> {
  const dir = join(outDir, 'geo');
  await rm(dir, { recursive: true, force: true }); // no earlier hashes pile up
  await mkdir(dir, { recursive: true });
  const names: Record<string, string> = {};
  for (const file of BOUNDARY_FILES) {
    // Read and write rather than copy: the reference files are read-only and a copy would keep
    // that mode, so the next build could not overwrite them.
    const bytes = await readFile(join(referenceDir(), 'geo', file));
    names[file] = hashedName(file, bytes);
    await writeFile(join(dir, names[file]), bytes);
  }
  return names;
}

export async function buildSite(opts: { outDir: string }): Promise<BuildReport> {
  await mkdir(opts.outDir, { recursive: true });
  await rm(join(opts.outDir, CHUNK_DIR), { recursive: true, force: true }); // no stale chunks pile up
  await removeEarlier(opts.outDir, 'app', '.js');
  const geo = await writeBoundaries(opts.outDir);
  const result = await build({
    entryPoints: { app: join(DASHBOARD_DIR, 'src', 'main.ts') },
    outdir: opts.outDir,
    entryNames: '[name]-[hash]',
    // The XLSX writer (exceljs, ~0.9 MB) is a dynamic import: split into a chunk fetched only
    // when someone downloads a workbook, so the page itself stays small on a slow link. The pages
    // (with Vega) are another, preloaded, so the headline tiles can be drawn before it arrives.
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
    define: { __VSS_ASSET_NAMES__: JSON.stringify(geo) },
    plugins: [englishOnlyZodLocales],
  }).catch((error: unknown) => {
    throw new StorageError(`could not bundle the dashboard: ${String(error)}`, { cause: error });
  });
  const outputs = Object.entries(result.metafile.outputs).filter(([path]) => path.endsWith('.js'));
  const appJs = outputs.find(([, o]) => o.entryPoint?.endsWith('main.ts'));
  if (!appJs) throw new StorageError('the dashboard bundle has no entry output');
  const entry = basename(appJs[0]);
  const styles = await writeHashed(opts.outDir, DASHBOARD_DIR, 'styles.css');
  const assets = { ...geo, 'app.js': entry, 'styles.css': styles };
  const html = await readFile(join(DASHBOARD_DIR, 'index.html'), 'utf8');
  const page = join(opts.outDir, 'index.html');
  await rm(page, { force: true });
  await writeFile(page, preloadStaticChunks(linkAssets(html, assets, 'index.html'), entry, result.metafile));
  await buildPortal({ outDir: opts.outDir, styles });
  const chunkBytes = outputs
    .filter(([path]) => path.includes(`${CHUNK_DIR}/`))
    .reduce((s, [, o]) => s + o.bytes, 0);
  const firstScreen = [entry, ...staticChunks(entry, result.metafile)];
  const firstScreenBytes = outputs
    .filter(([path]) => firstScreen.some((f) => path.endsWith(`/${f}`)))
    .reduce((s, [, o]) => s + o.bytes, 0);
  return { bundleBytes: appJs[1].bytes, chunkBytes, assets, firstScreen, firstScreenBytes };
}
