/**
 * How many units' reports of a month are approved, pending approval, reopened, or not reported at
 * all (approvals.json), over the region chosen, in the units of that month. A unit without a
 * report is counted as "chưa báo cáo", never as approved or pending.
 */
import { DATASET_NAMES } from '../../core/datasets/index.ts';
import { APPROVAL_TEXT } from '../../core/messages/index.ts';
import { formatPeriod } from '../../core/format.ts';
import { datasetTitle, pick } from './i18n.ts';
import type { PageContext } from './page-context.ts';

export const APPROVAL_STATES = ['approved', 'pending', 'reopened', 'missing'] as const;
export type ApprovalCounts = Record<(typeof APPROVAL_STATES)[number], number> & {
  expected: number;
  held: number;
};

/** The month's counts for one dataset, over the region chosen (units in the month's geography). */
export function approvalCounts(ctx: PageContext, dataset: string, period: string): ApprovalCounts {
  const counts: ApprovalCounts = { approved: 0, pending: 0, reopened: 0, missing: 0, expected: 0, held: 0 };
  for (const a of ctx.data.approvals) {
    if (a.dataset !== dataset || a.period !== period) continue;
    if (ctx.route.region && ctx.names.regionOf(a.province, a.period) !== ctx.route.region) continue;
    counts[a.state] += 1;
    counts.expected += 1;
    counts.held += a.held;
  }
  return counts;
}

/** "20 đã phê duyệt · 10 chờ phê duyệt · 1 đã mở lại · 3 chưa báo cáo". */
export function countsText(counts: ApprovalCounts): string {
  return APPROVAL_STATES.map((s) => `${counts[s].toLocaleString('vi-VN')} ${pick(APPROVAL_TEXT[s])}`).join(
    ' · ',
  );
}

const sameCounts = (a: ApprovalCounts, b: ApprovalCounts) => APPROVAL_STATES.every((s) => a[s] === b[s]);

/**
 * The month's sign-off in one line (the overview's): the counts in words when every report stands
 * the same, else each report's four counts in short ("Nợ đóng 15/14/2/3 · …").
 */
export function approvalLine(ctx: PageContext, period: string): { text: string; perReport: boolean } {
  const month = formatPeriod(period);
  const perDataset = DATASET_NAMES.map((d) => ({ dataset: d, counts: approvalCounts(ctx, d, period) }));
  const first = perDataset[0];
  if (!first || perDataset.every((d) => sameCounts(d.counts, first.counts))) {
    const counts = first ? countsText(first.counts) : '';
    const all = pick(APPROVAL_TEXT.perReport(pick(APPROVAL_TEXT.allReports), counts));
    return { text: pick(APPROVAL_TEXT.line(month, all)), perReport: false };
  }
  const parts = perDataset.map(({ dataset, counts }) => {
    const name = APPROVAL_TEXT.short[dataset];
    return `${name ? pick(name) : datasetTitle(dataset)} ${APPROVAL_STATES.map((s) => counts[s]).join('/')}`;
  });
  return { text: pick(APPROVAL_TEXT.compactLine(month, parts.join(' · '))), perReport: true };
}

/** Rows of the reporting page's sign-off table: one per report, with each count as a number. */
export function approvalTableRows(ctx: PageContext, period: string): Record<string, string | number>[] {
  return DATASET_NAMES.map((dataset) => ({
    dataset: datasetTitle(dataset),
    ...approvalCounts(ctx, dataset, period),
  }));
}
