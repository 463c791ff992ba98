/**
 * Like-for-like changes of the national figures. A national total sums the units that reported, so
 * comparing two months' totals counts a unit missing from one month as a fall to zero. Here each
 * change sums, in both months, only the units that sent that measure's report in both months;
 * the rows say how many units that is, so the page can label the change with it. A comparison
 * across a change of what the measure counts carries the break and no values.
 */
import { comparisonBreak } from './measure-breaks.ts';
import { addMonths, REFORM_FIRST_PERIOD } from './period.ts';
import {
  COMPARED_MEASURES,
  comparisonRow,
  type ComparedMeasure,
  type ComparisonRow,
  type CompletenessRow,
  type ProvinceRow,
  type UnitRow,
} from './contracts/site-data.ts';

const generationOf = (period: string) => (period >= REFORM_FIRST_PERIOD ? '34' : '63');
const MEASURES = Object.keys(COMPARED_MEASURES) as ComparedMeasure[];

/** The months each basis compares `period` with. */
export function comparePeriods(period: string): Record<ComparisonRow['basis'], string> {
  return {
    mom: addMonths(period, -1),
    yoy: addMonths(period, -12),
    ytd: `${Number(period.slice(0, 4)) - 1}-12`,
  };
}

interface Placed {
  /** The comparison unit a report or a row belongs to: its own code, or its current unit's. */
  unitOf(code: string, period: string): string;
  /** The comparison units valid in `period`, each with how many reported units make it up. */
  partsIn(period: string): Map<string, number>;
}

function placement(units: readonly UnitRow[], restated: boolean): Placed {
  const currentOf = new Map(units.filter((u) => u.generation === '63').map((u) => [u.code, u.current_code]));
  return {
    unitOf: (code, period) =>
      restated && period < REFORM_FIRST_PERIOD ? (currentOf.get(code) ?? code) : code,
    partsIn(period) {
      const parts = new Map<string, number>();
      for (const u of units.filter((u) => u.generation === generationOf(period))) {
        const key = restated && u.generation === '63' ? u.current_code : u.code;
        parts.set(key, (parts.get(key) ?? 0) + 1);
      }
      return parts;
    },
  };
}

/** A function of a month and a flag, computed once for each pair. */
function memo<T>(fn: (period: string, restated: boolean) => T): (period: string, restated: boolean) => T {
  const cache = new Map<string, T>();
  return (period, restated) => {
    const key = `${period}|${restated}`;
    if (!cache.has(key)) cache.set(key, fn(period, restated));
    return cache.get(key) as T;
  };
}

function byPeriod<T extends { period: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.period);
    if (list) list.push(row);
    else out.set(row.period, [row]);
  }
  return out;
}

/**
 * Every national like-for-like comparison the data allows (both months held, one unit at least).
 * `only`: the rows of these months alone (the rows given need cover them and the months they
 * compare with, all within the year before).
 */
export function likeForLike(
  provinceRows: readonly ProvinceRow[],
  completeness: readonly CompletenessRow[],
  units: readonly UnitRow[],
  periods: readonly string[],
  only?: ReadonlySet<string>,
): ComparisonRow[] {
  const held = new Set(periods);
  // Each month's rows, so a comparison reads its two months only (sums do not depend on order).
  const reportsOf = byPeriod(completeness);
  const rowsOf = byPeriod(provinceRows);
  const restatedPlace = placement(units, true);
  const ownPlace = placement(units, false);
  const placeOf = (restated: boolean) => (restated ? restatedPlace : ownPlace);
  // A month's counts and sums, by whether it is restated: each month is compared up to three
  // times as the later month and up to three as the earlier, so they are summed once.
  const reportedIn = memo((period: string, restated: boolean) => {
    const place = placeOf(restated);
    const reported = new Map<string, Map<string, number>>(); // dataset → unit → its parts reported
    for (const c of reportsOf.get(period) ?? []) {
      if (c.status === 'missing') continue;
      const unit = place.unitOf(c.province, c.period);
      const units = reported.get(c.dataset) ?? new Map<string, number>();
      reported.set(c.dataset, units);
      units.set(unit, (units.get(unit) ?? 0) + 1);
    }
    return reported;
  });
  const sumsIn = memo((period: string, restated: boolean) => {
    const place = placeOf(restated);
    const sums = new Map<ComparedMeasure, Map<string, number>>(MEASURES.map((m) => [m, new Map()]));
    for (const r of rowsOf.get(period) ?? []) {
      const unit = place.unitOf(r.province, r.period);
      for (const [measure, units] of sums) units.set(unit, (units.get(unit) ?? 0) + r[measure]);
    }
    return sums;
  });
  const partsIn = memo((period: string, restated: boolean) => placeOf(restated).partsIn(period));
  const out: ComparisonRow[] = [];
  for (const period of only ? periods.filter((p) => only.has(p)) : periods) {
    for (const [basis, compare] of Object.entries(comparePeriods(period)) as [
      ComparisonRow['basis'],
      string,
    ][]) {
      if (!held.has(compare)) continue;
      const restated = generationOf(period) !== generationOf(compare);
      const [nowReported, thenReported] = [reportedIn(period, restated), reportedIn(compare, restated)];
      const [nowSums, thenSums] = [sumsIn(period, restated), sumsIn(compare, restated)];
      const nowParts = partsIn(period, restated);
      const thenParts = partsIn(compare, restated);
      for (const [measure, dataset] of Object.entries(COMPARED_MEASURES) as [ComparedMeasure, string][]) {
        const [nowSent, thenSent] = [nowReported.get(dataset), thenReported.get(dataset)];
        const [nowSum, thenSum] = [nowSums.get(measure), thenSums.get(measure)];
        let value = 0;
        let compareValue = 0;
        let compared = 0;
        for (const [unit, parts] of nowParts) {
          // every part of the unit reported, in both months
          if ((nowSent?.get(unit) ?? 0) !== parts) continue;
          if ((thenSent?.get(unit) ?? 0) !== (thenParts.get(unit) ?? -1)) continue;
          compared += 1;
          value += nowSum?.get(unit) ?? 0;
          compareValue += thenSum?.get(unit) ?? 0;
        }
        if (compared === 0) continue;
        const broken = comparisonBreak(measure, period, compare);
        out.push(
          comparisonRow.parse({
            period,
            basis,
            compare_period: compare,
            measure,
            units_compared: compared,
            units_expected: nowParts.size,
            value: broken ? null : value,
            compare_value: broken ? null : compareValue,
            break_reason: broken?.reason ?? null,
            break_from: broken?.from ?? null,
          }),
        );
      }
    }
  }
  return out;
}
