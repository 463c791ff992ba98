/** The local ingest's copy of its own lake writes into the mirror, and the sync that trusts it only by MD5. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { syncMirror } from '../../../pipeline/mirror/mirror.ts';
import { teeToMirror } from '../../../pipeline/mirror/mirror-tee.ts';
import { useS3rverBucket } from '../../local/s3rver-bucket.ts';
import { tempDir } from '../query/engine-fixture.ts';

const bucket = 'vss-lake';
const s3 = useS3rverBucket(bucket, 's3rver-tee');
const prefixes = ['lake/', 'ledger/'];
const LAKE = 'lake/debt/period=2025-06/province=01/data.parquet';
const LEDGER = 'ledger/debt/2025-06/01/u1.json';

/** Counts the client's GETs until `stop`. */
function countGets(client: S3Client): { gets: () => number; stop: () => void } {
  let gets = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'GetObjectCommand') gets++;
      return next(args);
    },
    { step: 'initialize', name: 'countGets' },
  );
  return { gets: () => gets, stop: () => void client.middlewareStack.remove('countGets') };
}

describe('teeToMirror and the sync after it', () => {
  it('writes the bytes of mirrored PUTs locally, and the sync takes them without a GET', async () => {
    const dir = tempDir('mirror-tee');
    const teed = s3();
    teeToMirror(teed, { bucket, dir, prefixes });
    const parquet = Uint8Array.from([80, 65, 82, 49, 0, 1, 2, 3]);
    await teed.send(new PutObjectCommand({ Bucket: bucket, Key: LAKE, Body: parquet }));
    await teed.send(new PutObjectCommand({ Bucket: bucket, Key: LEDGER, Body: '{"a":1}' }));
    await teed.send(new PutObjectCommand({ Bucket: bucket, Key: 'receipts/x.json', Body: '{}' }));
    expect([...readFileSync(join(dir, LAKE))]).toEqual([...parquet]);
    expect(readFileSync(join(dir, LEDGER), 'utf8')).toBe('{"a":1}');
    expect(existsSync(join(dir, 'receipts/x.json'))).toBe(false);
    teed.middlewareStack.remove('vssMirrorTee');

    const reader = countGets(s3());
    expect(await syncMirror({ s3: s3(), bucket, dir, prefixes })).toEqual({
      downloaded: 2,
      deleted: 0,
      unchanged: 0,
    });
    expect(reader.gets()).toBe(0);
    reader.stop();
    const index = JSON.parse(readFileSync(join(dir, '.mirror-index.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(Object.keys(index).sort()).toEqual([LAKE, LEDGER].sort());
  });

  it('downloads an object whose local file has the right size but other bytes', async () => {
    const dir = tempDir('mirror-tee-stale');
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: LEDGER, Body: '{"b":2}' }));
    const path = join(dir, LEDGER);
    mkdirSync(join(dir, 'ledger/debt/2025-06/01'), { recursive: true });
    writeFileSync(path, '{"b":3}');
    const reader = countGets(s3());
    await syncMirror({ s3: s3(), bucket, dir, prefixes: ['ledger/'] });
    expect(reader.gets()).toBe(1);
    reader.stop();
    expect(readFileSync(path, 'utf8')).toBe('{"b":2}');
  });
});
