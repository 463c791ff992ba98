/**
 * The ingest handler in a process of its own, for faults that only a whole process can have (a
 * file-size limit standing in for a full /tmp). Reads its job as JSON from argv[2], handles the
 * one event against the local S3 at the given endpoint, and exits 0, or 1 with the error on stderr.
 */
import { readFile } from 'node:fs/promises';
import type { S3Event } from 'aws-lambda';
import { z } from 'zod';
import { createIngestHandler } from '../../pipeline/ingest/ingest-handler.ts';
import { createS3Client } from '../../pipeline/storage/s3-client.ts';

const job = z.object({
  endpoint: z.string(),
  uploadsBucket: z.string(),
  lakeBucket: z.string(),
  eventFile: z.string(),
  tmpDir: z.string(),
  now: z.string(),
});

const { endpoint, uploadsBucket, lakeBucket, eventFile, tmpDir, now } = job.parse(
  JSON.parse(process.argv[2] ?? '{}'),
);
const s3 = createS3Client({ endpoint });
const handle = createIngestHandler({
  s3,
  uploadsBucket,
  lakeBucket,
  tmpDir,
  trustSubmittedAt: true,
  now: () => new Date(now),
  log: (entry) => process.stderr.write(`${JSON.stringify(entry)}\n`),
});
try {
  await handle(JSON.parse(await readFile(eventFile, 'utf8')) as S3Event);
} catch (error) {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
} finally {
  s3.destroy();
}
