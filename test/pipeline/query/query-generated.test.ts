/**
 * The questions on generated uploads across the 63 -> 34 change, through the engine and through
 * `vss query` itself: national figures and rankings against sums read straight from the upload
 * files, completeness against the generator's manifest.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS } from '../../../core/datasets/index.ts';
import { openEngine, type Engine } from '../../../pipeline/query/engine.ts';
import { localPaths } from '../../../core/contracts/layout.ts';
import {
  buildGeneratedLake,
  debt,
  EXPECTED,
  fileSum,
  PERIODS,
  type GeneratedLake,
} from './query-generated-lake.ts';
import { targetOf } from '../../support/targets-file.ts';

const run = promisify(execFile);
let lake: GeneratedLake;
let engine: Engine;

beforeAll(async () => {
  lake = await buildGeneratedLake();
  engine = await openEngine({ mirrorDir: localPaths(lake.dataDir).mirror, materialize: true });
}, 600_000);

afterAll(() => {
  engine?.close();
  rmSync(lake.dataDir, { recursive: true, force: true });
});

type Row = Record<string, unknown>;

/** `vss query` in a child process over the lake's data directory, its stdout. */
async function vssQuery(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [
    'cli/vss.js',
    'query',
    '--data-dir',
    lake.dataDir,
    ...args,
  ]);
  return stdout;
}

async function expectNationalFigures(rows: Row[], period: string): Promise<void> {
  for (const [measure, dataset, of] of EXPECTED) {
    const expected = await fileSum(lake, dataset, period, of);
    expect(rows.find((r) => r.measure === measure)?.value, `${measure} ${period}`).toBe(expected);
  }
  expect(await fileSum(lake, 'debt', period, debt)).toBeGreaterThan(0);
  // The target is the one reference/targets.csv assigns each unit that sent coverage, not its own.
  const covered = [
    ...new Set(
      lake.manifest.files
        .filter((f) => f.dataset === 'coverage' && f.period === period)
        .map((f) => f.province),
    ),
  ];
  const generation = period >= '2025-07' ? '34' : '63';
  const year = Number(period.slice(0, 4));
  const assigned = covered.reduce((s, u) => s + targetOf(year, generation, u, 'target_si_compulsory'), 0);
  expect(covered.length).toBeGreaterThan(0);
  expect(rows.find((r) => r.measure === 'si_compulsory_target')?.value, `target ${period}`).toBe(assigned);
  expect(rows.find((r) => r.measure === 'target_units')?.value, `target units ${period}`).toBe(
    covered.length,
  );
}

/** Per dataset and month: 63 units expected until June, 34 in July; received and on time from the manifest. */
function expectCompleteness(rows: Row[]): void {
  for (const period of PERIODS) {
    const [year, month] = period.split('-').map(Number) as [number, number];
    const deadline = new Date(Date.UTC(year, month, 10, 17)).toISOString();
    for (const dataset of Object.keys(DATASETS)) {
      const sent = lake.manifest.files.filter((f) => f.dataset === dataset && f.period === period);
      const onTime = sent.filter((f) => new Date(f.submitted_at).toISOString() < deadline).length;
      const of = rows.filter((r) => r.dataset === dataset && r.period === period);
      const sum = (k: string) => of.reduce((s, r) => s + Number(r[k]), 0);
      const expectedUnits = period >= '2025-07' ? 34 : 63;
      expect([sum('expected'), sum('received'), sum('on_time'), sum('late'), sum('missing')]).toEqual([
        expectedUnits,
        sent.length,
        onTime,
        sent.length - onTime,
        expectedUnits - sent.length,
      ]);
    }
  }
  expect([...new Set(rows.map((r) => r.period))]).toEqual(PERIODS);
}

