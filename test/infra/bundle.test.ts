import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app.ts';
import { STAND_IN_HANDLER } from './synth.ts';

/** The folders of the ingest and compaction functions' code assets in the synthesized assembly. */
let assetDir: string;
let compactAssetDir: string;
let outdir: string;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'vss-cdk-bundle-'));
  // The real ingest and compaction handlers, bundled by esbuild; refresh is bundled by the same construct.
  const { app, stack } = buildApp(
    { outdir, context: { env: 'test' } },
    {
      entries: { ingest: 'functions/ingest.ts', refresh: STAND_IN_HANDLER, compact: 'functions/compact.ts' },
    },
  );
  app.synth();
  const template = JSON.parse(readFileSync(join(outdir, `${stack.stackName}.template.json`), 'utf8')) as {
    Resources: Record<string, { Properties?: { Code?: { S3Key?: string } } }>;
  };
  // The code object is named after the asset's hash, and so is its folder in the assembly.
  const assetOf = (fn: { node: { defaultChild?: unknown } }, name: string) => {
    const s3Key =
      template.Resources[stack.getLogicalId(fn.node.defaultChild as never)]?.Properties?.Code?.S3Key;
    if (!s3Key?.endsWith('.zip')) throw new Error(`the ${name} function's code is not a zip asset: ${s3Key}`);
    return join(outdir, `asset.${s3Key.slice(0, -'.zip'.length)}`);
  };
  assetDir = assetOf(stack.ingest.fn.fn, 'ingest');
  compactAssetDir = assetOf(stack.compaction.fn.fn, 'compaction');
});

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('ingest Lambda bundle', () => {
  it('is an ES module bundle that can require()', () => {
    const code = readFileSync(join(assetDir, 'index.mjs'), 'utf8');
    expect(code.startsWith("import { createRequire } from 'node:module';")).toBe(true);
    expect(code).toContain('export');
  });

  it('carries DuckDB with its x64 native binding and the province reference data', () => {
    for (const file of [
      'node_modules/@duckdb/node-bindings/package.json',
      'node_modules/@duckdb/node-bindings-linux-x64/duckdb.node',
      'node_modules/detect-libc/package.json',
      'reference/provinces63.csv',
      'reference/provinces34.csv',
      'reference/merge_2025.csv',
    ]) {
      expect(existsSync(join(assetDir, file)), file).toBe(true);
    }
  });

  it("holds DuckDB's JavaScript and the AWS SDK, and leaves DuckDB's native binding out", () => {
    const code = readFileSync(join(assetDir, 'index.mjs'), 'utf8');
    // Bundled, @duckdb/node-api is not imported (nor scanned for its exports) at a cold start.
    expect(code).not.toMatch(/from\s*"@duckdb\/node-api"|import\("@duckdb\/node-api"\)/);
    expect(existsSync(join(assetDir, 'node_modules/@duckdb/node-api'))).toBe(false);
    expect(code).toContain('__require("@duckdb/node-bindings")');
    expect(code).not.toMatch(/from\s*"@aws-sdk\/|import\("@aws-sdk\//);
  });
});

describe('ingest Lambda bundle in Node', () => {
  it('loads as the Lambda runtime loads it (CommonJS dependencies that require() included) and handles an empty event', () => {
    // A separate Node, as in Lambda: the asset folder, the handler's environment, no tsx, and
    // nothing from outside the asset.
    const script = `const m = await import(${JSON.stringify(pathToFileURL(join(assetDir, 'index.mjs')).href)});
      await m.handler({ Records: [] });
      process.stdout.write('handler:' + typeof m.handler);`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: assetDir,
      env: {
        PATH: process.env.PATH ?? '',
        UPLOADS_BUCKET: 'uploads-bucket',
        LAKE_BUCKET: 'lake-bucket',
        VSS_REFERENCE_DIR: join(assetDir, 'reference'),
        AWS_REGION: 'ap-southeast-1',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(out).toContain('handler:function');
    // The invocation's metrics leave as Embedded Metric Format on stdout.
    expect(out).toContain('"Namespace":"VSS"');
  });
});

describe('compaction Lambda bundle in Node', () => {
  it('carries DuckDB, loads as the Lambda runtime loads it, and refuses a bad payload before any S3 call', () => {
    expect(
      existsSync(join(compactAssetDir, 'node_modules/@duckdb/node-bindings-linux-x64/duckdb.node')),
    ).toBe(true);
    const script = `const m = await import(${JSON.stringify(pathToFileURL(join(compactAssetDir, 'index.mjs')).href)});
      const error = await m.handler({ before: 'soon' }).then(() => undefined, (e) => e);
      process.stdout.write('refused:' + (error && error.code));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: compactAssetDir,
      env: { PATH: process.env.PATH ?? '', LAKE_BUCKET: 'lake-bucket', AWS_REGION: 'ap-southeast-1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(out).toContain('refused:config');
    expect(out).toContain('"CompactFailures"');
  });
});
