/**
 * A new container (an empty /tmp) refreshes from the state the last refresh kept in the lake
 * bucket: it fetches only the changed month's objects and the site files it splices, and the site
 * bucket then holds exactly what a full refresh from scratch of the same lake writes. A state that
 * is missing, damaged or of other code, or whose published files were changed behind its back,
 * means a full refresh. Against a real s3rver, on the golden generator's lake of 2024-06 to 2025-07.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFRESH_STATE_KEY, summaryKey, TARGETS_KEY } from '../../../core/contracts/layout.ts';
import { Targets } from '../../../core/reference/targets.ts';
import { nationalTargets } from '../../../pipeline/reference/targets.ts';
import { targetsParquet } from '../../../pipeline/reference/targets-parquet.ts';
import { periodRange } from '../../../core/period.ts';
import { createRefreshHandler, type RefreshOutcome } from '../../../pipeline/refresh/refresh-handler.ts';
import { refreshSite } from '../../../pipeline/refresh/refresh.ts';
import { createS3Client } from '../../../pipeline/storage/s3-client.ts';
import { ensureSummaries } from '../../../pipeline/summary/backfill.ts';
import { tempDir, writeLakeFile, writeLedgerRecord } from '../query/engine-fixture.ts';
import { writeGoldenLake } from './golden-lake.ts';
import { listFiles } from './refresh-files.ts';

const PERIODS = periodRange('2024-06', '2025-07');
const now = () => new Date('2025-08-20T00:00:00.000Z');
const LAKE = 'vss-lake';
const SITE = 'vss-site';
const INPUTS = /^(lake|summaries|ledger|approvals)\//;

let server: S3rver;
let s3: S3Client;
let lake: string;
/** What the lake bucket holds, by key: the local lake's files as last sent. */
const sent = new Map<string, string>();

/** Sends the local lake's new and changed files to the bucket, and removes those gone. */
async function syncBucket(): Promise<void> {
  const keys = listFiles(lake).filter((k) => INPUTS.test(k));
  for (const key of keys) {
    const body = readFileSync(join(lake, key));
    if (sent.get(key) === body.toString('base64')) continue;
    await s3.send(new PutObjectCommand({ Bucket: LAKE, Key: key, Body: body }));
    sent.set(key, body.toString('base64'));
  }
  for (const key of [...sent.keys()].filter((k) => !keys.includes(k))) {
    await s3.send(new DeleteObjectCommand({ Bucket: LAKE, Key: key }));
    sent.delete(key);
  }
}

let uploads = 0;
/** An accepted coverage upload replacing a unit's month, with the summary and ledger record ingest writes. */
async function upload(period: string, unit: string): Promise<void> {
  uploads += 1;
  const row = { loai_hinh: 'hi', so_nguoi_tham_gia: 4321 + uploads, chi_tieu_giao: 2000, dan_so_co_so: 5000 };
  await writeLakeFile(lake, 'coverage', period, unit, [row]);
  rmSync(join(lake, summaryKey('coverage', period, unit)), { force: true });
  writeLedgerRecord(lake, {
    dataset: 'coverage',
    period,
    province: unit,
    upload_id: `c${String(uploads).padStart(5, '0')}`,
    received_at: `${period}-28T03:00:00.000Z`,
    rows_read: 1,
    rows_accepted: 1,
  });
  await ensureSummaries(lake);
  await syncBucket();
}

const handler = (tmpDir: string) =>
  createRefreshHandler({ s3, lakeBucket: LAKE, siteBucket: SITE, tmpDir, now, log: () => {} });

/** Every file a full refresh from scratch writes over the lake as it is now, by site key. */
async function fromScratch(): Promise<Map<string, string>> {
  const copy = tempDir('cold-scratch');
  cpSync(lake, copy, { recursive: true });
  const out = join(tempDir('cold-scratch-out'), 'data');
  await refreshSite({ mirrorDir: copy, outDir: out, now });
  return new Map(listFiles(out).map((f) => [`data/${f}`, readFileSync(join(out, f), 'utf8')]));
}

/** The site bucket holds exactly the files of a full refresh from scratch. */
async function expectPublishedAsScratch(outcome: RefreshOutcome): Promise<void> {
  const expected = await fromScratch();
  expect([...outcome.keys].sort()).toEqual([...expected.keys()].sort());
  for (const [key, text] of expected) {
    const object = await s3.send(new GetObjectCommand({ Bucket: SITE, Key: key }));
    expect(await object.Body?.transformToString(), key).toBe(text);
  }
}

/** The objects of one month the refresh reads (its debt detail too if it is the latest), from the keys alone. */
const objectsOfMonth = (month: string, withDebt = false) =>
  [...sent.keys()].filter(
    (k) => (withDebt || !k.startsWith('lake/debt/')) && new RegExp(`/(period=)?${month}/`).test(k),
  ).length;

