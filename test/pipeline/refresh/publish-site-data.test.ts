/**
 * Publishing hashes only the files a refresh wrote when the local folder is vouched for by the
 * bucket's manifest (`baseline`), and every file otherwise; the manifest never names bytes the
 * bucket lacks. Against a real s3rver.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSiteData, readManifest } from '../../../pipeline/refresh/publish-site-data.ts';
import { createS3Client } from '../../../pipeline/storage/s3-client.ts';
import { tempDir } from '../query/engine-fixture.ts';

let server: S3rver;
let s3: S3Client;
const BUCKET = 'vss-site';

beforeAll(async () => {
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: tempDir('publish-s3rver') });
  const { port } = await server.run();
  s3 = createS3Client({ endpoint: `http://127.0.0.1:${port}` });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

afterAll(async () => {
  s3?.destroy();
  await server?.close();
});

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const bucketText = async (key: string) =>
  (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body?.transformToString();

describe('publishSiteData', () => {
  it('hashes only the files written when the manifest is the baseline, every file otherwise', async () => {
    const out = tempDir('publish-out');
    mkdirSync(join(out, 'provinces', '01'), { recursive: true });
    const files = ['national.json', 'meta.json', 'provinces/01/police.json'].map((f) => join(out, f));
    files.forEach((f, i) => writeFileSync(f, `[${i}]`));
    const first = await publishSiteData(s3, BUCKET, out, files);
    expect(first.sent.sort()).toEqual([
      'data/meta.json',
      'data/national.json',
      'data/provinces/01/police.json',
    ]);
    const manifest = await readManifest(s3, BUCKET);
    expect(first.manifest).toBe(manifest.sha256);
    expect(manifest.entries['data/national.json']).toBe(sha('[0]'));

    // Vouched for: a file not written is not read (its changed local bytes are not sent) …
    writeFileSync(files[0] as string, '[9]');
    writeFileSync(files[1] as string, '[8]');
    const trusted = await publishSiteData(s3, BUCKET, out, files, {
      written: [files[1] as string],
      baseline: first.manifest,
    });
    expect(trusted.sent).toEqual(['data/meta.json']);
    expect(await bucketText('data/national.json')).toBe('[0]');

    // … but with a baseline that is not the bucket's manifest every file is hashed.
    const other = await publishSiteData(s3, BUCKET, out, files, { written: [], baseline: first.manifest });
    expect(other.sent).toEqual(['data/national.json']);
    expect(await bucketText('data/national.json')).toBe('[9]');

    // A key named for re-sending is sent even when the manifest claims its bytes.
    const again = await publishSiteData(s3, BUCKET, out, files, {
      written: [],
      baseline: other.manifest,
      resend: ['data/provinces/01/police.json'],
    });
    expect(again.sent).toEqual(['data/provinces/01/police.json']);
  });
});
