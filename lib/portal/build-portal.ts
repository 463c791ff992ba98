/**
 * Builds the upload portal into the site beside the dashboard: portal.html, portal.css and one
 * minified bundle, portal.js (its own entry, so the dashboard's bundle and chunks are untouched).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { StorageError } from '../errors.ts';
import { englishOnlyZodLocales } from '../site/zod-locales-plugin.ts';

const DASHBOARD_DIR = fileURLToPath(new URL('../../dashboard/', import.meta.url));
const STATIC_FILES = ['portal.html', 'portal.css'] as const;

export async function buildPortal(opts: { outDir: string }): Promise<void> {
  await build({
    entryPoints: { portal: join(DASHBOARD_DIR, 'src', 'portal', 'main.ts') },
    outdir: opts.outDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    legalComments: 'linked',
    logLevel: 'silent',
    plugins: [englishOnlyZodLocales],
  }).catch((error: unknown) => {
    throw new StorageError(`could not bundle the upload portal: ${String(error)}`, { cause: error });
  });
  await Promise.all(
    STATIC_FILES.map(async (f) => {
      const to = join(opts.outDir, f);
      await rm(to, { force: true });
      await writeFile(to, await readFile(join(DASHBOARD_DIR, f)));
    }),
  );
}
