/**
 * Each Lambda runs against a local S3 with a client whose every call is first authorized against
 * that function's role as synthesized in the CDK template, by an IAM policy simulator: a call the
 * role does not allow fails with AccessDenied, as it would in AWS, and fails the test. The same
 * lake is then read by the refresh, and the upload API finds the receipt the ingest wrote.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRefreshHandler } from '../../pipeline/refresh/refresh-handler.ts';
import { createCompactHandler } from '../../pipeline/ops/compact-handler.ts';
import { listObjects } from '../../pipeline/storage/list-objects.ts';
import { compactedLakeKey, compactedLedgerKey, compactedSummaryKey } from '../../core/contracts/layout.ts';
import { createUploadApiHandler } from '../../pipeline/upload-api/upload-api-handler.ts';
import { signApprover } from '../../pipeline/auth/approver-cookie.ts';
import { signSession } from '../../pipeline/auth/session-cookie.ts';
import { startLocalS3, type LocalS3 } from '../../local/local-s3.ts';
import { createS3Client } from '../../pipeline/storage/s3-client.ts';
import { authorizeS3, type AuthorizedCall } from './authorizing-s3.ts';
import { functionRole } from './function-role.ts';
import { synthForTemplate, type Synthesized } from './synth.ts';
import { tempDir } from '../pipeline/query/engine-fixture.ts';
import { debtCsv, testIngestHandler } from '../pipeline/ingest/ingest-harness.ts';

const SITE = 'vss-site-local';
const KEY = 'k'.repeat(48);
const UPLOAD = 'uploads/debt/2025-07/01/no-t07.csv';
const BODY = debtCsv(12, 3);

let s: Synthesized;
let dir: string;
let local: LocalS3;
let ingestCalls: AuthorizedCall[] = [];
let handle: (event: S3Event) => Promise<void> = async () => {};

/** A client of the local S3 that asks the named function's synthesized role first. */
function clientAs(
  label: string,
  role: 'ingest' | 'refresh' | 'uploadApi' | 'compact',
): {
  client: S3Client;
  calls: AuthorizedCall[];
} {
  const { storage } = s.stack;
  const roles = {
    ingest: s.stack.ingest.fn.role,
    refresh: s.stack.refresh.fn.role,
    uploadApi: s.stack.uploadApi.role,
    compact: s.stack.compaction.fn.role,
  };
  const client = createS3Client({ endpoint: local.endpoint });
  const buckets = {
    [local.uploadsBucket]: storage.uploads,
    [local.lakeBucket]: storage.lake,
    [SITE]: storage.site,
  };
  return { client, calls: authorizeS3(client, functionRole(s, label, roles[role], buckets)).calls };
}

beforeAll(async () => {
  s = synthForTemplate();
  dir = await mkdtemp(join(tmpdir(), 'vss-roles-'));
  local = await startLocalS3({ dataDir: dir, concurrency: 1, onEvent: (event) => handle(event) });
  await local.client.send(new CreateBucketCommand({ Bucket: SITE }));
  const ingest = clientAs('ingest', 'ingest');
  ingestCalls = ingest.calls;
  handle = testIngestHandler(local, { tmpDir: tempDir('ingest-tmp'), client: ingest.client });
}, 180_000);

afterAll(async () => {
  await local?.close();
  await rm(dir, { recursive: true, force: true });
});

const denied = (calls: AuthorizedCall[]) => calls.filter((c) => c.decision !== 'Allow');

