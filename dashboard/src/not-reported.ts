/**
 * Units without a report, shown as such wherever units are ranked or listed: a line under the
 * chart naming them, and rows at the end of the export marked "chưa báo cáo" with no figure, so
 * no one reads a missing report as a zero or as the best of the ranking.
 */
import type { Cell } from './data-table.ts';
import { pick } from './i18n.ts';
import { CHANGE_TEXT } from '../../core/messages/index.ts';
import { nameOf, reportedUnits, unitsShown, type PageContext } from './page-context.ts';

/** The codes of the units shown for `period` whose `dataset` report did not arrive. */
export function unreportedUnits(ctx: PageContext, dataset: string, period: string): string[] {
  const reported = reportedUnits(ctx, dataset, period);
  return unitsShown(ctx, period).filter((code) => !reported.has(code));
}

/** Rows for a ranking's export: each unreported unit, its figures empty and its status said. */
export function unreportedRows(
  ctx: PageContext,
  codes: readonly string[],
  period: string,
  empty: readonly string[],
): (Record<string, Cell> & { province: string; name: string })[] {
  const status = pick(CHANGE_TEXT.notReported);
  return codes.map((province) => ({
    province,
    code: province,
    name: nameOf(ctx, province, period),
    ...Object.fromEntries(empty.map((key) => [key, null])),
    status,
  }));
}

/** The line under a ranking naming the units left out of it, added when there are any. */
export function appendUnreportedNote(
  ctx: PageContext,
  panel: HTMLElement,
  codes: readonly string[],
  period: string,
): void {
  if (codes.length === 0) return;
  const note = document.createElement('p');
  note.className = 'not-reported';
  note.dataset.count = String(codes.length);
  note.textContent = pick(
    CHANGE_TEXT.notReportedList(codes.map((code) => nameOf(ctx, code, period)).join(', ')),
  );
  panel.append(note);
}
