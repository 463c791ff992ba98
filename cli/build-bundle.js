// @ts-check
/**
 * Builds the CLI's bundle: cli/main.ts and the modules it reaches, compiled by esbuild into
 * ES modules in cli/dist/ (git-ignored), so that `vss` starts without compiling TypeScript at
 * run time. Each verb stays its own chunk, loaded when named, as the sources load them. Packages
 * but zod (with its English messages alone) and commander stay in node_modules (DuckDB's native
 * binding cannot be bundled, and the others then resolve as they do from the sources). Runs on
 * `npm ci` (prepare) and `npm run build:cli`; offline and deterministic: the same sources give
 * the same files.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { englishOnlyZodLocales } from '../pipeline/site/zod-locales-plugin.js';
import { BUNDLE_DIR, ROOT, sourceKey, sourceStamps } from './bundle-key.js';

/**
 * `import.meta.url` of a bundled module would be the chunk's in cli/dist/: each module's
 * becomes its own source file's again, relative to the chunk, so `new URL('../../queries/',
 * import.meta.url)` and the workers' `.js` files resolve where they do from the sources.
 * @type {import('esbuild').Plugin}
 */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const fromChunk = relative(BUNDLE_DIR, args.path).split('\\').join('/');
      const url = `new URL(${JSON.stringify(fromChunk)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

/**
 * The packages compiled into the bundle: pure JavaScript that every verb loads, whose many small
 * modules would otherwise each be resolved and read at start. @duckdb/node-api is 124 CommonJS
 * modules: imported from an ES module, Node scans each one's source for its export names before
 * running it (0.12 s a start against 0.065 s by require, measured). Its native binding,
 * @duckdb/node-bindings, stays external, loaded by require. Every other package stays external.
 */
const INLINED = new Set(['zod', 'commander', '@duckdb/node-api']);

/** @type {import('esbuild').Plugin} */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      const parts = args.path.split('/');
      const name = args.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
      return name && INLINED.has(name) ? undefined : { path: args.path, external: true };
    });
  },
};

/** Builds into a sibling directory, then puts it in place: a reader never sees half a bundle. */
export async function buildBundle() {
  const staging = `${BUNDLE_DIR}.${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, 'cli', 'main.ts')],
    outdir: staging,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // commander and @duckdb/node-api are CommonJS: their require() of Node's modules and of the
    // native binding needs one in an ES module.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    metafile: true,
    plugins: [englishOnlyZodLocales, externalPackages, sourceUrls],
    logLevel: 'error',
  });
  // The inlined packages are in the key through package-lock.json, the sources by their contents.
  const inputs = Object.keys(result.metafile.inputs)
    .filter((path) => !path.split('/').includes('node_modules'))
    .sort();
  // Stamped before hashed: a file written in between is hashed again at the next start rather
  // than trusted on its stamp.
  const stamps = sourceStamps(inputs);
  const manifest = { key: sourceKey(inputs), inputs, stamps };
  await writeFile(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await rm(BUNDLE_DIR, { recursive: true, force: true });
  await rename(staging, BUNDLE_DIR);
  return { dir: BUNDLE_DIR, inputs: inputs.length };
}

/** True when esbuild is not installed (an install without dev dependencies): tsx runs the CLI. */
const esbuildMissing = (/** @type {unknown} */ error) =>
  error instanceof Error &&
  'code' in error &&
  error.code === 'ERR_MODULE_NOT_FOUND' &&
  /esbuild/.test(error.message);

if (process.argv[1] && join(process.argv[1]) === join(dirname(BUNDLE_DIR), 'build-bundle.js')) {
  try {
    const { dir, inputs } = await buildBundle();
    console.log(`vss: bundle of ${inputs} modules in ${relative(ROOT, dir)}`);
  } catch (error) {
    if (!esbuildMissing(error)) throw error;
    console.log('vss: esbuild is not installed; the CLI runs its sources through tsx');
  }
}
