/**
 * `npm start`'s ingest (the sample of two months, both generations of units, through the local
 * S3 and the real handler) against its floor measured in the same run: as many bare S3 requests
 * as the ingest made, against a fresh local S3 of the same kind, at the same concurrency. The
 * ratio says how much of an upload's cost is anything but S3 round trips (validation, DuckDB,
 * hashing); CPU is the process's user + sys over all its threads (the S3 server runs on one).
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { generateSamples } from '../../pipeline/generate/index.ts';
import { ingestFiles } from '../../local/ingest-files.ts';
import { startLocalS3 } from '../../local/local-s3.ts';
import { filesFromManifest } from '../../local/upload-files.ts';
import { note, report, step, timed } from './measure.ts';

/** The months `npm start` crosses the reform in: 63 units, then 34. */
const MONTHS = { from: '2025-06', to: '2025-07' } as const;
const CONCURRENCY = 4;

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

async function measured<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; cpu: number }> {
  const cpuBefore = cpuSeconds();
  const { value, seconds } = await timed(work);
  return { value, seconds, cpu: cpuSeconds() - cpuBefore };
}

/**
 * `count` requests in the ingest's mix, five at a time in order (two puts of small objects, a get
 * of the first, a prefix list, a delete of the second), `CONCURRENCY` such runs at once.
 */
async function bareRequests(dataDir: string, count: number): Promise<void> {
  const s3 = await startLocalS3({ dataDir });
  const bucket = s3.lakeBucket;
  const body = 'x'.repeat(2048);
  const put = (Key: string) => s3.client.send(new PutObjectCommand({ Bucket: bucket, Key, Body: body }));
  const cycle = async (i: number) => {
    const prefix = `bench/${i % 50}/`;
    await put(`${prefix}${i}.json`);
    await put(`${prefix}${i}.marker`);
    const got = await s3.client.send(new GetObjectCommand({ Bucket: bucket, Key: `${prefix}${i}.json` }));
    await got.Body?.transformToByteArray();
    await s3.client.send(new ListObjectsCommand({ Bucket: bucket, Prefix: prefix }));
    await s3.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: `${prefix}${i}.marker` }));
  };
  const cycles = Math.round(count / 5);
  let next = 0;
  const worker = async () => {
    while (next < cycles) await cycle(next++);
  };
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  } finally {
    await s3.close();
  }
}

export async function benchStart(work: string): Promise<void> {
  step(
    `npm start's ingest, ${MONTHS.from}..${MONTHS.to}, against as many bare requests to the same local S3`,
  );
  const root = join(work, 'start');
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const samples = join(root, 'samples');
  await generateSamples({ out: samples, ...MONTHS, seed: 1 });
  const files = await filesFromManifest(samples);
  let requests = 0;
  const ingest = await measured(() =>
    ingestFiles({ dataDir: join(root, 'ingest'), files, onRequests: (n) => (requests = n) }),
  );
  if (ingest.value.accepted !== files.length)
    throw new Error(`the sample was not all accepted: ${JSON.stringify(ingest.value)}`);
  const floor = await measured(() => bareRequests(join(root, 'bare'), requests));
  const perUpload = requests / files.length;
  note(
    `${files.length} uploads, ${requests} S3 requests (${perUpload.toFixed(1)} an upload); ` +
      `ingest ${ingest.seconds.toFixed(1)} s wall, ${ingest.cpu.toFixed(1)} s CPU; ` +
      `bare requests ${floor.seconds.toFixed(1)} s wall, ${floor.cpu.toFixed(1)} s CPU`,
  );
  report({
    name: 'npm start ingest, CPU per upload',
    value: ingest.cpu / files.length,
    unit: 's',
    baseline: {
      name: `${perUpload.toFixed(1)} bare S3 requests to the same local S3`,
      value: floor.cpu / files.length,
    },
  });
  report({ name: 'npm start ingest, S3 requests per upload', value: perUpload, unit: 'requests' });
}
