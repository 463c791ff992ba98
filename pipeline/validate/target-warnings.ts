/**
 * The national targets check of a coverage upload (core/reference/check-targets.ts) as receipt
 * warnings: the province's `chi_tieu_giao` is its own view of a nationally assigned number, so a
 * difference never rejects the upload, it tells the officer which number counts and why.
 */
import type { UploadLocation } from '../../core/contracts/layout.ts';
import { checkCoverageTargets } from '../../core/reference/check-targets.ts';
import type { Targets } from '../../core/reference/targets.ts';
import type { IssueList } from './issue-list.ts';
import type { CellValue } from './parse-cell.ts';

/** The column the findings are about. */
const TARGET_COLUMN = 'chi_tieu_giao';

const numberOrNull = (v: CellValue | undefined): number | null => (typeof v === 'number' ? v : null);

export function addTargetWarnings(
  location: UploadLocation,
  sheet: string | null,
  rows: ReadonlyArray<{ number: number; values: Readonly<Partial<Record<string, CellValue>>> }>,
  targets: Targets,
  issues: IssueList,
): void {
  if (location.dataset !== 'coverage' || rows.length === 0) return;
  const cells = rows.map((r) => ({
    row: r.number,
    loai_hinh: String(r.values.loai_hinh ?? ''),
    chi_tieu_giao: numberOrNull(r.values[TARGET_COLUMN]),
  }));
  for (const finding of checkCoverageTargets(cells, targets, location.province, location.period)) {
    const at = { sheet, row: finding.row, column: TARGET_COLUMN };
    issues.add('warning', at, finding.code, finding.expected, finding.found, finding.message);
  }
}
