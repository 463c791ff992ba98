/**
 * The reader's view in one place: month, geography (as reported / restated to the 34), region and
 * the unit of money. The header states it (so print, which hides the pickers, still says what it
 * shows) and every export's file name carries it, as the URL does.
 */
import { formatPeriod } from '../../core/format.ts';
import { pick, regionLabel, t } from './i18n.ts';
import { VIEW_TEXT } from '../../core/messages/index.ts';
import type { Route } from './route.ts';
import type { DataTable } from './data-table.ts';

let current: Route | undefined;

export function setViewState(route: Route): void {
  current = route;
}

/** "Tháng 09/2025 · Quy đổi về 34 tỉnh, thành phố · Vùng: Tây Nguyên · Tiền: tỷ đồng". */
export function viewLine(route: Route): string {
  const parts = [
    `${t('monthOption')} ${formatPeriod(route.period)}`,
    route.geography === 'current' ? t('current34') : t('asReported'),
    `${t('region')}: ${route.region ? regionLabel(route.region) : t('allRegions')}`,
    pick(route.page === 'province' ? VIEW_TEXT.moneyProvince : VIEW_TEXT.moneyNational),
    pick(route.basis === 'approved' ? VIEW_TEXT.approvedOnlyLine : VIEW_TEXT.approvalBasis),
  ];
  if (route.region && route.page !== 'province') parts.push(pick(VIEW_TEXT.regionScope));
  return parts.join(' · ');
}

/** ASCII words of a name for a file: "Đồng bằng sông Hồng" -> "dong-bang-song-hong". */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * An export's file name with the view it was taken in: "-34" when restated, "-<region>" when
 * chosen, "-da-duyet" when the national figures are approved only.
 */
export function withView(fileName: string): string {
  if (!current) return fileName;
  const parts = [fileName];
  if (current.geography === 'current') parts.push('34');
  if (current.region) parts.push(slug(current.region));
  if (current.basis === 'approved') parts.push('da-duyet');
  return parts.join('-');
}

/** The basis the figures are shown on, in words: the column every export carries. */
export function basisText(): string {
  return pick(current?.basis === 'approved' ? VIEW_TEXT.approvedOnlyLine : VIEW_TEXT.approvalBasis);
}

/** The table as exported: every row says which figures it holds (as print says in the view line). */
export function withBasis(table: DataTable): DataTable {
  const basis = basisText();
  return {
    columns: [...table.columns, { key: BASIS_KEY, label: pick(VIEW_TEXT.basisColumn) }],
    rows: table.rows.map((row) => ({ ...row, [BASIS_KEY]: basis })),
  };
}
const BASIS_KEY = '__basis';
