import { type Bilingual, type RuleId, RULE_MESSAGES } from '../../core/messages/index.ts';
import type { ReceiptIssue } from '../../core/contracts/receipt.ts';

/** A receipt lists this many errors (and as many warnings); the rest are counted, not listed. */
export const MAX_LISTED_ISSUES = 1000;

export type Severity = 'error' | 'warning';

export interface IssueAt {
  sheet: string | null;
  row: number | null;
  column: string | null;
}

/**
 * Collects a receipt's errors and warnings. A million-row file full of one mistake must still
 * give a small receipt, so listing stops at the cap while counting goes on; the last listed
 * entry (`issues.truncated`) then says how many there were in all.
 */
export class IssueList {
  readonly errors: ReceiptIssue[] = [];
  readonly warnings: ReceiptIssue[] = [];
  errorCount = 0;
  warningCount = 0;
  /** Row numbers with at least one error. */
  readonly rowsWithErrors = new Set<number>();

  add(
    severity: Severity,
    at: IssueAt,
    rule: RuleId,
    expected: string,
    found: string,
    /** A function where building the text costs: past the cap it is never called. */
    message: Bilingual | (() => Bilingual),
  ): void {
    const list = severity === 'error' ? this.errors : this.warnings;
    if (severity === 'error') {
      this.errorCount += 1;
      if (at.row !== null) this.rowsWithErrors.add(at.row);
    } else this.warningCount += 1;
    if (list.length >= MAX_LISTED_ISSUES) return;
    const text = typeof message === 'function' ? message() : message;
    list.push({ ...at, rule, expected, found, message_vi: text.vi, message_en: text.en });
  }

  /** The listed issues, each list closed by a truncation note when entries were left out. */
  listed(): { errors: ReceiptIssue[]; warnings: ReceiptIssue[] } {
    return {
      errors: withNote(this.errors, this.errorCount, 'errors'),
      warnings: withNote(this.warnings, this.warningCount, 'warnings'),
    };
  }
}

function withNote(list: ReceiptIssue[], total: number, kind: 'errors' | 'warnings'): ReceiptIssue[] {
  if (total <= list.length) return list;
  const message = RULE_MESSAGES['issues.truncated']({ kind, total, shown: list.length });
  const note: ReceiptIssue = {
    sheet: null,
    row: null,
    column: null,
    rule: 'issues.truncated',
    expected: String(list.length),
    found: String(total),
    message_vi: message.vi,
    message_en: message.en,
  };
  return [...list, note];
}

/** How many errors and warnings a receipt holds, truncated lists included (for the ledger). */
export function issueCounts(receipt: {
  errors: readonly ReceiptIssue[];
  warnings: readonly ReceiptIssue[];
}): { errors: number; warnings: number } {
  const count = (list: readonly ReceiptIssue[]) => {
    const note = list.find((issue) => issue.rule === 'issues.truncated');
    return note ? Number(note.found) : list.length;
  };
  return { errors: count(receipt.errors), warnings: count(receipt.warnings) };
}
