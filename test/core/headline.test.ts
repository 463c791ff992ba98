/**
 * headlineFigures on hand-built rows: a unit without an assigned target or without a report is
 * left out (never a zero), the year to date needs every month since January, and a year-on-year
 * change across the 2025-07 reform sums a merged unit's old units only when all of them reported.
 */
import { describe, expect, it } from 'vitest';
import { headlineFigures } from '../../core/headline.ts';
import type { CompletenessRow, ProvinceRow, UnitRow } from '../../core/contracts/site-data.ts';

const unit = (code: string, generation: '63' | '34', current: string): UnitRow => ({
  code,
  name_vi: code,
  name_ascii: code,
  generation,
  region_vi: 'x',
  current_code: current,
});
// 02 and 08 merged into 08; 01 unchanged
const UNITS = [
  unit('01', '63', '01'),
  unit('02', '63', '08'),
  unit('08', '63', '08'),
  unit('01', '34', '01'),
  unit('08', '34', '08'),
];

function row(period: string, province: string, over: Partial<ProvinceRow> = {}): ProvinceRow {
  return {
    period,
    province,
    debt_total: 300,
    debt_3m_plus: 0,
    employers_owing: 1,
    arrears_recovered: 0,
    hi_participants: 90,
    hi_population: 100,
    si_participants: 0,
    si_labour_force: 0,
    procedures_received: 0,
    procedures_on_time: 8,
    procedures_late: 2,
    collection_due: 1000,
    collection_collected: 900,
    late_rate_target_bp: 250,
    collection_plan: 12_000,
    hi_target_assigned: 100,
    si_target_assigned: 10,
    debt_rank: 1,
    ...over,
  };
}
const sentAll = (period: string, province: string): CompletenessRow[] =>
  ['debt', 'collection', 'coverage', 'procedures'].map((dataset) => ({
    dataset,
    period,
    province,
    status: 'on_time',
  }));

describe('headline figures', () => {
  it('leaves a unit without a target out of a figure against the target, and says so in its units', () => {
    const rows = [
      row('2025-08', '01'),
      row('2025-08', '08', { hi_target_assigned: null, late_rate_target_bp: null }),
    ];
    const out = headlineFigures(rows, [...sentAll('2025-08', '01'), ...sentAll('2025-08', '08')], UNITS, [
      '2025-08',
    ]);
    const hi = out.find((r) => r.figure === 'hi_target' && r.basis === 'now');
    expect(hi).toMatchObject({ units: 1, units_expected: 2, part: 90, whole: 100 });
    const late = out.find((r) => r.figure === 'late_rate' && r.basis === 'now');
    // the rate counts both units; its ceiling only the one that has one
    expect(late).toMatchObject({
      units: 2,
      part: 600,
      whole: 24_000,
      allowed: 300,
      allowed_whole: 12_000,
      target_units: 1,
    });
    expect(late?.lagging.map((l) => l.province)).toEqual(['01']);
  });

  it('needs every month since January for the year to date', () => {
    const periods = ['2026-01', '2026-02', '2026-03'];
    const rows = periods.flatMap((p) => [row(p, '01'), row(p, '08')]);
    const completeness = periods.flatMap((p) =>
      [...sentAll(p, '01'), ...sentAll(p, '08')].filter(
        (c) => !(c.period === '2026-02' && c.province === '08' && c.dataset === 'collection'),
      ),
    );
    const ytd = headlineFigures(rows, completeness, UNITS, periods).filter(
      (r) => r.figure === 'collection_plan_ytd',
    );
    expect(ytd.find((r) => r.period === '2026-03' && r.basis === 'now')).toMatchObject({
      units: 1,
      part: 2700,
      whole: 12_000,
    });
    expect(ytd.find((r) => r.period === '2026-03' && r.basis === 'mom')).toMatchObject({
      units: 1,
      part: 2700,
      compare_part: 1800,
    });
  });

  it('restates the month a year before to the merged unit, counting it only when all its old units reported', () => {
    const rows = [
      row('2024-08', '01'),
      row('2024-08', '02'),
      row('2024-08', '08'),
      row('2025-08', '01'),
      row('2025-08', '08'),
    ];
    const both = [
      ...sentAll('2024-08', '01'),
      ...sentAll('2024-08', '02'),
      ...sentAll('2024-08', '08'),
      ...sentAll('2025-08', '01'),
      ...sentAll('2025-08', '08'),
    ];
    const yoy = (completeness: CompletenessRow[]) =>
      headlineFigures(rows, completeness, UNITS, ['2024-08', '2025-08']).find(
        (r) => r.period === '2025-08' && r.figure === 'on_time' && r.basis === 'yoy',
      );
    expect(yoy(both)).toMatchObject({ units: 2, part: 16, whole: 20, compare_part: 24, compare_whole: 30 });
    const without02 = both.filter((c) => !(c.province === '02' && c.period === '2024-08'));
    expect(yoy(without02)).toMatchObject({ units: 1, part: 8, compare_part: 8 });
  });
});
