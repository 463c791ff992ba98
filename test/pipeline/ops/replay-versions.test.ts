/**
 * Replay and doctor through the S3 API with version ids. s3rver implements neither versioning
 * nor ListObjectVersions, so the paging of ListObjectVersions is checked against canned answers
 * in AWS's shape (markers, delete markers, the "null" version), and the rest against s3rver as
 * the unversioned bucket it is: replay refuses to clear it, and a dry run changes nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ListObjectVersionsCommand,
  S3Client,
  type ListObjectVersionsCommandOutput,
} from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../core/errors.ts';
import { startLocalS3, type LocalS3 } from '../../../local/local-s3.ts';
import { listVersions } from '../../../pipeline/storage/list-versions.ts';
import { replayEvent } from '../../../pipeline/ops/replay-event.ts';
import { replayUploads } from '../../../pipeline/ops/replay-uploads.ts';
import { debtCsv, pictureOf, putUpload, testIngestHandler } from '../ingest/ingest-harness.ts';

/** A client whose every request is answered by `answer` (command name, input), never sent. */
function cannedClient(answer: (command: string, input: Record<string, unknown>) => unknown): S3Client {
  const client = new S3Client({
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  client.middlewareStack.add(
    (_next, context) => async (args) => ({
      output: answer(context.commandName ?? '', args.input as Record<string, unknown>) as never,
      response: {},
    }),
    { step: 'initialize' },
  );
  return client;
}

const at = (day: number) => new Date(Date.UTC(2025, 3, day));
const PAGES: ListObjectVersionsCommandOutput[] = [
  {
    $metadata: {},
    IsTruncated: true,
    NextKeyMarker: 'uploads/debt/2025-03/01/a.csv',
    NextVersionIdMarker: 'v1',
    Versions: [
      { Key: 'uploads/debt/2025-03/01/a.csv', VersionId: 'v2', ETag: '"e2"', Size: 2, LastModified: at(6) },
      { Key: 'uploads/debt/2025-03/01/a.csv', VersionId: 'v1', ETag: '"e1"', Size: 1, LastModified: at(5) },
    ],
    DeleteMarkers: [{ Key: 'uploads/debt/2025-03/01/gone.csv', VersionId: 'd1', IsLatest: true }],
  },
  {
    $metadata: {},
    IsTruncated: false,
    Versions: [
      { Key: 'uploads/debt/2025-03/01/b.csv', VersionId: 'null', ETag: '"e3"', Size: 3, LastModified: at(4) },
    ],
  },
];

describe('listing upload versions', () => {
  it('pages ListObjectVersions by both markers, oldest first per key, delete markers left out', async () => {
    const asked: Array<Record<string, unknown>> = [];
    const client = cannedClient((command, input) => {
      if (command === 'GetBucketVersioningCommand') return { Status: 'Enabled' };
      expect(command).toBe(ListObjectVersionsCommand.name);
      asked.push(input);
      return PAGES[asked.length - 1];
    });
    const listed = await listVersions(client, 'vss-uploads', 'uploads/');
    expect(asked.map((a) => [a.KeyMarker, a.VersionIdMarker])).toEqual([
      [undefined, undefined],
      ['uploads/debt/2025-03/01/a.csv', 'v1'],
    ]);
    expect(listed.map((l) => [l.key, l.versionId, l.eTag])).toEqual([
      ['uploads/debt/2025-03/01/a.csv', 'v1', 'e1'],
      ['uploads/debt/2025-03/01/a.csv', 'v2', 'e2'],
      ['uploads/debt/2025-03/01/b.csv', undefined, 'e3'],
    ]);
    // Replay hands ingest the version, so the superseded file is read, not the current one.
    const event = replayEvent('vss-uploads', listed[0]!);
    expect(event.Records[0]!.s3.object.versionId).toBe('v1');
  });
});

let dir: string;
let s3: LocalS3;
const events: S3Event[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-replay-versions-'));
  s3 = await startLocalS3({ dataDir: dir, onEvent: async (event) => void events.push(event) });
  await putUpload(s3.client, s3.uploadsBucket, 'uploads/debt/2025-03/01/a.csv', debtCsv(3, 1));
  await putUpload(s3.client, s3.uploadsBucket, 'uploads/debt/2025-03/02/b.csv', debtCsv(2, 2));
  await s3.idle();
  const handle = testIngestHandler(s3, { tmpDir: dir, now: new Date('2025-04-10T00:00:00Z') });
  for (const event of events) await handle(event);
});

afterAll(async () => {
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('replay on a bucket that cannot undo a delete', () => {
  const options = () => ({
    s3: s3.client,
    uploadsBucket: s3.uploadsBucket,
    lakeBucket: s3.lakeBucket,
    handle: testIngestHandler(s3, { tmpDir: dir }),
    trustSubmittedAt: true,
  });

  it('refuses to clear an unversioned lake bucket, and leaves it as it was', async () => {
    const before = await pictureOf(s3.client, s3.lakeBucket, dir);
    await expect(replayUploads(options())).rejects.toThrow(ConfigError);
    expect(await pictureOf(s3.client, s3.lakeBucket, dir)).toEqual(before);
  });

  it('prints in a dry run what it would clear and replay, and changes nothing', async () => {
    const before = await pictureOf(s3.client, s3.lakeBucket, dir);
    const summary = await replayUploads({ ...options(), dryRun: true });
    expect(summary.plan?.lakeVersioning).toBe('never');
    expect(summary.plan?.replay).toEqual([
      { key: 'uploads/debt/2025-03/01/a.csv', versionId: null },
      { key: 'uploads/debt/2025-03/02/b.csv', versionId: null },
    ]);
    const kept = [
      ...Object.keys(before.lake),
      ...Object.keys(before.ledger),
      ...Object.keys(before.receipts),
    ];
    expect(kept.length).toBeGreaterThan(0);
    for (const key of kept) expect(summary.plan?.clear).toContain(key);
    expect(await pictureOf(s3.client, s3.lakeBucket, dir)).toEqual(before);
  });
});
