/**
 * Checks a coverage upload's `chi_tieu_giao` against the national targets reference. A province
 * does not set its own target: a figure that disagrees is a warning with the assigned number and
 * the deciding document, and the figures take the assigned target whatever the upload says. A
 * unit-year the reference holds no targets for is a warning too (the upload is still accepted;
 * figures against the target leave the unit out rather than count it as 0).
 */
import { RULE_MESSAGES, type Bilingual } from '../messages/index.ts';
import { REFORM_FIRST_PERIOD, type Period } from '../period.ts';
import { TARGET_SCHEMES, type TargetScheme, type Targets } from './targets.ts';

export interface TargetFinding {
  code: 'target.differs' | 'target.missing';
  scheme?: TargetScheme;
  /** The row the officer sees, when the caller gave one; null for the whole file. */
  row: number | null;
  /** The assigned target with its decision, "1234567 (QĐ 123/QĐ-BHXH, 2024-12-20)", or what is missing. */
  expected: string;
  /** The number the upload carries, or "" when the reference has none to compare with. */
  found: string;
  message: Bilingual;
}

export interface CoverageTargetCell {
  loai_hinh: string;
  chi_tieu_giao: number | null;
  /** The row number in the file, carried into the finding. */
  row?: number;
}

/** What `expected` says when the reference has no targets for the unit-year. */
export const MISSING_TARGET_EXPECTED = 'an assigned target';

const isScheme = (s: string): s is TargetScheme => (TARGET_SCHEMES as readonly string[]).includes(s);

export function checkCoverageTargets(
  rows: readonly CoverageTargetCell[],
  targets: Targets,
  province: string,
  period: Period,
): TargetFinding[] {
  const year = Number(period.slice(0, 4));
  const assigned = targets.of(year, period >= REFORM_FIRST_PERIOD ? '34' : '63', province);
  if (!assigned)
    return [
      {
        code: 'target.missing',
        row: null,
        expected: MISSING_TARGET_EXPECTED,
        found: '',
        message: RULE_MESSAGES['target.missing']({ province, year }),
      },
    ];
  const decision = `${assigned.decision_no}, ${assigned.decision_date}`;
  return rows.flatMap((row): TargetFinding[] => {
    if (!isScheme(row.loai_hinh) || row.chi_tieu_giao === null) return [];
    const expected = assigned.participants[row.loai_hinh];
    if (row.chi_tieu_giao === expected) return [];
    return [
      {
        code: 'target.differs',
        scheme: row.loai_hinh,
        row: row.row ?? null,
        expected: `${expected} (${decision})`,
        found: String(row.chi_tieu_giao),
        message: RULE_MESSAGES['target.differs']({
          scheme: row.loai_hinh,
          reported: row.chi_tieu_giao,
          assigned: expected,
          decision,
        }),
      },
    ];
  });
}
