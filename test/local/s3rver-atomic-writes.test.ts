/**
 * The local S3 applies a write whole or not at all, as S3 does: a PUT whose body is cut leaves no
 * object and keeps the one it would have replaced, and a restart that cuts requests in flight
 * leaves every listed object readable with the ETag of its bytes.
 */
import { GetObjectCommand, ListObjectsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalS3, type LocalS3 } from '../../local/local-s3.ts';
import { tempDir } from '../pipeline/query/engine-fixture.ts';

let s3: LocalS3;
beforeAll(async () => {
  s3 = await startLocalS3({ dataDir: tempDir('atomic-writes'), log: () => undefined });
});
afterAll(() => s3.close());

const md5 = (bytes: Uint8Array | string) => createHash('md5').update(bytes).digest('hex');

/** A PUT that announces `announced` bytes, sends `sent` and then drops the connection. */
async function cutPut(key: string, sent: string, announced: number): Promise<void> {
  const url = new URL(`${s3.endpoint}/${s3.lakeBucket}/${key}`);
  await new Promise<void>((resolve) => {
    const req = request(url, { method: 'PUT', headers: { 'content-length': announced } });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.write(sent, () => setTimeout(() => req.destroy(), 100));
  });
  await s3.idle();
}

async function read(key: string): Promise<{ body: string; eTag: string } | undefined> {
  try {
    const out = await s3.client.send(new GetObjectCommand({ Bucket: s3.lakeBucket, Key: key }));
    return { body: (await out.Body?.transformToString()) ?? '', eTag: (out.ETag ?? '').replaceAll('"', '') };
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

const listed = async (prefix: string) =>
  (
    (await s3.client.send(new ListObjectsCommand({ Bucket: s3.lakeBucket, Prefix: prefix }))).Contents ?? []
  ).map((o) => o.Key);

describe('the local S3 writes', () => {
  it('leave no object for a PUT whose body is cut', async () => {
    await cutPut('cut/new.json', '{"part":', 1000);
    expect(await listed('cut/')).toEqual([]);
    expect(await read('cut/new.json')).toBeUndefined();
  });

  it('keep the object a cut PUT would have replaced, bytes and ETag', async () => {
    const old = JSON.stringify({ kept: true, pad: 'x'.repeat(2000) });
    await s3.client.send(new PutObjectCommand({ Bucket: s3.lakeBucket, Key: 'cut/old.json', Body: old }));
    await cutPut('cut/old.json', '{"replacing":', 1000);
    expect(await read('cut/old.json')).toEqual({ body: old, eTag: md5(old) });
  });

  it('leave every object whole when a restart cuts the requests in flight', async () => {
    const body = (i: number, round: number) => `${JSON.stringify({ i, round })}${'.'.repeat(20_000 + i)}`;
    let settled = 0;
    let someAnswered: () => void = () => undefined;
    const tenAnswered = new Promise<void>((resolve) => (someAnswered = resolve));
    const puts = Array.from({ length: 60 }, (_, i) =>
      s3.client
        .send(new PutObjectCommand({ Bucket: s3.lakeBucket, Key: `restart/${i}.json`, Body: body(i, 1) }))
        .then(
          () => true,
          () => false,
        )
        .finally(() => ++settled === 10 && someAnswered()),
    );
    await tenAnswered;
    await s3.restart();
    const answered = await Promise.all(puts);
    const keys = await listed('restart/');
    for (const key of keys) {
      const i = Number(/(\d+)\.json$/.exec(key ?? '')?.[1]);
      const got = await read(key ?? '');
      expect(got, key).toEqual({ body: body(i, 1), eTag: md5(body(i, 1)) });
    }
    // Every PUT answered with success is there; the others may or may not be, never torn.
    for (const [i, ok] of answered.entries()) if (ok) expect(keys).toContain(`restart/${i}.json`);
    expect(keys.length).toBeGreaterThanOrEqual(answered.filter(Boolean).length);
    expect(answered.filter(Boolean).length).toBeGreaterThanOrEqual(10);
  });
});
