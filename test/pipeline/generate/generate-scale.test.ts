import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, templateAt } from '../../../core/datasets/index.ts';
import { writeBigDebtUpload } from '../../../pipeline/generate/big-upload.ts';
import { debtMonths } from '../../../pipeline/generate/debtors.ts';
import { TaxCodes } from '../../../pipeline/generate/employers.ts';
import { SCALES, scaleNamed } from '../../../pipeline/generate/scale.ts';
import { provinces } from '../../../pipeline/reference/provinces.ts';
import { validateUpload } from '../../../pipeline/validate/index.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-gen-scale-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('scales of generated data', () => {
  it('names the full scale: 2021-01 to 2026-10 at 150,000 debtor rows a month', () => {
    expect(scaleNamed('full')).toEqual({ from: '2021-01', to: '2026-10', debtorsPerMonth: 150_000 });
    expect(scaleNamed('sample')).toBe(SCALES.sample);
    expect(() => scaleNamed('huge')).toThrow(/--scale/);
  });

  it('steps the debt registers one month at a time, about the asked size each month', () => {
    const units = provinces().units.filter((u) => u.generation === '63');
    const months = debtMonths(3, units, '2024-01', '2024-03', 2000, new TaxCodes());
    const seen: string[] = [];
    for (const { period, rows } of months) {
      seen.push(period);
      expect(rows.size).toBe(units.length);
      const total = [...rows.values()].reduce((n, r) => n + r.length, 0);
      expect(total).toBeGreaterThan(1600);
      expect(total).toBeLessThan(2400);
      expect([...rows.keys()].every((k) => k.startsWith(`${period}/`))).toBe(true);
    }
    expect(seen).toEqual(['2024-01', '2024-02', '2024-03']);
  });
});

describe('one big single-province debt upload', () => {
  it('writes N rows the validator accepts, with totals equal to the sums of the file', async () => {
    const path = join(dir, 'big.csv');
    const bytes = await writeBigDebtUpload({ path, rows: 3000, province: '79', seed: 4, period: '2026-10' });
    const content = await readFile(path);
    expect(content.length).toBe(bytes);
    const result = await validateUpload({
      bytes: content,
      key: 'uploads/debt/2026-10/79/big.csv',
      location: { dataset: 'debt', period: '2026-10', province: '79', fileName: 'big.csv' },
      receivedAt: '2026-11-05T02:00:00.000Z',
      now: new Date('2026-11-05T02:00:00.000Z'),
    });
    expect(result.receipt.status).toBe('accepted');
    expect(result.rows).toHaveLength(3000);
    // The owed amount summed from the file's own text, apart from the validator.
    const lines = content.toString('utf8').trim().split('\r\n').slice(1);
    const column = templateAt(DATASETS.debt, '2026-10').columns.findIndex((c) => c.key === 'no_bhxh');
    const owed = lines.reduce((sum, line) => sum + Number(line.split(',')[column]), 0);
    expect(result.receipt.totals.no_bhxh).toBe(owed);
  });

  it('is the same file for the same seed', async () => {
    const [a, b] = [join(dir, 'a.csv'), join(dir, 'b.csv')];
    await writeBigDebtUpload({ path: a, rows: 500, seed: 9, period: '2026-10' });
    await writeBigDebtUpload({ path: b, rows: 500, seed: 9, period: '2026-10' });
    expect((await readFile(a)).equals(await readFile(b))).toBe(true);
  });
});