describe('queries on generated uploads', () => {
  it('ingested the chosen files, most of them accepted', () => {
    expect(lake.ingested.accepted).toBe(lake.manifest.files.length);
    expect(lake.ingested.accepted).toBeGreaterThan(40);
    expect(lake.ingested.failed).toBe(0);
  });

  it.each(PERIODS)('national_figures of %s equal sums read from the upload files', async (period) => {
    await expectNationalFigures((await engine.runNamed('national_figures', { period })).rows, period);
  });

  it('gives the same national series as reported and restated to the 34 units', async () => {
    for (const measure of ['debt_total', 'hi_participants', 'procedures_received']) {
      const reported = await engine.runNamed('measure_series', { measure });
      const current = await engine.runNamed('measure_series', { measure, geography: 'current' });
      expect(current.rows).toEqual(reported.rows);
      const ranking = await engine.runNamed('province_ranking', {
        period: '2025-06',
        measure,
        geography: 'current',
      });
      const restated = ranking.rows.reduce((s, r) => s + Number(r.value), 0);
      expect(restated).toBe(reported.rows.find((r) => r.period === '2025-06')?.value);
    }
  });

  it('counts completeness from the manifest: 63 units expected until June, 34 in July', async () => {
    expectCompleteness((await engine.runNamed('completeness')).rows);
    const current = await engine.runNamed('completeness', { geography: 'current' });
    const june = current.rows.filter((r) => r.dataset === 'debt' && r.period === '2025-06');
    expect(june).toHaveLength(34);
    const daNang = june.find((r) => r.province === '48');
    const sentDaNang = lake.manifest.files.filter(
      (f) => f.dataset === 'debt' && f.period === '2025-06' && ['48', '49'].includes(f.province),
    );
    expect(daNang).toMatchObject({ expected: 2, received: sentDaNang.length });
  });
});

describe('vss query prints the same figures as the upload files give', () => {
  it.each(['2025-06', '2025-07'])('national_figures of %s', async (period) => {
    const printed = JSON.parse(
      await vssQuery('--name', 'national_figures', '--param', `period=${period}`, '--format', 'json'),
    ) as Row[];
    await expectNationalFigures(printed, period);
  });

  it('province_ranking of June as reported and restated to the 34 units (Đà Nẵng with Quảng Nam)', async () => {
    const ranking = (geography: string) =>
      vssQuery(
        '--name',
        'province_ranking',
        '--param',
        'period=2025-06',
        '--geography',
        geography,
        '--format',
        'json',
      );
    const reported = JSON.parse(await ranking('reported')) as Row[];
    const reporting = new Set(
      lake.manifest.files
        .filter((f) => f.dataset === 'debt' && f.period === '2025-06')
        .map((f) => f.province),
    );
    expect(reporting.size).toBeGreaterThanOrEqual(4);
    for (const province of reporting) {
      const row = reported.find((r) => r.province === province);
      expect(row?.value, province).toBe(await fileSum(lake, 'debt', '2025-06', debt, [province]));
    }
    const current = JSON.parse(await ranking('current')) as Row[];
    const units = { '01': ['01'], '08': ['08', '02'], '48': ['48', '49'] };
    for (const [unit, parts] of Object.entries(units)) {
      const row = current.find((r) => r.province === unit);
      expect(row?.value, unit).toBe(await fileSum(lake, 'debt', '2025-06', debt, parts));
    }
    const ranked = current.filter((r) => r.value !== null).sort((a, b) => Number(b.value) - Number(a.value));
    expect(ranked.map((r) => r.value_rank)).toEqual(ranked.map((_, i) => i + 1));
  });

  it('province_ranking as CSV: a BOM, Vietnamese names intact, the file sums', async () => {
    const csv = await vssQuery('--name', 'province_ranking', '--param', 'period=2025-07', '--format', 'csv');
    expect(csv.startsWith('\uFEFFperiod,measure,province,name_vi,value,')).toBe(true);
    const daNang = csv.split('\r\n').find((line) => line.startsWith('2025-07,debt_total,48,'));
    const value = await fileSum(lake, 'debt', '2025-07', debt, ['48']);
    expect(daNang).toMatch(new RegExp(`^2025-07,debt_total,48,Đà Nẵng,${value},`));
  });

  it('completeness across the 63 -> 34 change', async () => {
    expectCompleteness(JSON.parse(await vssQuery('--name', 'completeness', '--format', 'json')) as Row[]);
  });
});
