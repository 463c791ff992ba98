import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_NAMES, DATASETS, type DatasetName } from '../../../core/datasets/index.ts';
import { generateSamples, type Manifest } from '../../../pipeline/generate/index.ts';
import { readSample } from '../../../pipeline/generate/read-sample.ts';
import { addMonths } from '../../../core/period.ts';

let out = '';
let manifest: Manifest;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'vss-gen-figures-'));
  const result = await generateSamples({ out, from: '2025-05', to: '2025-08', seed: 11 });
  manifest = JSON.parse(await readFile(result.manifestPath, 'utf8')) as Manifest;
});
afterAll(() => rm(out, { recursive: true, force: true }));

/** Sums of integer columns over every row of a dataset's files for the month, by column key. */
async function nationalSums(
  dataset: DatasetName,
  period: string,
  keyColumn?: string,
): Promise<Map<string, number>> {
  const def = DATASETS[dataset];
  const sums = new Map<string, number>();
  for (const f of manifest.files.filter((m) => m.dataset === dataset && m.period === period)) {
    const { rows } = await readSample(join(out, f.path));
    for (const row of rows) {
      const prefix =
        keyColumn === undefined ? '' : `${String(row[def.columns.findIndex((c) => c.key === keyColumn)])}/`;
      def.columns.forEach((c, i) => {
        if (c.type.kind === 'integer')
          sums.set(prefix + c.key, (sums.get(prefix + c.key) ?? 0) + Number(row[i]));
      });
    }
  }
  return sums;
}

const get = (sums: Map<string, number>, key: string) => sums.get(key) ?? Number.NaN;

describe('generated national figures', () => {
  it('covers about 93% of the population with HI and about 40% of the labour force with SI', async () => {
    const s = await nationalSums('coverage', '2025-06', 'loai_hinh');
    const hi = get(s, 'BHYT/so_nguoi_tham_gia') / get(s, 'BHYT/dan_so_co_so');
    const si =
      (get(s, 'BHXH bắt buộc/so_nguoi_tham_gia') + get(s, 'BHXH tự nguyện/so_nguoi_tham_gia')) /
      get(s, 'BHXH bắt buộc/dan_so_co_so');
    const ui = get(s, 'BHTN/so_nguoi_tham_gia') / get(s, 'BHTN/dan_so_co_so');
    expect(hi).toBeGreaterThan(0.9);
    expect(hi).toBeLessThan(0.96);
    expect(si).toBeGreaterThan(0.35);
    expect(si).toBeLessThan(0.45);
    expect(ui).toBeGreaterThan(0.28);
    expect(ui).toBeLessThan(0.36);
    expect(get(s, 'BHYT/chi_tieu_giao')).toBeGreaterThan(get(s, 'BHYT/so_nguoi_tham_gia'));
  });

  it('keeps the national debt continuous across the 2025-07 merger and near VND 13-16 trillion', async () => {
    const total = (s: Map<string, number>) => get(s, 'no_bhxh') + get(s, 'no_bhyt') + get(s, 'no_bhtn');
    const before = total(await nationalSums('debt', '2025-06'));
    const after = total(await nationalSums('debt', '2025-07'));
    expect(after / before).toBeGreaterThan(0.85);
    expect(after / before).toBeLessThan(1.15);
    // 2.59 % (2024) of a year's dues of VND 510-575 trillion
    expect(before).toBeGreaterThan(12e12);
    expect(before).toBeLessThan(17e12);
  });

  it('has the country owe about VND 500-640 trillion a year, and debt near 2-3 % of it, as published', async () => {
    const s = await nationalSums('collection', '2025-06', 'loai_bao_hiem');
    const funds = ['BHXH', 'BHYT', 'BHTN'];
    const due = funds.reduce((sum, f) => sum + get(s, `${f}/so_phai_thu`), 0);
    const collected = funds.reduce((sum, f) => sum + get(s, `${f}/so_da_thu`), 0);
    expect(12 * due).toBeGreaterThan(480e12);
    expect(12 * due).toBeLessThan(640e12);
    expect(collected / due).toBeGreaterThan(0.95);
    expect(collected / due).toBeLessThanOrEqual(1);
    expect(get(s, 'BHXH/so_phai_thu') / due).toBeCloseTo(0.66, 2);
    const d = await nationalSums('debt', '2025-06');
    const rate = (get(d, 'no_bhxh') + get(d, 'no_bhyt') + get(d, 'no_bhtn')) / (12 * due);
    expect(rate).toBeGreaterThan(0.015);
    expect(rate).toBeLessThan(0.035);
    const interest = funds.reduce((sum, f) => sum + get(s, `${f}/lai_cham_dong`), 0);
    expect(interest).toBeGreaterThan(0);
  });

  it('carries debtors from month to month by tax code', async () => {
    const codes = async (period: string) => {
      const set = new Set<string>();
      for (const f of manifest.files.filter((m) => m.dataset === 'debt' && m.period === period))
        for (const row of (await readSample(join(out, f.path))).rows) set.add(String(row[0]));
      return set;
    };
    const [june, july] = [await codes('2025-06'), await codes('2025-07')];
    const kept = [...july].filter((c) => june.has(c)).length;
    expect(kept / july.size).toBeGreaterThan(0.6);
    expect(kept).toBeLessThan(july.size);
  });

  it('lists exactly the files on disk in the manifest, submitted after the month ended', async () => {
    const onDisk = (await readdir(out, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => relative(out, join(e.parentPath, e.name)).split('\\').join('/'))
      .filter((p) => p !== 'manifest.json')
      .sort();
    expect(manifest.files.map((f) => f.path).sort()).toEqual(onDisk);
    let late = 0;
    for (const f of manifest.files) {
      expect(f.path).toBe(`${f.dataset}/${f.period}/${f.province}.${f.format}`);
      const submitted = new Date(f.submitted_at);
      expect(submitted.toISOString()).toBe(f.submitted_at);
      expect(f.submitted_at.slice(0, 7)).toBe(addMonths(f.period, 1));
      if (submitted.getUTCDate() > 10) late++;
    }
    const missing = DATASET_NAMES.length * (63 + 63 + 34 + 34) - manifest.files.length;
    expect(missing).toBeGreaterThanOrEqual(0);
    expect(missing).toBeLessThan(30);
    expect(late / manifest.files.length).toBeGreaterThan(0.01);
    expect(late / manifest.files.length).toBeLessThan(0.12);
  });
});
