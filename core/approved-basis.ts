/**
 * The two bases the national figures are shown on (the dashboard's toggle, kept in the URL):
 * `latest` what the lake counts (the approved upload while a report is approved, else the latest
 * accepted) and `approved` approved reports only. Shared by the refresh, which writes the
 * approved-only files, and the page, which counts units on the basis shown.
 */
import type { ApprovalRow, CompletenessRow } from './contracts/site-data.ts';

export const FIGURE_BASES = ['latest', 'approved'] as const;
export type FigureBasis = (typeof FIGURE_BASES)[number];

export const reportKey = (dataset: string, period: string, province: string) =>
  `${dataset}/${period}/${province}`;

/** The approved reports, as dataset/period/province keys. */
export function approvedKeys(approvals: readonly ApprovalRow[]): Set<string> {
  return new Set(
    approvals.filter((a) => a.state === 'approved').map((a) => reportKey(a.dataset, a.period, a.province)),
  );
}

/**
 * The completeness rows as the approved-only figures see them: a report not approved is
 * `missing` there, so the like-for-like changes and the "x/y tỉnh" lines count approved units only.
 */
export function approvedCompleteness(
  completeness: readonly CompletenessRow[],
  approvals: readonly ApprovalRow[],
): CompletenessRow[] {
  const approved = approvedKeys(approvals);
  return completeness.map((c) =>
    approved.has(reportKey(c.dataset, c.period, c.province)) ? c : { ...c, status: 'missing' },
  );
}

/**
 * Which rows of a dataset a national sum counts on `basis`: every row on `latest`; on `approved`,
 * those of the units whose report of the dataset for the month is approved (as the approved-only
 * national.json sums), so a sum on that basis differs by exactly the unapproved units' figures.
 */
export function countedOn(
  basis: FigureBasis,
  dataset: string,
  approvals: readonly ApprovalRow[],
): (row: { period: string; province: string }) => boolean {
  if (basis === 'latest') return () => true;
  const approved = approvedKeys(approvals);
  return (row) => approved.has(reportKey(dataset, row.period, row.province));
}
