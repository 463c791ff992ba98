/**
 * The province page's lists: the reports behind the month's figures with their receipts (from the
 * ledger), and the police-coordination list of the unit's latest month, each exportable.
 */
import type { ReportRow } from '../../../core/contracts/site-data.ts';
import { formatPeriod, formatTimestamp } from '../../../core/format.ts';
import { categoryLabel, datasetTitle, pick, t } from '../i18n.ts';
import { VIEW_TEXT } from '../../../core/messages/index.ts';
import { stampFor, type PageContext } from '../page-context.ts';
import { loadPolice } from '../site-data-client.ts';
import { tablePanel } from '../table-panel.ts';
import { FIRST_PERIOD_OF_34 } from '../../../core/unit-names.ts';

const STATUS_TEXT = {
  accepted: 'uploadAccepted',
  rejected: 'uploadRejected',
  duplicate: 'uploadDuplicate',
} as const;

/** The month's uploads of the unit (and, restated, of the old units merged into it). */
export function reportsPanel(ctx: PageContext, code: string, reports: readonly ReportRow[]): void {
  const { period, geography } = ctx.route;
  const currentOf = new Map(
    ctx.data.units.filter((u) => u.generation === '63').map((u) => [u.code, u.current_code]),
  );
  const mine = (r: ReportRow) =>
    r.province === code ||
    (geography === 'current' && r.period < FIRST_PERIOD_OF_34 && currentOf.get(r.province) === code);
  const rows = reports
    .filter((r) => r.period === period && mine(r))
    .sort((a, b) => a.dataset.localeCompare(b.dataset) || b.received_at.localeCompare(a.received_at))
    .map((r) => ({
      dataset: datasetTitle(r.dataset),
      file_name: r.file_name,
      received_at: formatTimestamp(r.received_at),
      status: t(STATUS_TEXT[r.status]),
      rows_accepted: r.rows_accepted,
      rows_rejected: r.rows_rejected,
      errors: r.error_count,
      warnings: r.warning_count,
      receipt: r.upload_id,
      sha256: r.sha256.slice(0, 12),
    }));
  tablePanel(ctx.root, {
    id: 'reports',
    title: `${t('provinceReports')} · ${formatPeriod(period)}`,
    table: {
      columns: [
        { key: 'dataset', label: t('dataset') },
        { key: 'file_name', label: t('file') },
        { key: 'received_at', label: t('receivedAt') },
        { key: 'status', label: t('status') },
        { key: 'rows_accepted', label: t('rowsAccepted') },
        { key: 'rows_rejected', label: t('rowsRejected') },
        { key: 'errors', label: t('receiptErrors') },
        { key: 'warnings', label: t('receiptWarnings') },
        { key: 'receipt', label: t('receipt') },
        { key: 'sha256', label: 'SHA-256' },
      ],
      rows,
    },
    fileName: `bao-cao-${code}-${period}`,
    stamp: stampFor(ctx, null, { province: code }),
    shown: 60,
  });
}

/** Employers owing 3+ months in the unit's latest month, those over the Art. 216 thresholds first. */
export async function policePanel(ctx: PageContext, code: string): Promise<void> {
  const current = ctx.names.find(code, '34') ? code : (ctx.names.find(code, '63')?.current_code ?? code);
  const list = await loadPolice(current);
  const latest = ctx.data.meta.latest_period;
  const panel = tablePanel(ctx.root, {
    id: 'police',
    title: `${t('policeList')} · ${ctx.names.nameOf(current, latest, 'current')} · ${formatPeriod(latest)}`,
    table: {
      columns: [
        { key: 'ma_so_thue', label: t('taxCode') },
        { key: 'ten_don_vi', label: t('employer') },
        { key: 'debt_total', label: t('debtTotal') },
        { key: 'so_thang_no', label: t('monthsOwed') },
        { key: 'so_lao_dong', label: t('employees') },
        { key: 'tinh_chat', label: t('debtNature') },
        { key: 'bien_phap', label: t('debtAction') },
        { key: 'art216', label: t('art216') },
      ],
      rows: list.map((r) => ({
        ...r,
        // a nature the report did not state (a version-1 row that was only sued or referred) is
        // said so, never guessed from the action
        tinh_chat: r.tinh_chat === null ? t('notStated') : categoryLabel(r.tinh_chat),
        bien_phap: r.bien_phap === null ? t('notStated') : categoryLabel(r.bien_phap),
        art216: r.art216 === 1 ? t('yes') : t('no'),
      })),
    },
    fileName: `danh-sach-phoi-hop-cong-an-${current}-${latest}`,
    stamp: stampFor(ctx, 'debt', { province: current, period: latest }),
    shown: 100,
  });
  // Employer-level lists exist for the latest month only: say so when another month is in view.
  if (ctx.route.period !== latest) {
    const note = document.createElement('p');
    note.className = 'police-month';
    note.textContent = pick(VIEW_TEXT.policeMonth(formatPeriod(latest), formatPeriod(ctx.route.period)));
    panel.querySelector('.panel-header')?.after(note);
  }
}
