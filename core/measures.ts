/**
 * The measures a province-month summary holds: additive figures (sums and counts) of one dataset,
 * each defined once here as what one accepted row adds. The summary files, the dashboard queries
 * over them and the list of measures analysts may name all come from this table.
 */
import type { DatasetName } from './datasets/index.ts';

export type SummaryRow = Readonly<Record<string, string | number | null>>;

export interface MeasureDef {
  name: string;
  dataset: DatasetName;
  unit: 'vnd' | 'count' | 'people';
  /** What one row adds to the measure. */
  of(row: SummaryRow): number;
}

const num = (row: SummaryRow, key: string): number => {
  const value = row[key];
  return typeof value === 'number' ? value : value === null || value === undefined ? 0 : Number(value);
};
const text = (row: SummaryRow, key: string): string => String(row[key] ?? '');
const debtTotal = (r: SummaryRow) => num(r, 'no_bhxh') + num(r, 'no_bhyt') + num(r, 'no_bhtn');
const owing = (r: SummaryRow) => debtTotal(r) > 0;

/** Penal Code Art. 216 thresholds for referring an employer to the police. */
export const ART216 = { months: 6, amountVnd: 50_000_000, employees: 10 } as const;
export const meetsArt216 = (r: SummaryRow): boolean =>
  owing(r) &&
  num(r, 'so_thang_no') >= ART216.months &&
  (debtTotal(r) >= ART216.amountVnd || num(r, 'so_lao_dong') >= ART216.employees);

const m = (
  dataset: DatasetName,
  unit: MeasureDef['unit'],
  name: string,
  of: MeasureDef['of'],
): MeasureDef => ({
  name,
  dataset,
  unit,
  of,
});
const flag = (b: boolean) => (b ? 1 : 0);

const DEBT: MeasureDef[] = [
  m('debt', 'vnd', 'debt_bhxh', (r) => num(r, 'no_bhxh')),
  m('debt', 'vnd', 'debt_bhyt', (r) => num(r, 'no_bhyt')),
  m('debt', 'vnd', 'debt_bhtn', (r) => num(r, 'no_bhtn')),
  m('debt', 'vnd', 'debt_total', debtTotal),
  m('debt', 'vnd', 'debt_3m_plus', (r) => (num(r, 'so_thang_no') >= 3 ? debtTotal(r) : 0)),
  m('debt', 'vnd', 'debt_evading', (r) => (text(r, 'tinh_trang') === 'evading' ? debtTotal(r) : 0)),
  m('debt', 'vnd', 'arrears_recovered', (r) => num(r, 'da_thu_hoi')),
  m('debt', 'count', 'employers_owing', (r) => flag(owing(r))),
  m('debt', 'count', 'debtors_3m_plus', (r) => flag(owing(r) && num(r, 'so_thang_no') >= 3)),
  m('debt', 'count', 'debtors_art216', (r) => flag(meetsArt216(r))),
  m('debt', 'people', 'employees_owed', (r) => (owing(r) ? num(r, 'so_lao_dong') : 0)),
];

export const SCHEMES = ['si_compulsory', 'si_voluntary', 'ui', 'hi'] as const;
const COVERAGE: MeasureDef[] = SCHEMES.flatMap((scheme) => {
  const of = (key: string) => (r: SummaryRow) => (text(r, 'loai_hinh') === scheme ? num(r, key) : 0);
  return [
    m('coverage', 'people', `${scheme}_participants`, of('so_nguoi_tham_gia')),
    m('coverage', 'people', `${scheme}_target`, of('chi_tieu_giao')),
    m('coverage', 'people', `${scheme}_base`, of('dan_so_co_so')),
  ];
});

const ENFORCEMENT: MeasureDef[] = [
  m('enforcement', 'count', 'inspections', (r) => num(r, 'so_cuoc_thanh_tra')),
  m('enforcement', 'count', 'employers_inspected', (r) => num(r, 'so_don_vi_duoc_thanh_tra')),
  m('enforcement', 'count', 'employers_violating', (r) => num(r, 'so_don_vi_vi_pham')),
  m('enforcement', 'count', 'sanction_decisions', (r) => num(r, 'so_quyet_dinh_xu_phat')),
  m('enforcement', 'vnd', 'fines_imposed', (r) => num(r, 'tien_phat')),
  m('enforcement', 'vnd', 'fines_collected', (r) => num(r, 'tien_phat_da_thu')),
];

export const ARTICLES = ['214', '215', '216'] as const;
export const STAGES = [
  'sent',
  'accepted',
  'prosecuted',
  'tried',
  'not_prosecuted',
  'returned',
  'suspended',
] as const;
const PROSECUTION: MeasureDef[] = [
  m('prosecution', 'count', 'dossiers', () => 1),
  m('prosecution', 'vnd', 'dossiers_amount', (r) => num(r, 'so_tien')),
  m('prosecution', 'count', 'dossiers_prosecuted', (r) =>
    flag(['prosecuted', 'tried'].includes(text(r, 'trang_thai'))),
  ),
  ...STAGES.map((s) =>
    m('prosecution', 'count', `dossiers_stage_${s}`, (r) => flag(text(r, 'trang_thai') === s)),
  ),
  ...ARTICLES.map((a) =>
    m('prosecution', 'count', `dossiers_art${a}`, (r) => flag(text(r, 'dieu_luat') === a)),
  ),
];

const PROCEDURES: MeasureDef[] = [
  m('procedures', 'count', 'procedures_received', (r) => num(r, 'tiep_nhan')),
  m('procedures', 'count', 'procedures_on_time', (r) => num(r, 'dung_han')),
  m('procedures', 'count', 'procedures_late', (r) => num(r, 'tre_han')),
  m('procedures', 'count', 'procedures_resolved', (r) => num(r, 'dung_han') + num(r, 'tre_han')),
  m('procedures', 'count', 'procedures_pending', (r) => num(r, 'dang_giai_quyet')),
  m('procedures', 'count', 'procedures_overdue', (r) => num(r, 'qua_han')),
];

export const FUNDS = ['bhxh', 'bhyt', 'bhtn'] as const;
const COLLECTION: MeasureDef[] = [
  m('collection', 'vnd', 'collection_due', (r) => num(r, 'so_phai_thu')),
  m('collection', 'vnd', 'collection_collected', (r) => num(r, 'so_da_thu')),
  m('collection', 'vnd', 'late_interest', (r) => num(r, 'lai_cham_dong')),
  ...FUNDS.map((f) =>
    m('collection', 'vnd', `collection_due_${f}`, (r) =>
      text(r, 'loai_bao_hiem') === f ? num(r, 'so_phai_thu') : 0,
    ),
  ),
];

export const MEASURES: readonly MeasureDef[] = [
  ...DEBT,
  ...COVERAGE,
  ...ENFORCEMENT,
  ...PROSECUTION,
  ...PROCEDURES,
  ...COLLECTION,
];
export const MEASURE_NAMES: readonly string[] = MEASURES.map((d) => d.name);

export function isMeasureName(name: string): boolean {
  return MEASURE_NAMES.includes(name);
}
