import type { NationalRow } from '../../lib/site-data.ts';
import {
  formatChange,
  formatCount,
  formatPeriod,
  formatShare,
  formatVnd,
  formatVndCompact,
} from './format.ts';

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
  const since = before ? ` so với ${formatPeriod(before.period)}` : '';
  const resolved = now.procedures_on_time + now.procedures_late;
  return [
    {
      id: 'debt-total',
      label: 'Tổng nợ BHXH, BHYT, BHTN',
      value: formatVndCompact(now.debt_total),
      detail: `${formatVnd(now.debt_total)}${before ? ` · ${formatChange(now.debt_total, before.debt_total)}${since}` : ''}`,
      trend: tone(now.debt_total, before?.debt_total, false),
    },
    {
      id: 'debt-3m',
      label: 'Nợ từ 3 tháng trở lên',
      value: formatVndCompact(now.debt_3m_plus),
      detail: `${formatShare(now.debt_3m_plus, now.debt_total)} tổng nợ · ${formatCount(now.employers_owing)} đơn vị nợ`,
      trend: tone(now.debt_3m_plus, before?.debt_3m_plus, false),
    },
    {
      id: 'hi-coverage',
      label: 'Tỷ lệ bao phủ BHYT',
      value: formatShare(now.hi_participants, now.hi_population),
      detail: `${formatCount(now.hi_participants)} người / ${formatCount(now.hi_population)} dân số · đạt ${formatShare(now.hi_participants, now.hi_target)} chỉ tiêu`,
      trend: tone(
        ratio(now.hi_participants, now.hi_population),
        before && ratio(before.hi_participants, before.hi_population),
        true,
      ),
    },
    {
      id: 'si-coverage',
      label: 'Tỷ lệ tham gia BHXH',
      value: formatShare(now.si_participants, now.si_labour_force),
      detail: `${formatCount(now.si_participants)} người / ${formatCount(now.si_labour_force)} lao động · đạt ${formatShare(now.si_participants, now.si_target)} chỉ tiêu`,
      trend: tone(
        ratio(now.si_participants, now.si_labour_force),
        before && ratio(before.si_participants, before.si_labour_force),
        true,
      ),
    },
    {
      id: 'procedures-on-time',
      label: 'Hồ sơ giải quyết đúng hạn',
      value: formatShare(now.procedures_on_time, resolved),
      detail: `${formatCount(now.procedures_on_time)} / ${formatCount(resolved)} hồ sơ đã giải quyết · ${formatCount(now.procedures_overdue)} quá hạn`,
      trend: tone(
        ratio(now.procedures_on_time, resolved),
        before && ratio(before.procedures_on_time, before.procedures_on_time + before.procedures_late),
        true,
      ),
    },
    {
      id: 'enforcement',
      label: 'Thanh tra, kiểm tra',
      value: `${formatCount(now.inspections)} cuộc`,
      detail: `${formatCount(now.employers_violating)} đơn vị vi phạm · phạt ${formatVndCompact(now.fines_imposed)}, đã thu ${formatVndCompact(now.fines_collected)}`,
      trend: 'none',
    },
  ];
}

/** "61/63 tỉnh, thành phố đã nộp báo cáo nợ" */
export function coverageLine(row: NationalRow): string {
  return `${row.provinces_reported}/${row.provinces_expected} tỉnh, thành phố đã nộp báo cáo nợ tháng ${formatPeriod(row.period)}`;
}
