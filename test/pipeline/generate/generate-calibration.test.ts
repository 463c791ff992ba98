/**
 * The default sample against the published figures it is calibrated to: each band here is a row
 * of pipeline/generate/CALIBRATION.md, where its source and basis are written. The figures are
 * computed from the generated files themselves, one month of the default scale and seed.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, type DatasetName } from '../../../core/datasets/index.ts';
import { populationShare } from '../../../pipeline/generate/calibration.ts';
import { formalShare } from '../../../pipeline/generate/formal-employment.ts';
import { generateSamples, type Manifest } from '../../../pipeline/generate/index.ts';
import { readSample } from '../../../pipeline/generate/read-sample.ts';
import { SCALES } from '../../../pipeline/generate/scale.ts';
import { REFERENCE_TARGETS_SEED } from '../../../pipeline/generate/targets.ts';
import { provinces } from '../../../pipeline/reference/provinces.ts';

const PERIOD = '2025-06';
const SEED = REFERENCE_TARGETS_SEED;

interface Debtor {
  unit: string;
  owed: number;
  months: number;
  employees: number;
}

let out = '';
let debtors: Debtor[] = [];
let yearOfDues = 0;

/** Every row of the month's files of a dataset, as column key → number, with the sending unit. */
async function numbersOf(manifest: Manifest, dataset: DatasetName) {
  const keys = DATASETS[dataset].columns.map((c) => c.key);
  const rows: { unit: string; get: (key: string) => number }[] = [];
  for (const f of manifest.files.filter((m) => m.dataset === dataset && m.period === PERIOD)) {
    for (const cells of (await readSample(join(out, f.path))).rows)
      rows.push({ unit: f.province, get: (key) => Number(cells[keys.indexOf(key)]) });
  }
  return rows;
}

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'vss-gen-calibration-'));
  const result = await generateSamples({ out, from: PERIOD, to: PERIOD, seed: SEED });
  const manifest = JSON.parse(await readFile(result.manifestPath, 'utf8')) as Manifest;
  // Every unit sent both reports this month, so national figures are whole-country figures.
  expect(manifest.files.filter((f) => f.dataset === 'debt')).toHaveLength(63);
  expect(manifest.files.filter((f) => f.dataset === 'collection')).toHaveLength(63);
  debtors = (await numbersOf(manifest, 'debt')).map((r) => ({
    unit: r.unit,
    owed: r.get('no_bhxh') + r.get('no_bhyt') + r.get('no_bhtn'),
    months: r.get('so_thang_no'),
    employees: r.get('so_lao_dong'),
  }));
  yearOfDues = 12 * (await numbersOf(manifest, 'collection')).reduce((s, r) => s + r.get('so_phai_thu'), 0);
}, 300_000);
afterAll(() => rm(out, { recursive: true, force: true }));

const share = (test: (d: Debtor) => boolean) => debtors.filter(test).length / debtors.length;
const total = (list: Debtor[]) => list.reduce((s, d) => s + d.owed, 0);

describe('the default sample against the published figures', () => {
  it('lists about 30,000 debtors a month nationally, one in five of the ~150,000 register', () => {
    expect(SCALES.sample.debtorsPerMonth).toBe(30_000);
    expect(debtors.length).toBeGreaterThan(27_000);
    expect(debtors.length).toBeLessThan(33_000);
  });

  it('gives each unit debtors in proportion to its formal employment, not its population', () => {
    const units = provinces().units.filter((u) => u.generation === '63');
    const counts = new Map<string, number>();
    for (const d of debtors) counts.set(d.unit, (counts.get(d.unit) ?? 0) + 1);
    const distance = (shareOf: (u: (typeof units)[number]) => number) =>
      units.reduce((s, u) => s + Math.abs((counts.get(u.code) ?? 0) / debtors.length - shareOf(u)), 0) / 2;
    const formal = distance((u) => formalShare(SEED, u));
    expect(formal).toBeLessThan(0.03);
    expect(distance(populationShare)).toBeGreaterThan(2 * formal);
    for (const u of units) {
      const expected = debtors.length * formalShare(SEED, u);
      if (expected >= 300)
        expect(Math.abs((counts.get(u.code) ?? 0) / expected - 1), u.code).toBeLessThan(0.2);
    }
    // Hồ Chí Minh City holds its published share of the insured, and with the two provinces merged
    // into it in 2025 the merged city's (CALIBRATION.md, NATIONAL.formalShareAnchors).
    const shareOf = (codes: string[]) => codes.reduce((s, c) => s + (counts.get(c) ?? 0), 0) / debtors.length;
    expect(shareOf(['79'])).toBeGreaterThan(0.13);
    expect(shareOf(['79'])).toBeLessThan(0.165);
    expect(shareOf(['79', '74', '77'])).toBeGreaterThan(0.195);
    expect(shareOf(['79', '74', '77'])).toBeLessThan(0.24);
    // "213 debtors in one province alone": most units hold more, the largest ten times more.
    const sorted = [...counts.values()].sort((a, b) => a - b);
    expect(sorted[31]).toBeGreaterThan(213);
    expect(sorted.at(-1)).toBeGreaterThan(2130);
  });

  it('has most debtors a month or two late and one in seven over a year', () => {
    expect(share((d) => d.months <= 2)).toBeGreaterThan(0.45);
    expect(share((d) => d.months <= 2)).toBeLessThan(0.65);
    expect(share((d) => d.months > 12)).toBeGreaterThan(0.08);
    expect(share((d) => d.months > 12)).toBeLessThan(0.2);
  });

  it('holds 60-80 % of the debt in arrears of 3+ months, not nine tenths', () => {
    const old = total(debtors.filter((d) => d.months >= 3)) / total(debtors);
    expect(old).toBeGreaterThan(0.6);
    expect(old).toBeLessThan(0.8);
  });

  it('puts 12-30 % of debtors past the Art. 216 quantitative thresholds', () => {
    const past = share((d) => d.months >= 6 && (d.owed >= 50_000_000 || d.employees >= 10));
    expect(past).toBeGreaterThan(0.12);
    expect(past).toBeLessThan(0.3);
  });

  it('sizes debtors heavy-tailed: most small, a few large', () => {
    const owed = debtors.map((d) => d.owed).sort((a, b) => a - b);
    const mean = total(debtors) / debtors.length;
    const median = owed[Math.floor(owed.length / 2)] ?? Number.NaN;
    expect(mean).toBeGreaterThan(300e6);
    expect(mean).toBeLessThan(800e6);
    expect(median).toBeLessThan(mean / 2);
    expect(median).toBeGreaterThan(50e6);
    expect(owed.at(-1)).toBeGreaterThan(10e9);
    expect(owed.at(-1)).toBeLessThan(250e9);
    const employees = debtors.map((d) => d.employees).sort((a, b) => a - b);
    expect(employees[Math.floor(employees.length / 2)]).toBeLessThanOrEqual(50);
  });

  it('owes 2.2-2.9 % of a year of dues, on the published 2.59 % (2024) trend', () => {
    const rate = total(debtors) / yearOfDues;
    expect(rate).toBeGreaterThan(0.022);
    expect(rate).toBeLessThan(0.029);
  });
});
