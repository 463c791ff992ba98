/**
 * The receipt on screen: status, row counts, the totals the province reported, and every error
 * and warning as a table (where, the rule in words, found, expected, what to do) in the page's
 * language, times on Vietnam's clock, with the marked workbook to download when there is
 * something to fix.
 */
import { DATASETS, isDatasetName, lakeColumns } from '../../../core/datasets/index.ts';
import {
  type Lang,
  cellInWords,
  expectedInWords,
  ruleName,
  vietnamTime,
  PORTAL_TEXT,
  type PortalTextKey,
} from '../../../core/messages/index.ts';
import type { Receipt, ReceiptIssue } from '../../../core/contracts/receipt.ts';
import { lang, pick } from '../i18n.ts';
import type { ReceiptAnswer } from './api-client.ts';
import { receiptQuery } from './api-client.ts';
import { el, table } from './dom.ts';

const tx = (key: PortalTextKey) => pick(PORTAL_TEXT[key]);
const number = (n: number) => n.toLocaleString(lang() === 'vi' ? 'vi-VN' : 'en-US');

/** A column by its template header in the reader's language (the key only if unknown). */
function columnLabel(dataset: string, key: string | null, reader: Lang = lang()): string {
  if (key === null) return '';
  const column = isDatasetName(dataset)
    ? lakeColumns(DATASETS[dataset]).find((c) => c.key === key)
    : undefined;
  return column ? (reader === 'vi' ? column.vi : column.en) : key;
}

/** The values a category column takes, as the template lists them in the reader's language. */
function allowedValues(dataset: string, key: string | null, reader: Lang): string {
  const column = isDatasetName(dataset)
    ? lakeColumns(DATASETS[dataset]).find((c) => c.key === key)
    : undefined;
  if (column?.type.kind !== 'category') return '';
  return column.type.options.map((o) => (reader === 'vi' ? o.vi : o.code)).join('; ');
}

/**
 * One issue as an officer reads it: where it is, the rule in words, what was found and what is
 * expected, and the sentence that says how to put it right. The rule id stays in the receipt's
 * JSON (and in the row's data-rule, for programs), never in the text.
 */
export function issueCells(dataset: string, issue: ReceiptIssue, reader: Lang): string[] {
  const column = columnLabel(dataset, issue.column, reader);
  return [
    cellInWords(issue, column, reader),
    ruleName(issue.rule, reader),
    issue.found,
    issue.rule === 'category.unknown'
      ? allowedValues(dataset, issue.column, reader)
      : expectedInWords(issue.rule, issue.expected, reader),
    reader === 'vi' ? issue.message_vi : issue.message_en,
  ];
}

function issuesTable(caption: string, receipt: Receipt, issues: readonly ReceiptIssue[]): HTMLElement {
  if (issues.length === 0) return el('p', {}, [`${caption}: ${tx('noIssues')}`]);
  const headers = ['cell', 'rule', 'found', 'expected', 'message'] as const;
  return table(
    `${caption} (${number(issues.length)})`,
    headers.map(tx),
    issues.map((i) => issueCells(receipt.upload.dataset, i, lang())),
  );
}

export function renderReceipt(target: HTMLElement, answer: ReceiptAnswer, sentSha256: string): void {
  const { receipt, record } = answer;
  const status = record.status === 'duplicate' ? 'duplicate' : receipt.status;
  const totals = Object.entries(receipt.totals).map(([key, value]) => [
    columnLabel(receipt.upload.dataset, key),
    number(value),
  ]);
  const parts: Node[] = [
    el('h2', { id: 'receipt-heading' }, [tx('receiptHeading')]),
    el('p', { class: `receipt-status receipt-${status}`, 'data-status': status }, [
      `${tx('status')}: ${tx(status)}`,
    ]),
    ...(receipt.held
      ? [
          el('p', { class: 'receipt-held', 'data-status': 'held' }, [
            lang() === 'vi' ? receipt.held.message_vi : receipt.held.message_en,
          ]),
        ]
      : []),
    el('p', { class: 'receipt-file' }, [
      `${receipt.upload.key} · ${vietnamTime(receipt.upload.received_at, lang())}`,
    ]),
    el('dl', { class: 'receipt-rows' }, [
      el('dt', {}, [tx('rowsRead')]),
      el('dd', {}, [number(receipt.rows.read)]),
      el('dt', {}, [tx('rowsAccepted')]),
      el('dd', {}, [number(receipt.rows.accepted)]),
      el('dt', {}, [tx('rowsRejected')]),
      el('dd', {}, [number(receipt.rows.rejected)]),
    ]),
  ];
  if (receipt.upload.sha256 !== sentSha256)
    parts.push(el('p', { class: 'receipt-warning', role: 'alert' }, [tx('checksumDiffers')]));
  if (totals.length > 0) parts.push(table(tx('totals'), [tx('column'), tx('totals')], totals));
  parts.push(issuesTable(tx('errors'), receipt, receipt.errors));
  parts.push(issuesTable(tx('warnings'), receipt, receipt.warnings));
  if (receipt.errors.length + receipt.warnings.length > 0)
    parts.push(
      el('p', {}, [
        el(
          'a',
          { href: `api/annotated?${receiptQuery(receipt.upload.key, receipt.upload.sha256)}`, download: '' },
          [tx('annotated')],
        ),
      ]),
    );
  target.replaceChildren(...parts);
  // which ledger record this is (tests check it is the upload just made, not an earlier one)
  target.dataset.ingestedAt = record.ingested_at;
  target.hidden = false;
}
