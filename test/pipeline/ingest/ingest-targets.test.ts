/**
 * A coverage upload through the real ingest path on the local S3: its chi_tieu_giao is checked
 * against the national targets reference. A differing target is a warning that names the row, the
 * column, the assigned number with its decision and the number found; the upload is accepted all
 * the same. A matching file has no such warning; a year the reference holds no targets for has one.
 * The assigned numbers are read here straight from reference/targets.csv, not through the pipeline.
 * A decision loaded into the lake's targets object is what the next upload is checked against.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt } from '../../../core/contracts/receipt.ts';
import { startLocalS3, type LocalS3 } from '../../../local/local-s3.ts';
import { loadTargetsFile } from '../../../pipeline/reference/load-targets.ts';
import { s3TargetsObject } from '../../../pipeline/reference/targets-object.ts';
import { testIngestHandler } from './ingest-harness.ts';

/** Unit 01's 2025 targets of the 63-unit generation, from the file's own columns. */
function assignedFromFile(): { hi: number; siCompulsory: number; decision: string; date: string } {
  const [header, ...lines] = readFileSync(new URL('../../../reference/targets.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n');
  const names = header!.split(',');
  const cells = (line: string) => line.split(',').map((c) => c.replace(/^"|"$/g, ''));
  const row = lines.map(cells).find((c) => c[0] === '2025' && c[1] === '63' && c[2] === '01');
  if (!row) throw new Error('reference/targets.csv has no 2025 row for unit 01');
  const at = (name: string) => row[names.indexOf(name)]!;
  return {
    hi: Number(at('target_hi')),
    siCompulsory: Number(at('target_si_compulsory')),
    decision: at('decision_no'),
    date: at('decision_date'),
  };
}

const assigned = assignedFromFile();

function coverageCsv(targets: { si_compulsory: number; hi: number }): string {
  return [
    'loai_hinh,so_nguoi_tham_gia,chi_tieu_giao,dan_so_co_so',
    `si_compulsory,1000000,${targets.si_compulsory},5000000`,
    `hi,7000000,${targets.hi},8000000`,
  ].join('\n');
}

let dir: string;
let s3: LocalS3;
let handle: (event: S3Event) => Promise<void>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-ingest-targets-'));
  s3 = await startLocalS3({ dataDir: dir, concurrency: 2, onEvent: (event) => handle(event) });
  handle = testIngestHandler(s3, { tmpDir: dir });
});

afterAll(async () => {
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Uploads one coverage file for unit 01 and returns the receipt ingest stored for it. */
async function ingest(period: string, fileName: string, body: string): Promise<Receipt> {
  await s3.client.send(
    new PutObjectCommand({
      Bucket: s3.uploadsBucket,
      Key: `uploads/coverage/${period}/01/${fileName}`,
      Body: body,
    }),
  );
  await s3.idle();
  const listed = await s3.client.send(
    new ListObjectsV2Command({ Bucket: s3.lakeBucket, Prefix: `receipts/coverage/${period}/01/` }),
  );
  const receipts = await Promise.all(
    (listed.Contents ?? []).map(async (o) => {
      const got = await s3.client.send(new GetObjectCommand({ Bucket: s3.lakeBucket, Key: o.Key }));
      return JSON.parse(await got.Body!.transformToString()) as Receipt;
    }),
  );
  const own = receipts.find((r) => r.upload.key.endsWith(`/${fileName}`));
  if (!own) throw new Error(`no receipt for ${fileName}`);
  return own;
}

describe('coverage ingest against the national targets', () => {
  it('warns, and still accepts, when the upload reports a target other than the assigned one', async () => {
    const found = assigned.hi + 12_345;
    const receipt = await ingest(
      '2025-03',
      'differs.csv',
      coverageCsv({ si_compulsory: assigned.siCompulsory, hi: found }),
    );
    expect(receipt.status).toBe('accepted');
    expect(receipt.rows).toEqual({ read: 2, accepted: 2, rejected: 0 });
    const warnings = receipt.warnings.filter((w) => w.rule.startsWith('target.'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      sheet: null,
      row: 3,
      column: 'chi_tieu_giao',
      rule: 'target.differs',
      expected: `${assigned.hi} (${assigned.decision}, ${assigned.date})`,
      found: String(found),
    });
    expect(warnings[0]?.message_vi).toContain(assigned.decision);
    expect(warnings[0]?.message_vi).toContain(assigned.hi.toLocaleString('vi-VN'));
    expect(warnings[0]?.message_en).toContain(found.toLocaleString('en-US'));
  });

  it('gives no targets warning when the upload carries the assigned targets', async () => {
    const receipt = await ingest(
      '2025-04',
      'matches.csv',
      coverageCsv({ si_compulsory: assigned.siCompulsory, hi: assigned.hi }),
    );
    expect(receipt.status).toBe('accepted');
    expect(receipt.warnings).toEqual([]);
  });

  it('warns once for the file when the reference holds no targets for the year', async () => {
    const receipt = await ingest('2020-05', 'no-target.csv', coverageCsv({ si_compulsory: 1, hi: 2 }));
    expect(receipt.status).toBe('accepted');
    expect(receipt.warnings.map((w) => [w.rule, w.row, w.column, w.expected, w.found])).toEqual([
      ['target.missing', null, 'chi_tieu_giao', 'an assigned target', ''],
    ]);
    expect(receipt.warnings[0]?.message_en).toContain('2020');
  });
});

describe('coverage ingest after a decision is loaded into the lake', () => {
  it('checks the next upload against the loaded decision, without a restart', async () => {
    const header =
      'year,generation,province,target_si_compulsory,target_si_voluntary,target_ui,target_hi,late_rate_target_bp,plan_bhxh,plan_bhyt,plan_bhtn,decision_no,decision_date';
    const hi = assigned.hi + 777;
    const decision = new TextEncoder().encode(
      `${header}\n2025,63,01,${assigned.siCompulsory},1,1,${hi},250,1,1,1,QĐ 77/QĐ-BHXH,2025-09-30\n`,
    );
    const loaded = await loadTargetsFile('qd-77.csv', decision, s3TargetsObject(s3.client, s3.lakeBucket));
    expect(loaded.errors).toEqual([]);
    const matches = await ingest(
      '2025-06',
      'new-decision.csv',
      coverageCsv({ si_compulsory: assigned.siCompulsory, hi }),
    );
    expect(matches.warnings).toEqual([]);
    const seed = await ingest(
      '2025-05',
      'seed-target.csv',
      coverageCsv({ si_compulsory: assigned.siCompulsory, hi: assigned.hi }),
    );
    expect(seed.warnings.map((w) => [w.rule, w.expected, w.found])).toEqual([
      ['target.differs', `${hi} (QĐ 77/QĐ-BHXH, 2025-09-30)`, String(assigned.hi)],
    ]);
  });
});
