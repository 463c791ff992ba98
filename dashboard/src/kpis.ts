import type { NationalRow } from '../../lib/site-data.ts';
import {
  formatChange,
  formatCount,
  formatPeriod,
  formatShare,
  formatVnd,
  formatVndCompact,
} from './format.ts';
import { lang, pick } from './i18n.ts';
import { KPI_TEXT } from './messages.ts';

/** One headline figure: a rounded value for the eye, the exact one and its context beneath. */
export interface KpiTile {
  id: string;
  label: string;
  value: string;
  detail: string;
  /** Tone of the change against last month: debt going up is bad, coverage going up is good. */
  trend: 'better' | 'worse' | 'same' | 'none';
}

function tone(now: number, before: number | undefined, higherIsBetter: boolean): KpiTile['trend'] {
  if (before === undefined) return 'none';
  if (now === before) return 'same';
  return now > before === higherIsBetter ? 'better' : 'worse';
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** The headline tiles for `period`, compared with the month before when it is in the data. */
export function kpiTiles(rows: readonly NationalRow[], period: string): KpiTile[] {
  const index = rows.findIndex((r) => r.period === period);
  const now = rows[index];
  if (!now) return [];
  const before = index > 0 ? rows[index - 1] : undefined;
  const since = before ? ` ${pick(KPI_TEXT.since(formatPeriod(before.period)))}` : '';
  const compact = (vnd: number) => formatVndCompact(vnd, lang());
  const resolved = now.procedures_on_time + now.procedures_late;
  return [
    {
      id: 'debt-total',
      label: pick(KPI_TEXT.debtTotal),
      value: compact(now.debt_total),
      detail: `${formatVnd(now.debt_total)}${before ? ` · ${formatChange(now.debt_total, before.debt_total)}${since}` : ''}`,
      trend: tone(now.debt_total, before?.debt_total, false),
    },
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
      trend: tone(now.debt_3m_plus, before?.debt_3m_plus, false),
    },
    {
      id: 'hi-coverage',
      label: pick(KPI_TEXT.hiCoverage),
      value: formatShare(now.hi_participants, now.hi_population),
      detail: pick(
        KPI_TEXT.hiDetail(
          formatCount(now.hi_participants),
          formatCount(now.hi_population),
          formatShare(now.hi_participants, now.hi_target),
        ),
      ),
      trend: tone(
        ratio(now.hi_participants, now.hi_population),
        before && ratio(before.hi_participants, before.hi_population),
        true,
      ),
    },
    {
      id: 'si-coverage',
      label: pick(KPI_TEXT.siCoverage),
      value: formatShare(now.si_participants, now.si_labour_force),
      detail: pick(
        KPI_TEXT.siDetail(
          formatCount(now.si_participants),
          formatCount(now.si_labour_force),
          formatShare(now.si_participants, now.si_target),
        ),
      ),
      trend: tone(
        ratio(now.si_participants, now.si_labour_force),
        before && ratio(before.si_participants, before.si_labour_force),
        true,
      ),
    },
    {
      id: 'procedures-on-time',
      label: pick(KPI_TEXT.onTime),
      value: formatShare(now.procedures_on_time, resolved),
      detail: pick(
        KPI_TEXT.onTimeDetail(
          formatCount(now.procedures_on_time),
          formatCount(resolved),
          formatCount(now.procedures_overdue),
        ),
      ),
      trend: tone(
        ratio(now.procedures_on_time, resolved),
        before && ratio(before.procedures_on_time, before.procedures_on_time + before.procedures_late),
        true,
      ),
    },
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
      trend: 'none',
    },
  ];
}

/** "61/63 tỉnh, thành phố đã nộp báo cáo nợ" */
export function coverageLine(row: NationalRow): string {
  return pick(KPI_TEXT.reported(row.provinces_reported, row.provinces_expected, formatPeriod(row.period)));
}
