/**
 * Ingest's scratch space full: the handler runs in a child process whose file-size limit (ulimit
 * -f) makes the staging of a large Parquet file fail part-way, as a full /tmp does. The handler
 * must fail the event without touching the lake object in force or leaving files behind, and the
 * retry once space is back must end exactly as a clean run.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { S3Event } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalS3, type LocalS3 } from '../../local/local-s3.ts';
import { deleteAll } from '../../pipeline/storage/list-objects.ts';
import {
  csvRows,
  debtCsv,
  pictureOf,
  putUpload,
  testIngestHandler,
  type BucketPicture,
} from '../pipeline/ingest/ingest-harness.ts';

const run = promisify(execFile);
const NOW = '2025-04-10T00:00:00.000Z';
const SMALL = {
  key: 'uploads/debt/2025-03/01/thang-3.csv',
  body: debtCsv(5, 1),
  at: '2025-04-05T02:00:00.000Z',
};
// Big enough that its Parquet file outgrows the limit below.
const LARGE = {
  key: 'uploads/debt/2025-03/01/sua-lan-1.csv',
  body: debtCsv(3000, 2),
  at: '2025-04-06T02:00:00.000Z',
};
/** 512-byte blocks in POSIX sh: 16 KB, far below the large upload's Parquet file. */
const SCRATCH_LIMIT_BLOCKS = 32;

let dir: string;
let scratch: string;
let s3: LocalS3;
const events: S3Event[] = [];
let clean: BucketPicture;
let handle: ReturnType<typeof testIngestHandler>;

/** Handles one event in a child process under the scratch limit; its exit code and stderr. */
async function handleInLimitedChild(event: S3Event): Promise<{ code: number; stderr: string }> {
  const eventFile = join(dir, `event-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(eventFile, JSON.stringify(event));
  const job = JSON.stringify({
    endpoint: s3.endpoint,
    uploadsBucket: s3.uploadsBucket,
    lakeBucket: s3.lakeBucket,
    eventFile,
    tmpDir: scratch,
    now: NOW,
  });
  const script = `ulimit -f ${SCRATCH_LIMIT_BLOCKS} && exec "${process.execPath}" --import tsx/esm test/support/fault-ingest-child.ts "$0"`;
  try {
    const { stderr } = await run('/bin/sh', ['-c', script, job], {
      env: { ...process.env, TSX_DISABLE_CACHE: '1' },
    });
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code?: number; stderr?: string };
    return { code: e.code ?? -1, stderr: e.stderr ?? '' };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-fault-scratch-'));
  scratch = join(dir, 'scratch');
  await mkdir(scratch);
  s3 = await startLocalS3({ dataDir: dir, onEvent: async (event) => void events.push(event) });
  for (const f of [SMALL, LARGE]) await putUpload(s3.client, s3.uploadsBucket, f.key, f.body, f.at);
  await s3.idle();
  expect(events).toHaveLength(2);
  handle = testIngestHandler(s3, { now: new Date(NOW), tmpDir: scratch });
  for (const event of events) await handle(event);
  clean = await pictureOf(s3.client, s3.lakeBucket, dir);
  await deleteAll(s3.client, s3.lakeBucket, '');
}, 120_000);

afterAll(async () => {
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a full scratch directory', () => {
  it('fails the event cleanly: the lake keeps the upload in force, no scratch file is left', async () => {
    await handle(events[0]!);
    const before = await pictureOf(s3.client, s3.lakeBucket, dir);

    const failed = await handleInLimitedChild(events[1]!);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/File too large|EFBIG/i);
    const after = await pictureOf(s3.client, s3.lakeBucket, dir);
    expect(after.lake).toEqual(before.lake);
    expect(Object.values(after.lake)[0]!.rows).toEqual(csvRows(SMALL.body));
    expect(after.summaries).toEqual(before.summaries);
    expect(await readdir(scratch)).toEqual([]);
  }, 120_000);

  it('the retry once space is back ends exactly as a clean run', async () => {
    await handle(events[1]!);
    expect(await pictureOf(s3.client, s3.lakeBucket, dir)).toEqual(clean);
    expect(await readdir(scratch)).toEqual([]);
  }, 120_000);
});
