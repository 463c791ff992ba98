/**
 * The measures the overview's map can colour provinces by. Each says where its figure comes from
 * (the province rows every page has, or the enforcement file fetched on demand), how it reads in
 * a legend with its unit, and whether more is better, which picks the colour scale's direction.
 * Shared by the live map and the map the refresh draws ahead for the default view.
 */
import type { EnforcementRow, ProvinceRow } from '../contracts/site-data.ts';
import { formatCount, formatFineShare, formatShare, formatVnd } from '../format.ts';
import type { TextKey } from '../messages/index.ts';
import { share, ty } from './scale-values.ts';

export const MAP_MEASURES = [
  'debt_total',
  'debt_3m_plus',
  'late_rate',
  'hi_rate',
  'hi_target',
  'si_rate',
  'on_time_rate',
  'inspections',
] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];

export const isMapMeasure = (value: string | null): value is MapMeasure =>
  MAP_MEASURES.some((m) => m === value);

/**
 * One province's value on the map: `value` on the colour scale, `shown` exact in the tooltip,
 * `raw` for the export in its `unit` (whole đồng for money, never the scale's tỷ with decimals).
 */
export interface MapValue {
  province: string;
  value: number;
  shown: string;
  raw: number;
  unit: 'dong' | 'percent' | 'count';
}

export interface MeasureDef {
  /** Name in the measure picker and the panel title. */
  label: TextKey;
  /** Legend title with the unit, e.g. "Nợ (tỷ đồng)". */
  legend: TextKey;
  /** d3 format of the legend's numbers. */
  format: string;
  /** Sequential single-hue schemes: readable with colour-vision deficiencies and in greyscale. */
  scheme: 'blues' | 'oranges' | 'greens' | 'purples';
  /** The dataset whose reports the figure comes from (for the "from N reports" line). */
  dataset: 'debt' | 'coverage' | 'procedures' | 'enforcement' | 'collection';
  /** The enforcement file is needed (fetched only when this measure is chosen). */
  needsEnforcement: boolean;
  /** Which end lags: a ranking lists the provinces from that end (debt: high; coverage: low). */
  worst: 'high' | 'low';
  /** A rate (dots on an axis fitted to the values in a ranking) or an amount (bars from zero). */
  isRate: boolean;
  values(rows: readonly ProvinceRow[], enforcement: readonly EnforcementRow[]): MapValue[];
}

const money = (pick: (r: ProvinceRow) => number) => (rows: readonly ProvinceRow[]) =>
  rows.map((r) => ({
    province: r.province,
    value: ty(pick(r)),
    shown: formatVnd(pick(r)),
    raw: pick(r),
    unit: 'dong' as const,
  }));

const rate =
  (part: (r: ProvinceRow) => number, whole: (r: ProvinceRow) => number) => (rows: readonly ProvinceRow[]) =>
    rows
      .filter((r) => whole(r) > 0) // no base, no rate: the unit stays grey rather than showing 0%
      .map((r) => ({
        province: r.province,
        value: share(part(r), whole(r)),
        shown: formatShare(part(r), whole(r)),
        raw: Math.round(share(part(r), whole(r)) * 100) / 100,
        unit: 'percent' as const,
      }));

