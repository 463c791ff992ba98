/**
 * The overview's first four tiles, read from headline.json: the late-payment rate against its
 * ceiling, collection against the year's plan to date, coverage against the assigned target and
 * dossiers on time, each with its units, its changes on last month and on the same month a year
 * before (over the units holding both months) and the provinces that lag most.
 */
import type { HeadlineFigure, HeadlineRow, LaggingUnit } from '../../core/contracts/headline.ts';
import type { UnitRow } from '../../core/contracts/site-data.ts';
import { HEADLINE_TEXT } from '../../core/messages/index.ts';
import type { Change } from './changes.ts';
import { formatCount, formatFineShare, formatPeriod, formatShare, formatTy } from '../../core/format.ts';
import { lang, pick } from './i18n.ts';
import type { KpiTile } from './kpi-tile.ts';
import { UnitNames } from '../../core/unit-names.ts';

const signed = new Intl.NumberFormat('vi-VN', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  signDisplay: 'exceptZero',
});

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : undefined);

/** The change of a ratio in percentage points between the two months of a comparison row. */
export function headlineDelta(row: HeadlineRow): number | undefined {
  const now = ratio(row.part, row.whole);
  const then =
    row.compare_part === null || row.compare_whole === null
      ? undefined
      : ratio(row.compare_part, row.compare_whole);
  return now === undefined || then === undefined ? undefined : 100 * (now - then);
}

function changes(rows: readonly HeadlineRow[], period: string, figure: HeadlineFigure): Change[] {
  return (['mom', 'yoy'] as const).map((basis) => {
    const row = rows.find((r) => r.period === period && r.figure === figure && r.basis === basis);
    const delta = row ? headlineDelta(row) : undefined;
    if (!row || delta === undefined)
      return { basis, delta: undefined, text: pick(HEADLINE_TEXT.none(basis)) };
    const shown = `${signed.format(delta)}${pick(HEADLINE_TEXT.points)}`;
    return {
      basis,
      delta,
      text: pick(
        HEADLINE_TEXT.change(
          basis,
          formatPeriod(row.compare_period ?? period),
          shown,
          row.units,
          row.units_expected,
        ),
      ),
    };
  });
}

function tone(changes: readonly Change[], higherIsBetter: boolean): KpiTile['trend'] {
  const delta = changes.find((c) => c.basis === 'mom')?.delta;
  if (delta === undefined) return 'none';
  if (Math.abs(delta) < 0.005) return 'same'; // what shows as ±0,00 reads as unchanged
  return delta > 0 === higherIsBetter ? 'better' : 'worse';
}

function laggingLine(
  figure: HeadlineFigure,
  lagging: readonly LaggingUnit[],
  names: UnitNames,
  period: string,
) {
  if (lagging.length === 0) return [];
  if (figure === 'late_rate') {
    const list = lagging.map((l) =>
      pick(
        HEADLINE_TEXT.laggingAgainst(
          names.nameOf(l.province, period),
          formatFineShare(l.part, l.whole),
          formatFineShare(l.allowed ?? 0, l.whole),
        ),
      ),
    );
    return [pick(HEADLINE_TEXT.laggingRate(list.join(', ')))];
  }
  const list = lagging.map((l) => `${names.nameOf(l.province, period)} ${formatShare(l.part, l.whole)}`);
  return [pick(HEADLINE_TEXT.laggingShare(list.join(', ')))];
}

/** The four tiles of `period`; a figure with no unit holding it has no tile. */
export function headlineTiles(
  rows: readonly HeadlineRow[],
  units: readonly UnitRow[],
  period: string,
): KpiTile[] {
  const names = new UnitNames(units);
  const compact = (vnd: number) => formatTy(vnd, lang());
  const yearStart = formatPeriod(`${period.slice(0, 4)}-01`);
  const specs: { figure: HeadlineFigure; id: string; higherIsBetter: boolean }[] = [
    { figure: 'late_rate', id: 'late-rate', higherIsBetter: false },
    { figure: 'collection_plan_ytd', id: 'collection-plan', higherIsBetter: true },
    { figure: 'hi_target', id: 'coverage-target', higherIsBetter: true },
    { figure: 'on_time', id: 'procedures-on-time', higherIsBetter: true },
  ];
  return specs.flatMap(({ figure, id, higherIsBetter }) => {
    const now = rows.find((r) => r.period === period && r.figure === figure && r.basis === 'now');
    if (!now) return [];
    const si = rows.find((r) => r.period === period && r.figure === 'si_target' && r.basis === 'now');
    const main = {
      late_rate: () => ({
        label: pick(HEADLINE_TEXT.lateRate),
        value: formatFineShare(now.part, now.whole),
        detail:
          now.allowed === null || now.allowed_whole === null
            ? pick(HEADLINE_TEXT.noCeiling)
            : pick(
                HEADLINE_TEXT.lateRateTarget(
                  formatFineShare(now.allowed, now.allowed_whole),
                  compact(now.part),
                  compact(now.whole),
                ),
              ),
      }),
      collection_plan_ytd: () => ({
        label: pick(HEADLINE_TEXT.collectionPlan),
        value: formatShare(now.part, now.whole),
        detail: pick(HEADLINE_TEXT.collectionPlanDetail(compact(now.part), compact(now.whole), yearStart)),
      }),
      hi_target: () => ({
        label: pick(HEADLINE_TEXT.hiTarget),
        value: formatShare(now.part, now.whole),
        detail: [
          pick(HEADLINE_TEXT.targetDetail(formatCount(now.part), formatCount(now.whole))),
          ...(si ? [`${pick(HEADLINE_TEXT.siTarget)}: ${formatShare(si.part, si.whole)}`] : []),
        ].join(' · '),
      }),
      si_target: () => ({ label: '', value: '', detail: '' }),
      on_time: () => ({
        label: pick(HEADLINE_TEXT.onTime),
        value: formatShare(now.part, now.whole),
        detail: pick(HEADLINE_TEXT.onTimeDetail(formatCount(now.part), formatCount(now.whole))),
      }),
    }[figure]();
    const changed = changes(rows, period, figure);
    return [
      {
        id,
        ...main,
        ...(now.lagging.length > 0
          ? { lagging: laggingLine(figure, now.lagging, names, period).join('') }
          : {}),
        reported: pick(HEADLINE_TEXT.units(now.units, now.units_expected)),
        changes: changed,
        trend: tone(changed, higherIsBetter),
      },
    ];
  });
}
