/** A receipt as a terminal table, in one language. */
import { DATASETS, lakeColumns } from '../../core/datasets/index.ts';
import { CLI_LABELS, type Lang } from '../../core/messages/index.ts';
import type { Receipt, ReceiptIssue } from '../../core/contracts/receipt.ts';

export function issueLines(title: string, issues: readonly ReceiptIssue[], lang: Lang): string[] {
  const L = (k: keyof typeof CLI_LABELS) => CLI_LABELS[k][lang];
  if (issues.length === 0) return [`${title}: ${L('none')}`];
  const header = [L('sheet'), L('row'), L('column'), L('message')];
  const rows = issues.map((i) => [
    i.sheet ?? '',
    i.row === null ? '' : String(i.row),
    i.column ?? '',
    lang === 'vi' ? i.message_vi : i.message_en,
  ]);
  const widths = header.slice(0, 3).map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell)).join('  ');
  return [`${title} (${issues.length}):`, line(header), ...rows.map(line)];
}

export function formatReceipt(receipt: Receipt, lang: Lang): string {
  const L = (k: keyof typeof CLI_LABELS) => CLI_LABELS[k][lang];
  const dataset = DATASETS[receipt.upload.dataset];
  const number = (n: number) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');
  const label = (key: string) => {
    const c = lakeColumns(dataset).find((col) => col.key === key);
    return c ? (lang === 'vi' ? c.vi : c.en) : key;
  };
  const lines = [
    `${L('title')}`,
    `${L('file')}: ${receipt.upload.key}`,
    `${L('dataset')}: ${lang === 'vi' ? dataset.titleVi : dataset.titleEn}  ${L('province')}: ${receipt.upload.province}  ${L('period')}: ${receipt.upload.period}`,
    `${L('status')}: ${L(receipt.status)}`,
    `${L('rowsRead')}: ${number(receipt.rows.read)}  ${L('rowsAccepted')}: ${number(receipt.rows.accepted)}  ${L('rowsRejected')}: ${number(receipt.rows.rejected)}`,
  ];
  if (receipt.status === 'accepted') {
    lines.push(`${L('totals')}:`);
    for (const [key, value] of Object.entries(receipt.totals))
      lines.push(`  ${label(key)}: ${number(value)}`);
  }
  lines.push(
    ...issueLines(L('errors'), receipt.errors, lang),
    ...issueLines(L('warnings'), receipt.warnings, lang),
  );
  return `${lines.join('\n')}\n`;
}
