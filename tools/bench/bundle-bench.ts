/**
 * The ingest Lambda as infra bundles it (infra/constructs/duckdb-function.ts: esbuild, ESM, node22,
 * DuckDB's native binding external): the bundle's size, the size of the DuckDB runtime copied beside it,
 * and how long a fresh Node process takes to import it — the cold start's share that is ours —
 * against importing only DuckDB and the S3 client from node_modules, the packages the bundle
 * holds (all but DuckDB's native binding), as a function that left them external would.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { DUCKDB_RUNTIME_PACKAGES } from '../../infra/constructs/duckdb-function.ts';
import { median, note, report, step } from './measure.ts';

const run = promisify(execFile);
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = 5;

async function duSize(path: string): Promise<number> {
  const { stdout } = await run('du', ['-sbL', path]);
  return Number(stdout.split('\t')[0]);
}

/** Milliseconds a fresh `node` spends importing `file` (process start not included). */
async function importMs(file: string, env: NodeJS.ProcessEnv): Promise<number> {
  const code = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], {
    env: { ...process.env, ...env },
  });
  return Number(stdout.trim());
}

export async function benchBundle(workDir: string): Promise<void> {
  step('ingest Lambda bundle');
  const out = join(workDir, 'ingest-bundle');
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const bundle = join(out, 'index.mjs');
  await build({
    entryPoints: [join(REPO_ROOT, 'functions/ingest.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    external: ['@duckdb/node-bindings'],
    logLevel: 'error',
  });
  // The externals resolve from the repository's packages, as they would from the asset's copy.
  await symlink(join(REPO_ROOT, 'node_modules'), join(out, 'node_modules'));
  const size = (await stat(bundle)).size;
  const runtime = (
    await Promise.all(DUCKDB_RUNTIME_PACKAGES.map((p) => duSize(join(REPO_ROOT, 'node_modules', p))))
  ).reduce((a, b) => a + b, 0);
  report({ name: 'ingest bundle (index.mjs)', value: size / 1e6, unit: 'MB' });
  report({ name: 'DuckDB runtime copied beside it', value: runtime / 1e6, unit: 'MB' });

  const externals = join(out, 'externals.mjs');
  await writeFile(externals, "import '@duckdb/node-api';\nimport '@aws-sdk/client-s3';\n");
  const env = { UPLOADS_BUCKET: 'bench-uploads', LAKE_BUCKET: 'bench-lake', AWS_REGION: 'ap-southeast-1' };
  const ours: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(await importMs(bundle, env));
    bare.push(await importMs(externals, env));
  }
  note(
    `bundle import ${ours.map((t) => t.toFixed(0)).join(', ')} ms; externals only ${bare.map((t) => t.toFixed(0)).join(', ')} ms`,
  );
  report({
    name: 'ingest module initialisation (import of the bundle)',
    value: median(ours) / 1000,
    unit: 's',
    baseline: { name: 'importing DuckDB + S3 client alone', value: median(bare) / 1000 },
  });
}