export const MEASURES: Record<MapMeasure, MeasureDef> = {
  debt_total: {
    dataset: 'debt',
    label: 'debtTotal',
    legend: 'debtTy',
    format: ',.0f',
    scheme: 'blues',
    needsEnforcement: false,
    worst: 'high',
    isRate: false,
    values: money((r) => r.debt_total),
  },
  debt_3m_plus: {
    dataset: 'debt',
    label: 'debtOld',
    legend: 'debtOldTy',
    format: ',.0f',
    scheme: 'oranges',
    needsEnforcement: false,
    worst: 'high',
    isRate: false,
    values: money((r) => r.debt_3m_plus),
  },
  // Debt over a year of dues (the month's × 12), as VSS publishes it. A unit without both reports
  // stays grey: no dues, no rate; and a debt of exactly zero is read as a report not sent.
  late_rate: {
    dataset: 'collection',
    label: 'lateRate',
    legend: 'lateRatePercent',
    format: '.2f',
    scheme: 'oranges',
    needsEnforcement: false,
    worst: 'high',
    isRate: true,
    values: (rows) =>
      rows
        .filter((r) => r.collection_due > 0 && r.debt_total > 0)
        .map((r) => ({
          province: r.province,
          value: share(r.debt_total, 12 * r.collection_due),
          shown: formatFineShare(r.debt_total, 12 * r.collection_due),
          raw: Math.round(share(r.debt_total, 12 * r.collection_due) * 100) / 100,
          unit: 'percent' as const,
        })),
  },
  hi_rate: {
    dataset: 'coverage',
    label: 'hiRate',
    legend: 'hiRatePercent',
    format: '.1f',
    scheme: 'greens',
    needsEnforcement: false,
    worst: 'low',
    isRate: true,
    values: rate(
      (r) => r.hi_participants,
      (r) => r.hi_population,
    ),
  },
  // Participants over those the national reference assigns (never the upload's chi_tieu_giao);
  // a unit without an assigned target stays grey.
  hi_target: {
    dataset: 'coverage',
    label: 'hiTargetShare',
    legend: 'hiTargetPercent',
    format: '.1f',
    scheme: 'greens',
    needsEnforcement: false,
    worst: 'low',
    isRate: true,
    values: (rows) =>
      rate(
        (r) => r.hi_participants,
        (r) => r.hi_target_assigned ?? 0,
      )(rows.filter((r) => r.hi_target_assigned !== null)),
  },
  si_rate: {
    dataset: 'coverage',
    label: 'siRate',
    legend: 'siRatePercent',
    format: '.1f',
    scheme: 'greens',
    needsEnforcement: false,
    worst: 'low',
    isRate: true,
    values: rate(
      (r) => r.si_participants,
      (r) => r.si_labour_force,
    ),
  },
  on_time_rate: {
    dataset: 'procedures',
    label: 'onTimeOfReceived',
    legend: 'onTimeRate',
    format: '.1f',
    scheme: 'purples',
    needsEnforcement: false,
    worst: 'low',
    isRate: true,
    values: rate(
      (r) => r.procedures_on_time,
      (r) => r.procedures_received,
    ),
  },
  inspections: {
    dataset: 'enforcement',
    label: 'inspections',
    legend: 'inspectionsUnit',
    format: ',.0f',
    scheme: 'blues',
    needsEnforcement: true,
    worst: 'high',
    isRate: false,
    values: (_rows, enforcement) =>
      enforcement.map((r) => ({
        province: r.province,
        value: r.inspections,
        shown: formatCount(r.inspections),
        raw: r.inspections,
        unit: 'count' as const,
      })),
  },
};

/**
 * The map's height whatever it shows; the whole map, legend included, fits into it. Here rather
 * than with the spec, so the first screen can hold the map's place without taking the spec along.
 */
export const MAP_HEIGHT = 520;

/** The measure the map shows when the link names none (the view the refresh draws ahead). */
export const DEFAULT_MAP_MEASURE: MapMeasure = 'debt_total';

/**
 * The map's values of `period`: only units whose report arrived (`reported`) get one, so a missing
 * report is drawn as "chưa báo cáo", never as zero.
 */
export function mapValuesOf(
  measure: MapMeasure,
  period: string,
  rows: readonly ProvinceRow[],
  enforcement: readonly EnforcementRow[],
  reported: ReadonlySet<string>,
): MapValue[] {
  return MEASURES[measure]
    .values(
      rows.filter((r) => r.period === period),
      enforcement,
    )
    .filter((v) => reported.has(v.province));
}
