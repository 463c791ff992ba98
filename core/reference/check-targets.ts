/**
 * Checks a coverage upload's `chi_tieu_giao` against the national targets reference. A province
 * does not set its own target: a figure that disagrees is a warning with the assigned number and
 * the deciding document, and the figures take the assigned target whatever the upload says.
 */
import { TARGET_MESSAGES, type Bilingual } from '../messages/index.ts';
import { REFORM_FIRST_PERIOD, type Period } from '../period.ts';
import { TARGET_SCHEMES, type TargetScheme, type Targets } from './targets.ts';

export interface TargetFinding {
  code: 'target.differs' | 'target.missing';
  scheme?: TargetScheme;
  message: Bilingual;
}

export interface CoverageTargetCell {
  loai_hinh: string;
  chi_tieu_giao: number | null;
}

const isScheme = (s: string): s is TargetScheme => (TARGET_SCHEMES as readonly string[]).includes(s);

export function checkCoverageTargets(
  rows: readonly CoverageTargetCell[],
  targets: Targets,
  province: string,
  period: Period,
): TargetFinding[] {
  const year = Number(period.slice(0, 4));
  const assigned = targets.of(year, period >= REFORM_FIRST_PERIOD ? '34' : '63', province);
  if (!assigned) return [{ code: 'target.missing', message: TARGET_MESSAGES.missing({ province, year }) }];
  const decision = `${assigned.decision_no} (${assigned.decision_date})`;
  return rows.flatMap((row): TargetFinding[] => {
    if (!isScheme(row.loai_hinh) || row.chi_tieu_giao === null) return [];
    const expected = assigned.participants[row.loai_hinh];
    if (row.chi_tieu_giao === expected) return [];
    return [
      {
        code: 'target.differs',
        scheme: row.loai_hinh,
        message: TARGET_MESSAGES.differs({
          scheme: row.loai_hinh,
          reported: row.chi_tieu_giao,
          assigned: expected,
          decision,
        }),
      },
    ];
  });
}
