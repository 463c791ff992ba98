/** Each dashboard query on the hand-computed lake of engine-scenario.ts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../../../core/datasets/index.ts';
import { openEngine, type Engine } from '../../../pipeline/query/engine.ts';
import { tempDir, writeLedgerRecord } from './engine-fixture.ts';
import { writeScenario } from './engine-scenario.ts';
import { targetOf } from '../../support/targets-file.ts';
import { nationalTargets } from '../../../pipeline/reference/targets.ts';
import { Targets } from '../../../core/reference/targets.ts';

let engine: Engine;
/** The same lake against a reference that assigns Tuyên Quang (08) nothing for 2025. */
let without08: Engine;

beforeAll(async () => {
  const mirror = tempDir('queries');
  await writeScenario(mirror);
  engine = await openEngine({ mirrorDir: mirror });
  const rows = nationalTargets()
    .rows()
    .filter((r) => !(r.year === 2025 && r.province === '08'));
  without08 = await openEngine({ mirrorDir: mirror, targets: new Targets(rows) });
});
afterAll(() => {
  engine.close();
  without08.close();
});

const pick = (row: Record<string, unknown> | undefined, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, row?.[k]]));

describe('national_monthly', () => {
  it('has one row per month, summing 63 units in June and 34 in July', async () => {
    const { rows } = await engine.runNamed('national_monthly');
    expect(rows.map((r) => r.period)).toEqual(['2025-06', '2025-07']);
    expect(rows[0]).toEqual({
      period: '2025-06',
      debt_bhxh: 100 + 50 + 300 + 60,
      debt_bhyt: 20 + 30,
      debt_bhtn: 5 + 10,
      debt_total: 125 + 50 + 340 + 60,
      debt_3m_plus: 125 + 340,
      employers_owing: 4,
      arrears_recovered: 10 + 7,
      si_participants: 1000 + 200 + 100,
      si_labour_force: 5000 + 700,
      hi_participants: 8000 + 600,
      hi_population: 9000 + 800,
      ui_participants: 900,
      inspections: 5,
      employers_violating: 2,
      fines_imposed: 1_000_000,
      fines_collected: 400_000,
      dossiers: 3,
      dossiers_prosecuted: 2,
      procedures_received: 150,
      procedures_on_time: 125,
      procedures_late: 15,
      procedures_overdue: 3,
      collection_due: 4000 + 1500 + 500,
      collection_collected: 3900 + 1500 + 450,
      late_interest: 12 + 3 + 1,
      // The assigned targets of the two units that sent coverage (01, 08), not their own 1200 + 300 + 150.
      si_target: [1, 8]
        .map((u) => `0${u}`)
        .reduce(
          (s, u) =>
            s +
            targetOf(2025, '63', u, 'target_si_compulsory') +
            targetOf(2025, '63', u, 'target_si_voluntary'),
          0,
        ),
      hi_target: targetOf(2025, '63', '01', 'target_hi') + targetOf(2025, '63', '08', 'target_hi'),
      coverage_units: 2,
      target_units: 2,
      rate_debt: 125 + 50, // unit 01 only: the one that sent both reports
      rate_due: 4000 + 1500 + 500,
      rate_units: 1,
      provinces_reported: 3,
      provinces_expected: 63,
    });
    expect(
      pick(rows[1], [
        'debt_total',
        'debt_3m_plus',
        'employers_owing',
        'arrears_recovered',
        'hi_participants',
      ]),
    ).toEqual({
      debt_total: 200 + 550,
      debt_3m_plus: 200,
      employers_owing: 2,
      arrears_recovered: 50,
      hi_participants: 0,
    });
    expect(pick(rows[1], ['provinces_reported', 'provinces_expected'])).toEqual({
      provinces_reported: 2,
      provinces_expected: 34,
    });
    // No coverage report in July: no target summed, not a target of 0.
    expect(pick(rows[1], ['si_target', 'hi_target', 'coverage_units', 'target_units'])).toEqual({
      si_target: null,
      hi_target: null,
      coverage_units: 0,
      target_units: 0,
    });
  });

  it('leaves a unit without an assigned target out of the target sums and says how many it covers', async () => {
    const { rows } = await without08.runNamed('national_monthly');
    expect(pick(rows[0], ['si_target', 'hi_target', 'coverage_units', 'target_units'])).toEqual({
      si_target:
        targetOf(2025, '63', '01', 'target_si_compulsory') +
        targetOf(2025, '63', '01', 'target_si_voluntary'),
      hi_target: targetOf(2025, '63', '01', 'target_hi'),
      coverage_units: 2,
      target_units: 1,
    });
    // The participants are still every unit's: only the target is missing for 08.
    expect(rows[0]?.hi_participants).toBe(8000 + 600);
  });
});

