/**
 * The refresh Lambda on its Athena engine, under its role as synthesized for that engine: every
 * Athena operation (on the stand-in) and every S3 call (on a local S3) is authorized first by the
 * IAM policy simulator, and the site data it publishes is the same as the DuckDB engine's.
 */
import { CreateBucketCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRefreshHandler } from '../../pipeline/refresh/refresh-handler.ts';
import { openAthenaSiteEngine } from '../../pipeline/refresh/athena-site-engine.ts';
import { createAthenaClient } from '../../pipeline/query/athena/athena-client.ts';
import { createS3Client } from '../../pipeline/storage/s3-client.ts';
import { authorizeAthena } from './authorizing-athena.ts';
import { authorizeS3 } from './authorizing-s3.ts';
import { functionRole } from './function-role.ts';
import { synthForTemplate, type Synthesized } from './synth.ts';
import { tempDir } from '../pipeline/query/engine-fixture.ts';
import { fakeClock, openHarness, type Harness } from '../pipeline/query/athena/athena-harness.ts';

let s: Synthesized;
let h: Harness;
let server: S3rver;
let endpoint: string;

beforeAll(async () => {
  s = synthForTemplate({ refreshEngine: 'athena' });
  h = await openHarness({ pageSize: 1000 });
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: tempDir('s3rver') });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  const admin = createS3Client({ endpoint });
  await admin.send(new CreateBucketCommand({ Bucket: 'vss-site' }));
  // The lake bucket, from which the refresh on Athena copies the sign-off records (approvals/).
  await admin.send(new CreateBucketCommand({ Bucket: 'vss-lake' }));
  admin.destroy();
}, 180_000);

afterAll(async () => {
  await h?.close();
  await server?.close();
});

describe('refresh on Athena under its synthesized role', () => {
  it('starts and reads its queries in its workgroup and writes data/, every call allowed', async () => {
    const role = functionRole(s, 'refresh (Athena)', s.stack.refresh.fn.role, {
      'vss-site': s.stack.storage.site,
      'vss-lake': s.stack.storage.lake,
    });
    const s3 = createS3Client({ endpoint });
    const s3Calls = authorizeS3(s3, role).calls;
    const athena = createAthenaClient({
      region: 'ap-southeast-1',
      endpoint: h.standIn.endpoint,
      credentials: { accessKeyId: 'STANDIN', secretAccessKey: 'stand-in-secret' },
    });
    const athenaCalls = authorizeAthena(athena, role, 'vss-test').calls;
    const clock = fakeClock();
    const refresh = createRefreshHandler({
      s3,
      lakeBucket: 'vss-lake',
      siteBucket: 'vss-site',
      tmpDir: tempDir('refresh-athena'),
      now: () => new Date('2025-08-15T00:00:00Z'),
      log: () => {},
      openEngine: () =>
        openAthenaSiteEngine({
          workGroup: 'vss-test',
          client: athena,
          poll: { sleep: clock.sleep, now: clock.now },
        }),
    });
    const outcome = await refresh();
    expect([...s3Calls, ...athenaCalls].filter((c) => c.decision !== 'Allow')).toEqual([]);
    expect(new Set(athenaCalls.map((c) => c.action))).toEqual(
      new Set(['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:GetQueryResults']),
    );
    expect(s3Calls.every((c) => c.action !== 's3:PutObject' || c.resource.includes('/data/'))).toBe(true);
    expect(s3Calls.some((c) => c.action === 's3:ListBucket')).toBe(true); // approvals/, allowed
    expect(outcome.keys).toContain('data/national.json');
    // Read back as the test, not as the function: the refresh never reads the site bucket.
    const admin = createS3Client({ endpoint });
    const national = await admin.send(
      new GetObjectCommand({ Bucket: 'vss-site', Key: 'data/national.json' }),
    );
    admin.destroy();
    const rows = JSON.parse((await national.Body?.transformToString()) ?? '[]') as { debt_total: number }[];
    expect(rows.map((r) => r.debt_total)).toEqual([575, 750]);
    s3.destroy();
    athena.destroy();
  });

  it('is refused a workgroup the role was not given, as Athena refuses it', async () => {
    const role = functionRole(s, 'refresh (Athena)', s.stack.refresh.fn.role, {});
    const athena = createAthenaClient({
      region: 'ap-southeast-1',
      endpoint: h.standIn.endpoint,
      credentials: { accessKeyId: 'STANDIN', secretAccessKey: 'stand-in-secret' },
    });
    authorizeAthena(athena, role, 'primary');
    const clock = fakeClock();
    const engine = openAthenaSiteEngine({
      workGroup: 'primary',
      client: athena,
      poll: { sleep: clock.sleep, now: clock.now },
    });
    await expect(engine).rejects.toThrow(
      /not authorized to perform: athena:StartQueryExecution .*workgroup\/primary/,
    );
    athena.destroy();
  });
});
