/**
 * The bomb corpus (test/support/upload-bombs.ts), each file validated in a child process given
 * the ingest function's own memory from the synthesized template: every one must end in a
 * receipt that names the limit it passed, and the child's peak memory must stay under it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DEFAULT_LIMITS } from '../../../pipeline/validate/index.ts';
import { resourcesOfType, synthForTemplate } from '../../infra/synth.ts';
import * as bombs from '../../support/upload-bombs.ts';

const run = promisify(execFile);
const outcome = z.object({
  status: z.string(),
  errors: z.array(
    z.object({ rule: z.string(), expected: z.string(), found: z.string(), vi: z.string(), en: z.string() }),
  ),
  peakMb: z.number(),
});

interface Bomb {
  name: string;
  make: () => Uint8Array | Promise<Uint8Array>;
  rule: string;
  expected: string;
  limits?: Partial<typeof DEFAULT_LIMITS>;
}

const corpus: Bomb[] = [
  {
    name: 'width: one number at XFD on 20,000 rows',
    make: () => bombs.widthBomb(20_000),
    rule: 'file.limit',
    expected: 'columns <= 256',
  },
  {
    name: 'sparse: A1 and XFD1048576',
    make: () => bombs.sparseCornerBomb(),
    rule: 'file.limit',
    expected: 'columns <= 256',
  },
  {
    name: 'sparse: a styled empty cell at XFD on all 1,048,576 rows',
    make: () => bombs.sparseRowsBomb(),
    rule: 'file.limit',
    expected: 'columns <= 256',
  },
  {
    name: 'sparse: 1,048,576 styled blank rows',
    make: () => bombs.blankRowsBomb(),
    rule: 'file.too_many_rows',
    expected: '<= 300000',
  },
  {
    name: 'decompression: shared strings inflating to 1 GB',
    make: () => bombs.inflatingSharedStrings(1024 ** 3),
    rule: 'file.decompression',
    expected: 'an ordinary XLSX',
  },
  {
    name: 'decompression: a sheet inflating to 512 MB',
    make: () => bombs.inflatingSheet(512 * 1024 ** 2),
    rule: 'file.decompression',
    expected: 'an ordinary XLSX',
  },
  {
    name: 'decompression: 20 MB of real shared strings over an 8 MB text limit',
    make: () => bombs.sharedStringsBomb(200_000, 100),
    rule: 'file.limit',
    expected: `decoded_bytes <= ${8 * 1024 ** 2}`,
    limits: { maxDecodedBytes: 8 * 1024 ** 2 },
  },
  {
    name: 'cells: 200,000 numbers over a 100,000-cell limit',
    make: () => bombs.manyCells(2000, 100),
    rule: 'file.limit',
    expected: 'cells <= 100000',
    limits: { maxCells: 100_000 },
  },
  {
    name: 'width: a CSV line of 20 million commas',
    make: () => bombs.separatorCsv('Mã số thuế', 20_000_000),
    rule: 'file.limit',
    expected: 'columns <= 256',
  },
];

let dir: string;
let memoryMb: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-bombs-'));
  const { template } = synthForTemplate();
  const ingest = Object.values(resourcesOfType(template, 'AWS::Lambda::Function')).find((f) =>
    String(f.Properties?.Description).startsWith('Validates a province upload'),
  );
  memoryMb = z.number().int().positive().parse(ingest?.Properties?.MemorySize);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('every bomb in the corpus ends in a receipt within the ingest function memory', () => {
  it('reads the ingest function memory from the synthesized template', () => {
    expect(memoryMb).toBe(2048);
  });

  for (const bomb of corpus) {
    it(bomb.name, async () => {
      const file = join(dir, `${bomb.name.replace(/\W+/g, '-')}.bin`);
      await writeFile(file, await bomb.make());
      // The heap may not outgrow the function: past it the child dies and the test fails.
      const { stdout } = await run(
        process.execPath,
        [
          `--max-old-space-size=${memoryMb}`,
          '--import',
          'tsx/esm',
          'test/support/validate-child.ts',
          file,
          JSON.stringify(bomb.limits ?? {}),
        ],
        { maxBuffer: 1024 * 1024 },
      );
      const result = outcome.parse(JSON.parse(stdout));
      expect(result.status).toBe('rejected');
      expect(result.errors.map((e) => [e.rule, e.expected])).toEqual([[bomb.rule, bomb.expected]]);
      expect(result.peakMb).toBeLessThan(memoryMb);
      const error = result.errors[0]!;
      if (bomb.rule === 'file.limit') {
        const max = Number(error.expected.split('<= ')[1]);
        expect(error.vi).toContain(max.toLocaleString('vi-VN'));
        expect(error.en).toContain(max.toLocaleString('en-US'));
      }
    });
  }
});
