/**
 * The local ingest on worker threads gives what the handler on the main thread gives: the same
 * outcomes, ledger decisions and lake objects (each stamped with the upload in force and the
 * checksum of its rows), for a month of generated samples of every dataset.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, ListObjectsCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSamples } from '../../../pipeline/generate/index.ts';
import { ingestFiles, type IngestSummary } from '../../../local/ingest-files.ts';
import { startLocalS3 } from '../../../local/local-s3.ts';
import { filesFromManifest, type LocalUpload } from '../../../local/upload-files.ts';

let root: string;
let files: LocalUpload[];
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vss-ingest-threads-'));
  // The comparison needs every dataset, not the default sample's size (the calibration tests hold that).
  await generateSamples({
    out: join(root, 'samples'),
    from: '2025-08',
    to: '2025-08',
    seed: 5,
    debtorsPerMonth: 3000,
  });
  files = await filesFromManifest(join(root, 'samples'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Every lake object with its stamp, and the ledger's keys, read through a fresh local S3. */
async function lakeOf(dataDir: string) {
  const s3 = await startLocalS3({ dataDir });
  try {
    const list = async (prefix: string) =>
      (await s3.client.send(new ListObjectsCommand({ Bucket: s3.lakeBucket, Prefix: prefix }))).Contents ??
      [];
    const lake = await Promise.all(
      (await list('lake/')).map(async (o) => {
        const head = await s3.client.send(new HeadObjectCommand({ Bucket: s3.lakeBucket, Key: o.Key }));
        return { key: o.Key, stamp: head.Metadata };
      }),
    );
    const ledger = (await list('ledger/')).map((o) => o.Key);
    return { lake: lake.sort((a, b) => String(a.key).localeCompare(String(b.key))), ledger: ledger.sort() };
  } finally {
    await s3.close();
  }
}

describe('ingestFiles on worker threads', () => {
  it('ingests a month of samples exactly as the handler on the main thread does', async () => {
    const onMain: IngestSummary = await ingestFiles({ dataDir: join(root, 'main'), files, threads: 0 });
    const statuses: string[] = [];
    const onThreads = await ingestFiles({
      dataDir: join(root, 'threads'),
      files,
      threads: 2,
      onOutcome: (o) => statuses.push(o.status),
    });
    expect(files.length).toBeGreaterThan(100);
    expect(onThreads).toEqual(onMain);
    expect(onThreads.uploaded).toBe(files.length);
    expect(onThreads.accepted + onThreads.rejected).toBe(files.length);
    // Every outcome reached the caller, counted once.
    expect(statuses).toHaveLength(files.length);
    const main = await lakeOf(join(root, 'main'));
    const threaded = await lakeOf(join(root, 'threads'));
    expect(threaded.lake.length).toBe(onMain.accepted);
    expect(threaded.lake.every((o) => o.stamp?.['upload-id'] && o.stamp['rows-sha256'])).toBe(true);
    expect(threaded).toEqual(main);
  }, 300_000);

  it('runs again without uploading or counting anything twice', async () => {
    const again = await ingestFiles({ dataDir: join(root, 'threads'), files, threads: 2 });
    expect(again).toEqual({
      uploaded: 0,
      skipped: files.length,
      accepted: 0,
      rejected: 0,
      duplicate: 0,
      failed: 0,
    });
  }, 300_000);
});