beforeAll(async () => {
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: tempDir('cold-s3rver') });
  const { port } = await server.run();
  s3 = createS3Client({ endpoint: `http://127.0.0.1:${port}` });
  for (const Bucket of [LAKE, SITE]) await s3.send(new CreateBucketCommand({ Bucket }));
  lake = tempDir('cold-lake');
  await writeGoldenLake(lake, 23, PERIODS);
  await ensureSummaries(lake); // what ingest writes beside each lake object
  await syncBucket();
  const first = await handler(tempDir('cold-first'))();
  expect(first.route).toBe('full');
}, 600_000);

afterAll(async () => {
  s3?.destroy();
  await server?.close();
});

describe('a refresh in a new container', () => {
  it('fetches only the changed month and publishes what a full refresh from scratch writes', async () => {
    await upload('2024-09', '01');
    const container = tempDir('cold-container');
    const cold = await handler(container)();
    expect(cold.reason ?? '').toBe('');
    expect(cold.route).toBe('by-month');
    const month = objectsOfMonth('2024-09');
    expect(month).toBeGreaterThan(0);
    expect(cold.downloaded).toBe(month);
    expect(cold.downloaded * 10).toBeLessThan(sent.size);
    expect(cold.siteFetched).toBeGreaterThan(0);
    expect(cold.sent.length).toBeGreaterThan(0);
    await expectPublishedAsScratch(cold);
    // The same container after an upload of the latest month: its own folder, nothing fetched.
    await upload('2025-07', '48');
    const warm = await handler(container)();
    expect(warm.route).toBe('by-month');
    expect(warm.siteFetched).toBe(0);
    expect(warm.downloaded).toBe(objectsOfMonth('2025-07', true));
    await expectPublishedAsScratch(warm);
  }, 600_000);

  it('refreshes in full when the state is missing, damaged or of other code', async () => {
    const state = await s3.send(new GetObjectCommand({ Bucket: LAKE, Key: REFRESH_STATE_KEY }));
    const stored = JSON.parse((await state.Body?.transformToString()) ?? '{}') as Record<string, unknown>;
    const cases: [string, () => Promise<unknown>, RegExp][] = [
      ['damaged', () => put(REFRESH_STATE_KEY, '{"format":'), /not JSON/],
      ['of another shape', () => put(REFRESH_STATE_KEY, JSON.stringify({ ...stored, inputs: 7 })), /damaged/],
      [
        'of other code',
        () => put(REFRESH_STATE_KEY, JSON.stringify({ ...stored, version: 'x' })),
        /other code/,
      ],
      [
        'missing',
        () => s3.send(new DeleteObjectCommand({ Bucket: LAKE, Key: REFRESH_STATE_KEY })),
        /no stored/,
      ],
    ];
    for (const [label, spoil, reason] of cases) {
      await spoil();
      const outcome = await handler(tempDir('cold-spoilt'))();
      expect(outcome.route, label).toBe('full');
      expect(outcome.reason, label).toMatch(reason);
    }
    // and the full refresh kept a state the next new container can use
    await upload('2024-10', '02');
    const next = await handler(tempDir('cold-after'))();
    expect(next.route).toBe('by-month');
    await expectPublishedAsScratch(next);
  }, 600_000);

  it('refreshes in full, and sends the file again, when a published file was changed behind its back', async () => {
    await put('data/national.json', '[]', SITE);
    const outcome = await handler(tempDir('cold-tampered'))();
    expect(outcome.route).toBe('full');
    expect(outcome.reason).toMatch(/differ from the manifest/);
    expect(outcome.sent).toContain('data/national.json');
    await expectPublishedAsScratch(outcome);
  }, 600_000);

  it('refreshes in full after a targets decision, then by month with the decision read from its object', async () => {
    // A later decision for one unit-year of the lake's range, with another health-insurance target.
    const seed = nationalTargets().history();
    const old = seed.find((r) => r.year === 2025 && r.generation === '63' && r.province === '01');
    if (!old) throw new Error('the seed has no 2025 target for unit 01');
    const decided = {
      ...old,
      participants: { ...old.participants, hi: old.participants.hi + 777 },
      decision_no: 'QĐ-TEST',
      decision_date: '2025-02-01',
    };
    const bytes = await targetsParquet(new Targets([...seed, decided]));
    mkdirSync(dirname(join(lake, TARGETS_KEY)), { recursive: true });
    writeFileSync(join(lake, TARGETS_KEY), bytes);
    await s3.send(new PutObjectCommand({ Bucket: LAKE, Key: TARGETS_KEY, Body: bytes }));
    const full = await handler(tempDir('cold-targets'))();
    expect(full.route).toBe('full');
    expect(full.reason).toMatch(/other code/);
    await expectPublishedAsScratch(full);
    // A month the new target counts in: a new container must read the decision, not the seed.
    await upload('2025-03', '01');
    const next = await handler(tempDir('cold-targets-next'))();
    expect(next.reason ?? '').toBe('');
    expect(next.route).toBe('by-month');
    expect(next.downloaded).toBe(objectsOfMonth('2025-03') + 1);
    await expectPublishedAsScratch(next);
  }, 600_000);
});

async function put(key: string, body: string, bucket = LAKE): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
}
