/**
 * The measures a province-month summary holds: additive figures (sums and counts) of one dataset,
 * each defined once here as what one accepted row adds. The summary files, the dashboard queries
 * over them and the list of measures analysts may name all come from this table.
 */
import { collection } from './datasets/collection.ts';
import { coverage } from './datasets/coverage.ts';
import { debt } from './datasets/debt.ts';
import { lakeColumns, readCategory, versionAdding, versionWithRule } from './datasets/versions.ts';
import { enforcement } from './datasets/enforcement.ts';
import { codesOf, column, summaryMeasures, type DatasetDef, type DatasetName } from './datasets/index.ts';
import { procedures } from './datasets/procedures.ts';
import { prosecution } from './datasets/prosecution.ts';

export type SummaryRow = Readonly<Record<string, string | number | null>>;

export interface MeasureDef {
  name: string;
  dataset: DatasetName;
  unit: 'vnd' | 'count' | 'people';
  /**
   * The first template version whose rows hold what the measure reads: a month of an older
   * version has no value for it (absent from its summary, so NULL, never 0). Default 1.
   */
  since?: number;
  /**
   * The template version from which what the measure sums means something else (its months
   * before and after differ for reasons of reporting): a comparison across it is a break
   * (core/measure-breaks.ts), not a change. Absent: one meaning in every version.
   */
  meaningFrom?: number;
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

/**
 * Age bands of a debt by months overdue, as leadership reads them: under 3, 3 to under 6, 6 to
 * under 12, 12 and more. They split the debt (a paid-off row owes 0), and 3+ is debt_3m_plus.
 */
export const DEBT_AGE_BANDS = [
  { code: 'lt3', from: 0, below: 3 },
  { code: '3_6', from: 3, below: 6 },
  { code: '6_12', from: 6, below: 12 },
  { code: '12_plus', from: 12, below: Number.POSITIVE_INFINITY },
] as const;
type AgeBand = (typeof DEBT_AGE_BANDS)[number];
const inBand = (band: AgeBand, months: number) => months >= band.from && months < band.below;

/** The employer sectors of template version 2 (core/datasets/debt.ts). */
export const DEBT_SECTORS: readonly string[] = (() => {
  const type = lakeColumns(debt).find((c) => c.key === 'khu_vuc')?.type;
  return type?.kind === 'category' ? type.options.map((o) => o.code) : [];
})();

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
  // The nature over both template versions: a version-1 "evading" status, or version 2's nature.
  m('debt', 'vnd', 'debt_evading', (r) =>
    readCategory(debt, r, 'tinh_chat') === 'evading' ? debtTotal(r) : 0,
  ),
  // From the version that lets a row be "paid off this month", recoveries of employers that settled
  // everything are reported too: the sum is larger for reasons of reporting, not of collection.
  {
    ...m('debt', 'vnd', 'arrears_recovered', (r) => num(r, 'da_thu_hoi')),
    meaningFrom: versionWithRule(debt, 'paid_off'),
  },
  m('debt', 'count', 'employers_owing', (r) => flag(owing(r))),
  m('debt', 'count', 'debtors_3m_plus', (r) => flag(owing(r) && num(r, 'so_thang_no') >= 3)),
  m('debt', 'count', 'debtors_art216', (r) => flag(meetsArt216(r))),
  m('debt', 'people', 'employees_owed', (r) => (owing(r) ? num(r, 'so_lao_dong') : 0)),
  ...DEBT_AGE_BANDS.map((b) =>
    m('debt', 'vnd', `debt_age_${b.code}`, (r) => (inBand(b, num(r, 'so_thang_no')) ? debtTotal(r) : 0)),
  ),
  ...DEBT_SECTORS.map((code) => ({
    ...m('debt', 'vnd', `debt_sector_${code}`, (r) => (text(r, 'khu_vuc') === code ? debtTotal(r) : 0)),
    since: versionAdding(debt, 'khu_vuc'),
  })),
  {
    ...m('debt', 'vnd', 'debt_interest', (r) => num(r, 'lai_cham_dong')),
    since: versionAdding(debt, 'lai_cham_dong'),
  },
];

/** The debt page's breakdown: by age band, by employer sector (version 2), interest (version 2). */
export const DEBT_BREAKDOWN_MEASURES = DEBT.filter(
  (d) => d.name.startsWith('debt_age_') || d.name.startsWith('debt_sector_') || d.name === 'debt_interest',
).map((d) => d.name) as readonly DebtBreakdownMeasure[];

/** The sector codes of template version 2, typed as the definition's literals. */
type DebtSector = (typeof debt)['versions'][0]['adds'][0]['columns'][0]['type']['options'][number]['code'];
export type DebtBreakdownMeasure =
  `debt_age_${AgeBand['code']}` | `debt_sector_${DebtSector}` | 'debt_interest';

/** What a row adds to one of the measures the dataset definition names (ColumnDef.output). */
function fromDefinition(dataset: DatasetDef, unit: (column: string) => MeasureDef['unit']): MeasureDef[] {
  return summaryMeasures(dataset).map((s) => {
    const where = s.where;
    const of = where
      ? (r: SummaryRow) => (text(r, where.by) === where.code ? num(r, s.column) : 0)
      : (r: SummaryRow) => num(r, s.column);
    return m(dataset.name, unit(s.column), s.name, of);
  });
}
const vndOrCount = (dataset: DatasetDef) => (key: string) => {
  const type = column(dataset, key).type;
  return type.kind === 'integer' && type.unit === 'vnd' ? 'vnd' : 'count';
};

export const SCHEMES = codesOf(coverage, 'loai_hinh');
const COVERAGE: MeasureDef[] = fromDefinition(coverage, () => 'people');

const ENFORCEMENT: MeasureDef[] = fromDefinition(enforcement, vndOrCount(enforcement));

export const ARTICLES = codesOf(prosecution, 'dieu_luat');
export const STAGES = codesOf(prosecution, 'trang_thai');
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

const PROCEDURES: MeasureDef[] = fromDefinition(procedures, () => 'count');
// resolved (on time + late) is no column of its own: kept after `late`, where the summaries hold it
PROCEDURES.splice(
  PROCEDURES.findIndex((d) => d.name === 'procedures_late') + 1,
  0,
  m('procedures', 'count', 'procedures_resolved', (r) => num(r, 'dung_han') + num(r, 'tre_han')),
);

export const FUNDS = codesOf(collection, 'loai_bao_hiem');
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
