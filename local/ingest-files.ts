/**
 * Local ingest: start the local S3 with the ingest handler listening, upload each file to its
 * upload key, wait until every upload has been handled, stop. An object already stored with the
 * same bytes is not uploaded again, so running twice never ingests or counts anything twice.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ListObjectsCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import type { UploadOutcome } from '../pipeline/ingest/ingest-handler.ts';
import type { ValidateUpload } from '../pipeline/ingest/validate-port.ts';
import { MIRRORED_PREFIXES } from './local-mirror.ts';
import { teeToMirror } from '../pipeline/mirror/mirror-tee.ts';
import { StorageError } from '../core/errors.ts';
import { localPaths, UPLOADS_PREFIX, uploadKey } from '../core/contracts/layout.ts';
import { createEventQueue } from './event-queue.ts';
import { startIngestPool, type IngestPool } from './ingest-pool.ts';
import { localIngestHandler } from './local-ingest-handler.ts';
import { startLocalS3 } from './local-s3.ts';
import type { LocalUpload } from './upload-files.ts';
import type { IngestCounts } from '../core/contracts/ingest-counts.ts';

export interface IngestFilesOptions {
  dataDir: string;
  files: LocalUpload[];
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
  /** Each handled upload, with its receipt. */
  onOutcome?: (outcome: UploadOutcome) => void;
  /** Told, once every upload is handled, how many requests the local S3 answered (the bench). */
  onRequests?: (requests: number) => void;
  /** Replaces the validator (tests). */
  validate?: ValidateUpload;
  /**
   * Worker threads for the handler (default 0: on the main thread). They pay only on a machine
   * with idle cores: on a busy 2-core machine they cost about 10-20 % more CPU for the same time.
   */
  threads?: number;
}

export type IngestSummary = IngestCounts;

export async function ingestFiles(opts: IngestFilesOptions): Promise<IngestSummary> {
  const summary: IngestSummary = {
    uploaded: 0,
    skipped: 0,
    accepted: 0,
    rejected: 0,
    duplicate: 0,
    failed: 0,
  };
  const total = opts.files.length;
  let done = 0;
  const step = () => opts.onProgress?.(++done, total);
  const concurrency = opts.concurrency ?? 4;
  const onOutcome = (o: UploadOutcome) => {
    summary[o.status]++;
    opts.onOutcome?.(o);
  };
  // The handler needs the endpoint, which exists only once the server runs: bind it late.
  let handle: ((event: S3Event) => Promise<void>) | undefined;
  const threads = opts.validate ? 0 : (opts.threads ?? 0);
  const s3 = await startLocalS3({
    dataDir: opts.dataDir,
    // Each thread works on several uploads at once, so it is never idle waiting for the S3.
    concurrency: Math.max(concurrency, threads * concurrency),
    onEvent: async (event) => {
      try {
        await handle?.(event);
      } finally {
        step();
      }
    },
  });
  let pool: IngestPool | undefined;
  try {
    if (threads > 0) {
      pool = await startIngestPool({
        endpoint: s3.endpoint,
        uploadsBucket: s3.uploadsBucket,
        lakeBucket: s3.lakeBucket,
        threads,
        onOutcome,
      });
      handle = pool.handle;
    } else {
      // A validator given by a test is a function, which cannot go to another thread.
      handle = localIngestHandler(s3, { validate: opts.validate, onOutcome });
      // What the handler writes lands in the mirror too, so the next sync need not GET it back.
      teeToMirror(s3.client, {
        bucket: s3.lakeBucket,
        dir: localPaths(opts.dataDir).mirror,
        prefixes: MIRRORED_PREFIXES,
      });
    }
    const stored = await storedETags(s3.client, s3.uploadsBucket, UPLOADS_PREFIX);
    const puts = createEventQueue<LocalUpload>(
      async (file) => {
        const put = await putUnlessStored(s3.client, s3.uploadsBucket, file, stored);
        summary[put ? 'uploaded' : 'skipped']++;
        if (!put) step();
      },
      concurrency,
      (error, file) => {
        summary.failed++;
        step();
        console.error(`vss: cannot upload ${file.path}: ${String(error)}`);
      },
    );
    for (const file of opts.files) puts.push(file);
    await puts.idle();
    await s3.idle();
    summary.failed += s3.failures();
    if (opts.onRequests) opts.onRequests(await s3.requests());
  } finally {
    await s3.close();
    await pool?.close();
  }
  return summary;
}

/** The ETag of every object under `prefix`, listed once instead of asked for object by object. */
async function storedETags(client: S3Client, bucket: string, prefix: string): Promise<Map<string, string>> {
  const etags = new Map<string, string>();
  let marker: string | undefined;
  try {
    for (;;) {
      const page = await client.send(
        new ListObjectsCommand({ Bucket: bucket, Prefix: prefix, Marker: marker }),
      );
      const contents = page.Contents ?? [];
      for (const o of contents) if (o.Key && o.ETag) etags.set(o.Key, o.ETag.replaceAll('"', ''));
      if (!page.IsTruncated || contents.length === 0) break;
      marker = contents.at(-1)?.Key;
    }
  } catch (error) {
    throw new StorageError(`cannot list s3://${bucket}/${prefix}`, { cause: error });
  }
  return etags;
}

/** PUTs the file unless the same key already holds the same bytes (ETag is the MD5 of a simple PUT). */
async function putUnlessStored(
  client: S3Client,
  bucket: string,
  file: LocalUpload,
  stored: ReadonlyMap<string, string>,
): Promise<boolean> {
  const body = await readFile(file.path);
  const key = uploadKey(file.location);
  if (stored.get(key) === createHash('md5').update(body).digest('hex')) return false;
  await client.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: body,
      ContentType: key.endsWith('.xlsx')
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv',
      Metadata: file.submittedAt ? { 'submitted-at': file.submittedAt } : undefined,
    }),
  );
  return true;
}
