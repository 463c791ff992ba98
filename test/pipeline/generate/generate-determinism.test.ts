import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSamples, type Manifest } from '../../../pipeline/generate/index.ts';

const dirs: string[] = [];

async function generate(
  seed: number,
  from: string,
  to: string,
): Promise<{ dir: string; manifest: Manifest }> {
  const dir = await mkdtemp(join(tmpdir(), 'vss-gen-det-'));
  dirs.push(dir);
  const result = await generateSamples({ out: dir, from, to, seed, debtorsPerMonth: 600 });
  return { dir, manifest: JSON.parse(await readFile(result.manifestPath, 'utf8')) as Manifest };
}

let first: { dir: string; manifest: Manifest };
let again: { dir: string; manifest: Manifest };
let other: { dir: string; manifest: Manifest };

beforeAll(async () => {
  first = await generate(5, '2025-06', '2025-07');
  again = await generate(5, '2025-06', '2025-07');
  other = await generate(6, '2025-06', '2025-07');
});
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('sample generation is deterministic', () => {
  it('writes byte-identical CSV and XLSX files and manifest for the same seed', async () => {
    expect(await readFile(join(again.dir, 'manifest.json'))).toEqual(
      await readFile(join(first.dir, 'manifest.json')),
    );
    const formats = new Set(first.manifest.files.map((f) => f.format));
    expect([...formats].sort()).toEqual(['csv', 'xlsx']);
    for (const f of first.manifest.files) {
      const [a, b] = [await readFile(join(first.dir, f.path)), await readFile(join(again.dir, f.path))];
      expect(a.equals(b), f.path).toBe(true);
    }
  });

  it('writes different data for a different seed', async () => {
    expect(other.manifest).not.toEqual(first.manifest);
    const path = 'debt/2025-07/01';
    const find = (m: Manifest) => m.files.find((f) => f.path.startsWith(path))?.path;
    const [a, b] = [find(first.manifest), find(other.manifest)];
    if (!a || !b) throw new Error('Hà Nội debt file missing');
    expect(await readFile(join(other.dir, b))).not.toEqual(await readFile(join(first.dir, a)));
  });

  it('repeats the months of a longer run when asked for a shorter range', async () => {
    const short = await generate(5, '2025-07', '2025-07');
    for (const f of short.manifest.files) {
      const [a, b] = [await readFile(join(short.dir, f.path)), await readFile(join(first.dir, f.path))];
      expect(a.equals(b), f.path).toBe(true);
    }
    expect(short.manifest.files).toEqual(first.manifest.files.filter((f) => f.period === '2025-07'));
  });

  it('rejects a range that ends before it starts', async () => {
    await expect(
      generateSamples({ out: dirs[0] ?? '', from: '2025-07', to: '2025-06', seed: 1 }),
    ).rejects.toThrow(/after/);
  });
});