describe('functions under their synthesized roles', () => {
  it('ingest: reads the upload, writes lake, summaries, ledger, receipt and its validation marker, all allowed', async () => {
    await local.client.send(new PutObjectCommand({ Bucket: local.uploadsBucket, Key: UPLOAD, Body: BODY }));
    await local.idle();
    expect(denied(ingestCalls)).toEqual([]);
    expect(local.failures()).toBe(0);
    const written = ingestCalls
      .filter((c) => c.action === 's3:PutObject')
      .map((c) => c.resource.split('/')[1]);
    expect(new Set(written)).toEqual(new Set(['lake', 'summaries', 'ledger', 'receipts', 'attempts']));
    // The only delete: the marker of the validation that returned.
    const deleted = ingestCalls
      .filter((c) => c.action === 's3:DeleteObject')
      .map((c) => c.resource.split('/')[1]);
    expect(deleted).toEqual(['attempts']);
    expect(ingestCalls.some((c) => c.action === 'kms:Decrypt')).toBe(true);
  });

  it('refresh (DuckDB): mirrors lake/, summaries/ and ledger/ and publishes data/, all allowed', async () => {
    const { client, calls } = clientAs('refresh', 'refresh');
    const refresh = createRefreshHandler({
      s3: client,
      lakeBucket: local.lakeBucket,
      siteBucket: SITE,
      tmpDir: tempDir('refresh-tmp'),
      now: () => new Date('2025-08-15T00:00:00Z'),
      log: () => {},
    });
    const outcome = await refresh();
    expect(denied(calls)).toEqual([]);
    const read = calls.filter((c) => c.action === 's3:GetObject').map((c) => c.resource.split('/')[1]);
    expect(read).toContain('summaries');
    expect(outcome.keys).toContain('data/national.json');
    expect(
      calls.some((c) => c.action === 's3:PutObject' && c.resource.endsWith('/refresh-state/state.json')),
    ).toBe(true);
    // A new container: the state from the lake bucket, the spliced files from the site bucket.
    calls.length = 0;
    const cold = await createRefreshHandler({
      s3: client,
      lakeBucket: local.lakeBucket,
      siteBucket: SITE,
      tmpDir: tempDir('refresh-cold-tmp'),
      now: () => new Date('2025-08-15T00:00:00Z'),
      log: () => {},
    })();
    expect(denied(calls)).toEqual([]);
    expect(cold.reason ?? '').toBe('');
    expect(cold.route).toBe('by-month');
    expect(cold.siteFetched).toBeGreaterThan(0);
    expect(calls.some((c) => c.action === 's3:GetObject' && c.resource.includes('/data/national.json'))).toBe(
      true,
    );
  });

  it('upload API: signs a PUT for the officer and reads back the receipt the ingest wrote', async () => {
    const { client, calls } = clientAs('upload API', 'uploadApi');
    const handler = createUploadApiHandler({
      s3: client,
      uploadsBucket: local.uploadsBucket,
      lakeBucket: local.lakeBucket,
      maxBytes: 1_000_000,
      now: () => new Date('2025-08-05T03:00:00Z'),
      sessionKey: async () => KEY,
    });
    const cookies = [`vss_session=${signSession('01', Date.parse('2025-08-05T04:00:00Z') / 1000, KEY)}`];
    const request = (method: string, path: string, query = '', body?: unknown) =>
      handler({
        rawPath: path,
        rawQueryString: query,
        cookies,
        headers: {},
        body: body === undefined ? undefined : JSON.stringify(body),
        isBase64Encoded: false,
        requestContext: { http: { method } },
      });
    const sha256 = createHash('sha256').update(BODY).digest('hex');
    const signed = await request('POST', '/api/uploads', '', {
      dataset: 'debt',
      period: '2025-07',
      fileName: 'second.csv',
      size: BODY.length,
      sha256,
    });
    expect(signed.statusCode).toBe(201);
    const receipt = await request(
      'GET',
      '/api/receipt',
      `key=${encodeURIComponent(UPLOAD)}&sha256=${sha256}`,
    );
    expect(receipt.statusCode).toBe(200);
    expect(denied(calls)).toEqual([]);
    expect(calls.map((c) => c.action)).toEqual(
      expect.arrayContaining(['s3:PutObject', 's3:ListBucket', 's3:GetObject']),
    );
  });

  it('upload API: the director of 01 approves the month from the session, others are refused; the ingest settles it', async () => {
    const { client, calls } = clientAs('upload API', 'uploadApi');
    const handler = createUploadApiHandler({
      s3: client,
      uploadsBucket: local.uploadsBucket,
      lakeBucket: local.lakeBucket,
      maxBytes: 1_000_000,
      now: () => new Date('2025-08-05T03:00:00Z'),
      sessionKey: async () => KEY,
    });
    const until = Date.parse('2025-08-05T04:00:00Z') / 1000;
    const as = (province: string, director?: string) => [
      `vss_session=${signSession(province as '01', until, KEY)}`,
      ...(director
        ? [
            `vss_approver=${signApprover({ role: 'director', scope: director, actor: `gd.${director}` }, until, KEY)}`,
          ]
        : []),
    ];
    const request = (cookies: string[], method: string, query = '', body?: unknown) =>
      handler({
        rawPath: '/api/approvals',
        rawQueryString: query,
        cookies,
        headers: {},
        body: body === undefined ? undefined : JSON.stringify(body),
        isBase64Encoded: false,
        requestContext: { http: { method } },
      });
    const standing = await request(as('01', '01'), 'GET', 'period=2025-07');
    expect(standing.statusCode).toBe(200);
    const debt = (
      JSON.parse(standing.body as string) as {
        reports: Array<{ dataset: string; state: string; latest_accepted: string }>;
      }
    ).reports.find((r) => r.dataset === 'debt');
    expect(debt?.state).toBe('pending');
    const approve = {
      action: 'approve',
      period: '2025-07',
      province: '01',
      covers: [{ dataset: 'debt', upload_id: debt!.latest_accepted }],
    };
    // An officer of 01 without the director's cookie, the director of 02, and 02's session
    // carrying 01's director cookie are all refused; nothing is written.
    const refused = [
      await request(as('01'), 'POST', '', approve),
      await request(as('02', '02'), 'POST', '', approve),
      await request(as('02', '01'), 'POST', '', approve),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([403, 403, 403]);
    expect(refused.map((r) => (JSON.parse(r.body as string) as { error: string }).error)).toEqual([
      'not_director',
      'other_province',
      'not_director',
    ]);
    expect(calls.filter((c) => c.action === 's3:PutObject')).toEqual([]);
    // The province in the body is what is approved, and it must be the session's own.
    const done = await request(as('01', '01'), 'POST', '', approve);
    expect(done.statusCode).toBe(201);
    const { key, record } = JSON.parse(done.body as string) as {
      key: string;
      record: { actor: string; role: string };
    };
    expect(record).toMatchObject({ actor: 'gd.01', role: 'director' });
    expect(denied(calls)).toEqual([]);
    expect(calls.filter((c) => c.action === 's3:PutObject').map((c) => c.resource.split('/')[1])).toEqual([
      'approvals',
    ]);

    ingestCalls.length = 0;
    await handle({
      Records: [
        { eventName: 'ObjectCreated:Put', s3: { bucket: { name: local.lakeBucket }, object: { key } } },
      ],
    } as unknown as S3Event);
    expect(denied(ingestCalls)).toEqual([]);
    expect(ingestCalls.some((c) => c.action === 's3:GetObject' && c.resource.includes('/approvals/'))).toBe(
      true,
    );
  });

  it('a call outside the role fails as AWS fails it: AccessDenied, 403, nothing sent', async () => {
    const { client } = clientAs('refresh', 'refresh');
    const put = client.send(
      new PutObjectCommand({ Bucket: local.lakeBucket, Key: 'lake/debt/x.parquet', Body: 'x' }),
    );
    await expect(put).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    await expect(put).rejects.toThrow(/not authorized to perform: s3:PutObject/);
  });

  it('compaction: folds the closed month into one lake, one summary and one ledger object, removes the folded ones and archives the records, all allowed', async () => {
    const { client, calls } = clientAs('compaction', 'compact');
    const compact = createCompactHandler({
      s3: client,
      lakeBucket: local.lakeBucket,
      tmpDir: tempDir('compact-tmp'),
      now: () => new Date('2026-03-01T00:00:00Z'),
      log: () => {},
    });
    const perProvince = await listObjects(local.client, local.lakeBucket, 'lake/debt/period=2025-07/');
    expect(perProvince.map((o) => o.key)).toEqual(['lake/debt/period=2025-07/province=01/data.parquet']);
    const records = await listObjects(local.client, local.lakeBucket, 'ledger/debt/2025-07/');
    expect(records.length).toBeGreaterThan(0);
    const outcome = await compact({
      version: '0',
      id: 'e',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '111122223333',
      time: '2026-02-28T19:00:00Z',
      region: 'ap-southeast-1',
      resources: [],
      detail: {},
    });
    expect(denied(calls)).toEqual([]);
    expect(outcome.months).toContainEqual({
      dataset: 'debt',
      period: '2025-07',
      folded: 2,
      removed: 2,
      records: records.length,
      moved: records.length,
    });
    const done = (action: string) =>
      new Set(calls.filter((c) => c.action === action).map((c) => c.resource.split('/')[1]));
    expect(done('s3:PutObject')).toEqual(new Set(['lake', 'summaries', 'ledger-compacted', 'ledger-closed']));
    expect(done('s3:DeleteObject')).toEqual(new Set(['lake', 'summaries', 'ledger']));
    expect(done('s3:GetObject')).toEqual(new Set(['lake', 'summaries', 'ledger']));
    const after = (prefix: string) =>
      listObjects(local.client, local.lakeBucket, prefix).then((l) => l.map((o) => o.key));
    expect(await after('lake/debt/')).toEqual([compactedLakeKey('debt', '2025-07')]);
    expect(await after('summaries/debt/')).toEqual([compactedSummaryKey('debt', '2025-07')]);
    expect(await after('ledger/debt/2025-07/')).toEqual([]);
    expect(await after('ledger-compacted/debt/')).toContain(compactedLedgerKey('debt', '2025-07'));
    expect(await after('ledger-closed/debt/2025-07/')).toEqual(
      records.map((r) => r.key.replace(/^ledger\//u, 'ledger-closed/')),
    );
  });

  it('compaction: reading uploads/, writing a ledger record or listing receipts is refused', async () => {
    const { client } = clientAs('compaction', 'compact');
    const read = client.send(new GetObjectCommand({ Bucket: local.uploadsBucket, Key: UPLOAD }));
    await expect(read).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    await expect(read).rejects.toThrow(/not authorized to perform: s3:GetObject/);
    const list = client.send(new ListObjectsV2Command({ Bucket: local.lakeBucket, Prefix: 'receipts/' }));
    await expect(list).rejects.toThrow(/not authorized to perform: s3:ListBucket/);
    // It moves records out of ledger/, never writes one there.
    const put = client.send(
      new PutObjectCommand({ Bucket: local.lakeBucket, Key: 'ledger/debt/2025-07/01/x.json', Body: 'x' }),
    );
    await expect(put).rejects.toThrow(/not authorized to perform: s3:PutObject/);
  });
});
