/**
 * Checks that an upload's place and month exist: the province is a unit of that period (the
 * 63 before 2025-07, the 34 after) and the period is neither in the future nor before 2015.
 * Also reads the optional in-file ma_tinh / ky_bao_cao columns, which must agree.
 */
import type { UploadLocation } from '../../core/contracts/layout.ts';
import { RULE_MESSAGES } from '../../core/messages/index.ts';
import { periodOf, type Period } from '../../core/period.ts';
import { provinces } from '../reference/provinces.ts';
import { FIRST_PERIOD } from '../../core/period.ts';
import type { RawCell } from './grid.ts';
import type { IssueList } from './issue-list.ts';
import { matchKey } from './normalize.ts';
import { showRaw } from './parse-cell.ts';

export function checkLocation(location: UploadLocation, now: Date, issues: IssueList): void {
  const at = { sheet: null, row: null, column: null };
  const registry = provinces();
  const { province, period } = location;
  const current = periodOf(now);
  if (period > current) {
    const message = RULE_MESSAGES['location.period']({ period, reason: 'future', limit: current });
    issues.add('error', at, 'location.period', `<= ${current}`, period, message);
  } else if (period < FIRST_PERIOD) {
    const message = RULE_MESSAGES['location.period']({ period, reason: 'too_early', limit: FIRST_PERIOD });
    issues.add('error', at, 'location.period', `>= ${FIRST_PERIOD}`, period, message);
  }
  if (registry.find(province, period)) return;
  const currentCode = registry.currentCodeOf(province);
  const successor = currentCode && currentCode !== province ? registry.find(currentCode, period) : undefined;
  const mergedInto = successor && {
    code: successor.code,
    nameVi: successor.nameVi,
    nameAscii: successor.nameAscii,
  };
  const expected = successor ? successor.code : 'a province code valid in the period';
  const message = RULE_MESSAGES['location.province']({ code: province, period, mergedInto });
  issues.add('error', at, 'location.province', expected, province, message);
}

/** The province a ma_tinh cell names: a code ("1", "01", "48 - Đà Nẵng") or a unit's name. */
export function provinceInCell(raw: RawCell, period: Period): string {
  const text = showRaw(raw);
  const code = /^(\d{1,2})(?!\d)/.exec(text);
  if (code) return code[1]!.padStart(2, '0');
  const key = matchKey(text);
  const unit = provinces()
    .validIn(period)
    .find((u) => matchKey(u.nameVi) === key || matchKey(u.nameAscii) === key);
  return unit?.code ?? text;
}

/** The period a ky_bao_cao cell names: "2025-08", "2025/08", "08/2025", "8/2025" or a date. */
export function periodInCell(raw: RawCell): string {
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) return raw.toISOString().slice(0, 7);
  const text = showRaw(raw);
  const ym = /^(\d{4})[-/.](\d{1,2})$/.exec(text);
  if (ym) return `${ym[1]}-${ym[2]!.padStart(2, '0')}`;
  const my = /^(\d{1,2})[-/.](\d{4})$/.exec(text);
  if (my) return `${my[2]}-${my[1]!.padStart(2, '0')}`;
  return text;
}
