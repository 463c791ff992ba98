/** The what-is-due panel (one line per dataset) and the province's upload history with its receipts. */
import type { DueAnswer, DueStatus } from '../../../core/contracts/due-report.ts';
import { formatPeriod } from '../../../core/format.ts';
import { datasetTitle, lang, pick } from '../i18n.ts';
import { vietnamTime, PORTAL_TEXT, type PortalTextKey } from '../../../core/messages/index.ts';
import { el, table } from './dom.ts';

const tx = (key: PortalTextKey) => pick(PORTAL_TEXT[key]);
const STATUS_TEXT: Record<DueStatus, PortalTextKey> = {
  on_time: 'dueOnTime',
  late: 'dueLate',
  rejected: 'dueRejected',
  missing: 'dueMissing',
};

/** The deadline's last minute on Vietnam's clock: "10/10/2025 23:59 (giờ Việt Nam)". */
function deadlineDay(iso: string): string {
  return vietnamTime(new Date(Date.parse(iso) - 1000).toISOString(), lang());
}

/** A time in Vietnam's clock, in the page's language. */
export function vnTime(iso: string): string {
  return new Date(iso).toLocaleString(lang() === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
}

export function renderDue(
  target: HTMLElement,
  due: DueAnswer,
  showReceipt: (key: string, sha256: string) => void,
): void {
  const reports = table(
    `${tx('dueHeading')} ${formatPeriod(due.period)} · ${due.province}`,
    [tx('dataset'), tx('status'), tx('deadline'), tx('receivedAt')],
    due.reports.map((r) => [
      datasetTitle(r.dataset),
      el('span', { class: `due-${r.status}`, 'data-dataset': r.dataset, 'data-status': r.status }, [
        tx(STATUS_TEXT[r.status]),
      ]),
      deadlineDay(r.deadline),
      r.receivedAt ? vnTime(r.receivedAt) : '',
    ]),
  );
  const overdue =
    due.overdue.length === 0
      ? el('p', { class: 'overdue-none' }, [`${tx('overdueHeading')}: ${tx('noIssues')}`])
      : table(
          `${tx('overdueHeading')} (${due.overdue.length})`,
          [tx('period'), tx('dataset'), tx('status'), tx('deadline')],
          due.overdue.map((r) => [
            formatPeriod(r.period),
            datasetTitle(r.dataset),
            el(
              'span',
              {
                class: `due-${r.status}`,
                'data-overdue': `${r.dataset}|${r.period}`,
                'data-status': r.status,
              },
              [tx(STATUS_TEXT[r.status])],
            ),
            deadlineDay(r.deadline),
          ]),
        );
  overdue.id = 'overdue';
  const history = table(
    tx('historyHeading'),
    [
      tx('receivedAt'),
      tx('period'),
      tx('dataset'),
      tx('file'),
      tx('status'),
      tx('rowsAccepted'),
      tx('errors'),
      '',
    ],
    due.history.map((h) => {
      const button = el('button', { type: 'button' }, [tx('showReceipt')]);
      button.addEventListener('click', () => showReceipt(h.key, h.sha256));
      return [
        vnTime(h.receivedAt),
        formatPeriod(h.period),
        datasetTitle(h.dataset),
        h.fileName,
        tx(h.status),
        String(h.rowsAccepted),
        String(h.errorCount),
        button,
      ];
    }),
  );
  history.id = 'history';
  target.replaceChildren(reports, overdue, history);
}
