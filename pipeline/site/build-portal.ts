/**
 * Builds the upload portal into the site beside the dashboard: portal.html, its styles and one
 * minified bundle (its own entry, so the dashboard's bundle and chunks are untouched). The bundle
 * and styles are published under content-hashed names, which portal.html names.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { StorageError } from '../../core/errors.ts';
import { linkAssets, removeEarlier, writeHashed } from './hashed-assets.ts';
import { englishOnlyZodLocales } from './zod-locales-plugin.js';

const DASHBOARD_DIR = fileURLToPath(new URL('../../dashboard/', import.meta.url));

/**
 * `styles`: the published name of the dashboard's styles.css the portal shares (written here
 * when the portal is built alone).
 */
export async function buildPortal(opts: { outDir: string; styles?: string }): Promise<void> {
  await removeEarlier(opts.outDir, 'portal', '.js');
  const result = await build({
    entryPoints: { portal: join(DASHBOARD_DIR, 'src', 'portal', 'main.ts') },
    outdir: opts.outDir,
    entryNames: '[name]-[hash]',
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
    throw new StorageError(`could not bundle the upload portal: ${String(error)}`, { cause: error });
  });
  const entry = Object.entries(result.metafile.outputs).find(
    ([path, o]) => path.endsWith('.js') && o.entryPoint,
  );
  if (!entry) throw new StorageError('the portal bundle has no entry output');
  const names = {
    'portal.js': basename(entry[0]),
    'portal.css': await writeHashed(opts.outDir, DASHBOARD_DIR, 'portal.css'),
    'styles.css': opts.styles ?? (await writeHashed(opts.outDir, DASHBOARD_DIR, 'styles.css')),
  };
  const html = await readFile(join(DASHBOARD_DIR, 'portal.html'), 'utf8');
  const page = join(opts.outDir, 'portal.html');
  await rm(page, { force: true });
  await writeFile(page, linkAssets(html, names, 'portal.html'));
}
