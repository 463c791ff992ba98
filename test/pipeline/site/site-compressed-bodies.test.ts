import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { compressedBodies } from '../../../pipeline/site/compressed-bodies.ts';

const dir = mkdtempSync(join(tmpdir(), 'vss-bodies-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('compressedBodies', () => {
  it('compresses each file once per version and encoding, and the bytes survive', async () => {
    const bodies = compressedBodies();
    const text = 'Tổng cộng nợ BHXH '.repeat(500);
    const path = file('a.json', text);
    const br = bodies.get(path, 'v1', 'br');
    expect(bodies.get(path, 'v1', 'br')).toBe(br);
    expect(brotliDecompressSync(await br).toString()).toBe(text);
    const gz = bodies.get(path, 'v1', 'gzip');
    expect(gz).not.toBe(br);
    expect(gunzipSync(await gz).toString()).toBe(text);
  });

  it('drops the copy of an older version when a file changes', async () => {
    const bodies = compressedBodies();
    const path = file('b.json', 'old '.repeat(400));
    const old = bodies.get(path, 'v1', 'br');
    await old;
    writeFileSync(path, 'new '.repeat(400));
    expect(brotliDecompressSync(await bodies.get(path, 'v2', 'br')).toString()).toBe('new '.repeat(400));
    // v1 is compressed again from what the file holds now, not served from the dropped copy
    expect(bodies.get(path, 'v1', 'br')).not.toBe(old);
  });

  it('keeps no more than its budget, forgetting the least recently used copy first', async () => {
    const one = file('c.json', 'c'.repeat(5000));
    const two = file('d.json', 'd'.repeat(5000));
    const probe = await compressedBodies().get(one, 'v', 'gzip');
    // room for one compressed copy, not two
    const bodies = compressedBodies(probe.length + 10);
    const first = bodies.get(one, 'v', 'gzip');
    await first;
    await bodies.get(two, 'v', 'gzip');
    expect(bodies.get(two, 'v', 'gzip')).toBe(bodies.get(two, 'v', 'gzip'));
    expect(bodies.get(one, 'v', 'gzip')).not.toBe(first);
  });
});
