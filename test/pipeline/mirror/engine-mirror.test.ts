/** The mirror against a real s3rver on 127.0.0.1. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { syncMirror } from '../../../pipeline/mirror/mirror.ts';
import { useS3rverBucket } from '../../local/s3rver-bucket.ts';
import { tempDir } from '../query/engine-fixture.ts';

const bucket = 'vss-lake';
const s3 = useS3rverBucket(bucket, 's3rver');

const put = (Key: string, Body: string) => s3().send(new PutObjectCommand({ Bucket: bucket, Key, Body }));

describe('syncMirror', () => {
  it('downloads, skips what is unchanged, replaces what changed and deletes what is gone', async () => {
    const dir = tempDir('mirror');
    const sync = () => syncMirror({ s3: s3(), bucket, dir, prefixes: ['lake/', 'ledger/'] });
    await put('lake/debt/period=2025-06/province=01/data.parquet', 'one');
    await put('lake/debt/period=2025-06/province=02/data.parquet', 'two');
    await put('ledger/debt/2025-06/01/u1.json', '{"a":1}');
    await put('receipts/debt/2025-06/01/u1.json', 'not mirrored');

    expect(await sync()).toEqual({ downloaded: 3, deleted: 0, unchanged: 0 });
    expect(readFileSync(join(dir, 'lake/debt/period=2025-06/province=01/data.parquet'), 'utf8')).toBe('one');
    expect(existsSync(join(dir, 'receipts'))).toBe(false);

    expect(await sync()).toEqual({ downloaded: 0, deleted: 0, unchanged: 3 });

    await put('lake/debt/period=2025-06/province=01/data.parquet', 'one, corrected');
    await s3().send(
      new DeleteObjectCommand({ Bucket: bucket, Key: 'lake/debt/period=2025-06/province=02/data.parquet' }),
    );
    expect(await sync()).toEqual({ downloaded: 1, deleted: 1, unchanged: 1 });
    expect(readFileSync(join(dir, 'lake/debt/period=2025-06/province=01/data.parquet'), 'utf8')).toBe(
      'one, corrected',
    );
    expect(existsSync(join(dir, 'lake/debt/period=2025-06/province=02/data.parquet'))).toBe(false);
    // S3 has no folders: the emptied province folder goes, its month (still holding 01) stays.
    expect(existsSync(join(dir, 'lake/debt/period=2025-06/province=02'))).toBe(false);
    expect(existsSync(join(dir, 'lake/debt/period=2025-06/province=01'))).toBe(true);
  });

  it('leaves no empty folder behind a month whose objects are all gone, and keeps the mirror itself', async () => {
    const dir = tempDir('mirror-emptied');
    const sync = () => syncMirror({ s3: s3(), bucket, dir, prefixes: ['summaries/'] });
    const keys = ['01', '02'].map((p) => `summaries/debt/period=2021-01/province=${p}/summary.parquet`);
    await Promise.all(keys.map((k) => put(k, 'x')));
    await put('summaries/debt/compacted/period=2021-01/summary.parquet', 'y');
    expect(await sync()).toEqual({ downloaded: 3, deleted: 0, unchanged: 0 });
    for (const Key of keys) await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key }));
    expect(await sync()).toEqual({ downloaded: 0, deleted: 2, unchanged: 1 });
    expect(existsSync(join(dir, 'summaries/debt/period=2021-01'))).toBe(false);
    expect(existsSync(join(dir, 'summaries/debt/compacted/period=2021-01/summary.parquet'))).toBe(true);
    expect(existsSync(dir)).toBe(true);
  });

  it('pages through long listings', async () => {
    const dir = tempDir('mirror-many');
    const keys = Array.from(
      { length: 11 },
      (_, i) => `ledger/coverage/2025-01/01/u${String(i).padStart(4, '0')}.json`,
    );
    await Promise.all(keys.map((k) => put(k, '{}')));
    const report = await syncMirror({ s3: s3(), bucket, dir, prefixes: ['ledger/coverage/'], pageSize: 3 });
    expect(report).toEqual({ downloaded: 11, deleted: 0, unchanged: 0 });
    expect(keys.every((k) => existsSync(join(dir, k)))).toBe(true);
  });
});
