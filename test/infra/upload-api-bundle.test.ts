/**
 * The upload API's built Lambda asset: an ES module that loads in a plain Node as the Lambda
 * runtime loads it, with the province reference files beside it, and that refuses a request
 * without a session before it reads any secret.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app.ts';
import { STAND_IN_HANDLER } from './synth.ts';

let assetDir: string;
let outdir: string;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'vss-cdk-upload-api-'));
  const { app, stack } = buildApp(
    { outdir, context: { env: 'test' } },
    {
      entries: { ingest: STAND_IN_HANDLER, refresh: STAND_IN_HANDLER, uploadApi: 'functions/upload-api.ts' },
    },
  );
  app.synth();
  const template = JSON.parse(readFileSync(join(outdir, `${stack.stackName}.template.json`), 'utf8')) as {
    Resources: Record<string, { Properties?: { Code?: { S3Key?: string } } }>;
  };
  const id = stack.getLogicalId(stack.uploadApi.fn.node.defaultChild as never);
  const s3Key = template.Resources[id]?.Properties?.Code?.S3Key;
  if (!s3Key?.endsWith('.zip')) throw new Error(`the upload API's code is not a zip asset: ${s3Key}`);
  assetDir = join(outdir, `asset.${s3Key.slice(0, -'.zip'.length)}`);
}, 300_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('upload API Lambda bundle', () => {
  it('is an ES module that can require(), with the reference files and without the AWS SDK inside', () => {
    const code = readFileSync(join(assetDir, 'index.mjs'), 'utf8');
    expect(code.startsWith("import { createRequire } from 'node:module';")).toBe(true);
    expect(code).toMatch(/from "@aws-sdk\/client-s3"/);
    for (const file of [
      'reference/provinces63.csv',
      'reference/provinces34.csv',
      'reference/merge_2025.csv',
    ]) {
      expect(existsSync(join(assetDir, file)), file).toBe(true);
    }
    expect(existsSync(join(assetDir, 'node_modules'))).toBe(false);
  });

  it('loads in a plain Node: no session is nobody, and nobody gets 401 for data', () => {
    // The AWS SDK from outside the asset, where the Lambda runtime provides it.
    mkdirSync(join(outdir, 'node_modules'), { recursive: true });
    symlinkSync(join(process.cwd(), 'node_modules', '@aws-sdk'), join(outdir, 'node_modules', '@aws-sdk'));
    const event = (path: string, query = '') => ({
      version: '2.0',
      rawPath: path,
      rawQueryString: query,
      headers: { host: 'abc.lambda-url.ap-southeast-1.on.aws' },
      isBase64Encoded: false,
      requestContext: { http: { method: 'GET', path } },
    });
    const script = `const m = await import(${JSON.stringify(pathToFileURL(join(assetDir, 'index.mjs')).href)});
      const me = await m.handler(${JSON.stringify(event('/api/me'))});
      const due = await m.handler(${JSON.stringify(event('/api/due', 'period=2026-01'))});
      process.stdout.write('me:' + me.statusCode + ' ' + me.body + ' due:' + due.statusCode);`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: assetDir,
      env: {
        PATH: process.env.PATH ?? '',
        UPLOADS_BUCKET: 'uploads-bucket',
        LAKE_BUCKET: 'lake-bucket',
        SESSION_SECRET_NAME: 'vss/test/dashboard-session',
        VSS_REFERENCE_DIR: join(assetDir, 'reference'),
        AWS_REGION: 'ap-southeast-1',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(out).toContain('me:200 {"scope":null');
    expect(out).toContain('due:401');
  });
});
