/**
 * The local S3's listing that reads only the prefix's folder answers exactly as s3rver's own walk
 * of the whole bucket: two servers over one directory, one with each listing, asked the same.
 */
import { DeleteObjectCommand, ListObjectsCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listByPrefixFolder } from '../../local/s3rver-prefix-listing.js';
import { createS3Client } from '../../pipeline/storage/s3-client.ts';
import { tempDir } from '../pipeline/query/engine-fixture.ts';

const bucket = 'vss-lake';
const KEYS = [
  'ledger/debt/2025-01/01/a.json',
  'ledger/debt/2025-01/01/b.json',
  'ledger/debt/2025-01/01x/e.json',
  'ledger/debt/2025-01/02/c.json',
  'ledger/debt/2025-02/01/d.json',
  'ledger/coverage/2025-01/01/f.json',
  'lake/debt/period=2025-01/province=01/data.parquet',
  'attempts/debt/2025-01/01/u1/m.json',
];
const servers: S3rver[] = [];
let walking: S3Client;
let folder: S3Client;
let directory: string;

async function serve(directory: string, fast: boolean): Promise<S3Client> {
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  if (fast) listByPrefixFolder(server.store);
  servers.push(server);
  const { port } = await server.run();
  return createS3Client({ endpoint: `http://127.0.0.1:${port}` });
}

beforeAll(async () => {
  directory = tempDir('s3rver-listing');
  const first = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  servers.push(first);
  const { port } = await first.run();
  const writer = createS3Client({ endpoint: `http://127.0.0.1:${port}` });
  for (const Key of KEYS) await writer.send(new PutObjectCommand({ Bucket: bucket, Key, Body: Key }));
  await writer.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'attempts/debt/2025-01/01/u1/m.json' }));
  writer.destroy();
  walking = await serve(directory, false);
  folder = await serve(directory, true);
});

afterAll(async () => {
  walking.destroy();
  folder.destroy();
  for (const server of servers) await server.close();
});

/** Every page of a listing: its keys, sizes and ETags, and whether it said more follow. */
async function pages(s3: S3Client, Prefix: string, MaxKeys?: number) {
  const out: Array<{ keys: string[]; truncated: boolean }> = [];
  let Marker: string | undefined;
  for (;;) {
    const page = await s3.send(new ListObjectsCommand({ Bucket: bucket, Prefix, Marker, MaxKeys }));
    const contents = page.Contents ?? [];
    out.push({
      keys: contents.map((o) => `${o.Key} ${o.Size} ${o.ETag}`),
      truncated: page.IsTruncated ?? false,
    });
    if (!page.IsTruncated || contents.length === 0) return out;
    Marker = contents.at(-1)?.Key;
  }
}

describe('listByPrefixFolder', () => {
  const cases: Array<[string, number | undefined]> = [
    ['ledger/debt/2025-01/01/', undefined],
    ['ledger/debt/2025-01/01', undefined],
    ['ledger/', undefined],
    ['ledger/', 2],
    ['ledger/debt/', 1],
    ['ledger/debt/2025-03/', undefined],
    ['nothing/here/', undefined],
    ['attempts/debt/2025-01/01/u1/', undefined],
    ['ledger/debt/2025-01/0', 1],
    ['', 3],
  ];
  it.each(cases)('lists %j (max keys %s) as the walking listing does', async (prefix, maxKeys) => {
    const expected = await pages(walking, prefix, maxKeys);
    expect(await pages(folder, prefix, maxKeys)).toEqual(expected);
  });

  it('finds the keys of one province-month and nothing beside them', async () => {
    const [page] = await pages(folder, 'ledger/debt/2025-01/01/');
    expect(page?.keys.map((k) => k.split(' ')[0])).toEqual([
      'ledger/debt/2025-01/01/a.json',
      'ledger/debt/2025-01/01/b.json',
    ]);
  });

  it('reads only the folder the prefix names: an unreadable entry beside it breaks only the walk', async () => {
    // A dangling link among the months: the walk stats every entry on its way down and fails.
    symlinkSync(join(directory, 'no-such-target'), join(directory, bucket, 'ledger/debt/zz-dangling'));
    await expect(pages(walking, 'ledger/debt/2025-01/01/')).rejects.toThrow();
    const [page] = await pages(folder, 'ledger/debt/2025-01/01/');
    expect(page?.keys).toHaveLength(2);
  });
});
