import type {
  ApprovalRow,
  ComparisonRow,
  CompletenessRow,
  NationalRow,
  UnitRow,
} from '../../core/contracts/site-data.ts';
import { changesOf, type Change, type Compared } from './changes.ts';
import { formatCount, formatPeriod, formatShare, formatTy, formatVnd } from '../../core/format.ts';
import { lang, pick } from './i18n.ts';
import { headlineTiles } from './headline-tiles.ts';
import type { KpiTile } from './kpi-tile.ts';
import type { HeadlineRow } from '../../core/contracts/headline.ts';
import { CHANGE_TEXT, KPI_TEXT } from '../../core/messages/index.ts';

/** What the tiles read besides the national rows. */
export interface KpiInputs {
  comparisons: readonly ComparisonRow[];
  completeness: readonly CompletenessRow[];
  /** The first screen's figures against the national targets (headline.json). */
  headline?: readonly HeadlineRow[];
  /** To name the provinces that lag most. */
  units?: readonly UnitRow[];
  /** Set on the "approved only" basis: each tile then counts the units whose report is approved. */
  approvedOnly?: readonly ApprovalRow[];
}

function tone(changes: readonly Change[], higherIsBetter: boolean): KpiTile['trend'] {
  const delta = changes.find((c) => c.basis === 'mom')?.delta;
  if (delta === undefined) return 'none';
  if (Math.abs(delta) < 0.05) return 'same'; // what shows as ±0,0 reads as unchanged
  return delta > 0 === higherIsBetter ? 'better' : 'worse';
}

/** "31/34 tỉnh đã báo cáo" for a dataset's reports of the month (the units of that month). */
export function reportedLine(
  completeness: readonly CompletenessRow[],
  dataset: string,
  period: string,
): string {
  const month = completeness.filter((c) => c.dataset === dataset && c.period === period);
  const received = month.filter((c) => c.status !== 'missing').length;
  return pick(CHANGE_TEXT.reported(received, month.length));
}

/** "20/34 tỉnh đã phê duyệt": a dataset's reports of the month that the directors approved. */
export function approvedLine(approvals: readonly ApprovalRow[], dataset: string, period: string): string {
  const month = approvals.filter((a) => a.dataset === dataset && a.period === period);
  return pick(CHANGE_TEXT.approvedUnits(month.filter((a) => a.state === 'approved').length, month.length));
}

/** The headline tiles for `period`, each compared like for like where the data allow. */
export function kpiTiles(rows: readonly NationalRow[], period: string, inputs: KpiInputs): KpiTile[] {
  const now = rows.find((r) => r.period === period);
  if (!now) return [];
  // one unit on national pages: tỷ đồng, whatever the size (no switch to nghìn tỷ or triệu)
  const compact = (vnd: number) => formatTy(vnd, lang());
  const tile = (
    base: Omit<KpiTile, 'reported' | 'changes' | 'trend'>,
    dataset: string,
    compared: Compared | undefined,
    higherIsBetter: boolean,
  ): KpiTile => {
    const changes = compared ? changesOf(inputs.comparisons, period, compared) : [];
    return {
      ...base,
      reported: inputs.approvedOnly
        ? approvedLine(inputs.approvedOnly, dataset, period)
        : reportedLine(inputs.completeness, dataset, period),
      changes,
      trend: tone(changes, higherIsBetter),
    };
  };
  // The first screen: figures against the national targets (headline.json), then the amounts.
  const headline = headlineTiles(inputs.headline ?? [], inputs.units ?? [], period);
  const assigned = (figure: 'hi_target' | 'si_target') => {
    const row = inputs.headline?.find((r) => r.period === period && r.figure === figure && r.basis === 'now');
    return row ? formatShare(row.part, row.whole) : '—';
  };
  return [
    ...headline,
    tile(
      {
        id: 'debt-total',
        label: pick(KPI_TEXT.debtTotal),
        value: compact(now.debt_total),
        detail: formatVnd(now.debt_total),
      },
      'debt',
      { kind: 'sum', measure: 'debt_total' },
      false,
    ),
    tile(
      {
        id: 'debt-3m',
        label: pick(KPI_TEXT.debtOld),
        value: compact(now.debt_3m_plus),
        detail: pick(
          KPI_TEXT.debtOldDetail(
            formatShare(now.debt_3m_plus, now.debt_total),
            formatCount(now.employers_owing),
          ),
        ),
      },
      'debt',
      { kind: 'sum', measure: 'debt_3m_plus' },
      false,
    ),
    tile(
      {
        id: 'hi-coverage',
        label: pick(KPI_TEXT.hiCoverage),
        value: formatShare(now.hi_participants, now.hi_population),
        detail: pick(
          KPI_TEXT.hiDetail(
            formatCount(now.hi_participants),
            formatCount(now.hi_population),
            assigned('hi_target'),
          ),
        ),
      },
      'coverage',
      { kind: 'ratio', part: 'hi_participants', whole: 'hi_population' },
      true,
    ),
    tile(
      {
        id: 'si-coverage',
        label: pick(KPI_TEXT.siCoverage),
        value: formatShare(now.si_participants, now.si_labour_force),
        detail: pick(
          KPI_TEXT.siDetail(
            formatCount(now.si_participants),
            formatCount(now.si_labour_force),
            assigned('si_target'),
          ),
        ),
      },
      'coverage',
      { kind: 'ratio', part: 'si_participants', whole: 'si_labour_force' },
      true,
    ),
    tile(
      {
        id: 'enforcement',
        label: pick(KPI_TEXT.enforcement),
        value: pick(KPI_TEXT.inspections(formatCount(now.inspections))),
        detail: pick(
          KPI_TEXT.enforcementDetail(
            formatCount(now.employers_violating),
            compact(now.fines_imposed),
            compact(now.fines_collected),
          ),
        ),
      },
      'enforcement',
      undefined,
      true,
    ),
  ];
}

/** "61/63 tỉnh, thành phố đã nộp báo cáo nợ" */
export function coverageLine(row: NationalRow): string {
  return pick(KPI_TEXT.reported(row.provinces_reported, row.provinces_expected, formatPeriod(row.period)));
}
