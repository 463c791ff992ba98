/**
 * The receipt on screen: status, row counts, the totals the province reported, and every error
 * and warning as a table (sheet, row, column, rule, expected, found, message) in the page's
 * language, with the marked workbook to download when there is something to fix.
 */
import { DATASETS, isDatasetName } from '../../../lib/datasets/index.ts';
import type { Receipt, ReceiptIssue } from '../../../lib/receipt.ts';
import { lang, pick } from '../i18n.ts';
import type { ReceiptAnswer } from './api-client.ts';
import { receiptQuery } from './api-client.ts';
import { el, table } from './dom.ts';
import { PORTAL_TEXT, type PortalTextKey } from './portal-text.ts';

const tx = (key: PortalTextKey) => pick(PORTAL_TEXT[key]);
const number = (n: number) => n.toLocaleString(lang() === 'vi' ? 'vi-VN' : 'en-US');

function columnLabel(dataset: string, key: string | null): string {
  if (key === null) return '';
  const column = isDatasetName(dataset) ? DATASETS[dataset].columns.find((c) => c.key === key) : undefined;
  return column ? `${lang() === 'vi' ? column.vi : column.en} (${key})` : key;
}

function issuesTable(caption: string, receipt: Receipt, issues: readonly ReceiptIssue[]): HTMLElement {
  if (issues.length === 0) return el('p', {}, [`${caption}: ${tx('noIssues')}`]);
  const headers = ['sheet', 'row', 'column', 'rule', 'expected', 'found', 'message'] as const;
  return table(
    `${caption} (${number(issues.length)})`,
    headers.map(tx),
    issues.map((i) => [
      i.sheet ?? '',
      i.row === null ? '' : String(i.row),
      columnLabel(receipt.upload.dataset, i.column),
      i.rule,
      i.expected,
      i.found,
      lang() === 'vi' ? i.message_vi : i.message_en,
    ]),
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
    el('p', { class: 'receipt-file' }, [`${receipt.upload.key} · ${receipt.upload.received_at}`]),
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
  target.hidden = false;
}