describe('province_monthly', () => {
  it('lists the reporting units of each month with their debt rank', async () => {
    const { rows } = await engine.runNamed('province_monthly');
    const brief = rows.map((r) => [r.period, r.province, r.debt_total, r.debt_rank]);
    expect(brief).toEqual([
      ['2025-06', '01', 175, 2],
      ['2025-06', '02', 60, 3],
      ['2025-06', '08', 340, 1],
      ['2025-07', '01', 200, 2],
      ['2025-07', '08', 550, 1],
    ]);
    expect(rows[0]).toMatchObject({
      debt_3m_plus: 125,
      employers_owing: 2,
      hi_participants: 8000,
      hi_population: 9000,
      si_participants: 1200,
      si_labour_force: 5000,
      procedures_received: 150,
      procedures_on_time: 125,
    });
  });
});

describe('province_ranking', () => {
  it('restates the month before the reform to the new units', async () => {
    const { rows } = await engine.runNamed('province_ranking', { period: '2025-07' });
    expect(rows).toEqual([
      {
        period: '2025-07',
        measure: 'debt_total',
        province: '08',
        name_vi: 'Tuyên Quang',
        value: 550,
        value_rank: 1,
        previous_value: 340 + 60, // Tuyên Quang and Hà Giang in June
        change: 150,
        previous_rank: 1,
        change_break: null,
      },
      {
        period: '2025-07',
        measure: 'debt_total',
        province: '01',
        name_vi: 'Hà Nội',
        value: 200,
        value_rank: 2,
        previous_value: 175,
        change: 25,
        previous_rank: 2,
        change_break: null,
      },
    ]);
  });

  it('has no previous figures when the month before was not reported', async () => {
    const { rows } = await engine.runNamed('province_ranking', { period: '2025-06' });
    expect(rows.map((r) => [r.province, r.value_rank, r.previous_value, r.change])).toEqual([
      ['08', 1, null, null],
      ['01', 2, null, null],
      ['02', 3, null, null],
    ]);
  });

  it('ranks by the measure asked for, bound as a value, and restates June to the 34 units', async () => {
    const { rows } = await engine.runNamed('province_ranking', {
      period: '2025-06',
      measure: 'debt_3m_plus',
      geography: 'current',
    });
    // Hà Giang (02) owed 60 for 2 months: not 3+; it folds into Tuyên Quang (08) anyway.
    expect(rows.map((r) => [r.province, r.value, r.value_rank])).toEqual([
      ['08', 340, 1],
      ['01', 125, 2],
    ]);
    const none = await engine.runNamed('province_ranking', { period: '2025-06', measure: "x' OR '1'='1" });
    expect(none.rows).toEqual([]);
  });
});

describe('completeness', () => {
  it('expects 63 units per dataset in June and 34 in July, and judges the 10th-of-next-month deadline', async () => {
    const { rows } = await engine.runNamed('completeness');
    expect(rows).toHaveLength(DATASET_NAMES.length * (63 + 34));
    const count = (dataset: string, period: string, status: string) =>
      rows.filter((r) => r.dataset === dataset && r.period === period && r.status === status).length;
    expect([
      count('debt', '2025-06', 'on_time'),
      count('debt', '2025-06', 'late'),
      count('debt', '2025-06', 'missing'),
    ]).toEqual([2, 1, 60]);
    expect([
      count('debt', '2025-07', 'on_time'),
      count('debt', '2025-07', 'late'),
      count('debt', '2025-07', 'missing'),
    ]).toEqual([1, 1, 32]);
    expect([count('coverage', '2025-06', 'on_time'), count('coverage', '2025-06', 'late')]).toEqual([1, 1]);
    expect(count('procedures', '2025-07', 'missing')).toBe(34);
    const status = (period: string, province: string) =>
      rows.find((r) => r.dataset === 'debt' && r.period === period && r.province === province)?.status;
    // 16:59:59Z on the 10th is 23:59:59 in Hanoi; 17:00:00Z is already the 11th there.
    expect([status('2025-06', '08'), status('2025-06', '02')]).toEqual(['on_time', 'late']);
    // A province of the old generation is not expected after the reform.
    expect(rows.some((r) => r.period === '2025-07' && r.province === '02')).toBe(false);
  });

  it('rolls the deadline over the year end', async () => {
    const mirror = tempDir('year-end');
    writeLedgerRecord(mirror, {
      dataset: 'debt',
      period: '2024-12',
      province: '01',
      received_at: '2025-01-10T16:00:00.000Z',
    });
    writeLedgerRecord(mirror, {
      dataset: 'debt',
      period: '2024-12',
      province: '04',
      received_at: '2025-01-11T00:00:00.000Z',
    });
    const small = await openEngine({ mirrorDir: mirror });
    try {
      const { rows } = await small.runNamed('completeness');
      const status = (p: string) => rows.find((r) => r.dataset === 'debt' && r.province === p)?.status;
      expect([status('01'), status('04'), status('06')]).toEqual(['on_time', 'late', 'missing']);
    } finally {
      small.close();
    }
  });
});
