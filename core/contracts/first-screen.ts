/**
 * The overview's first-screen charts drawn ahead by the refresh (SITE_FILES' sibling
 * FIRST_SCREEN_FILES.charts): SVG the dashboard shows while its charting library loads, then
 * replaces with live views. The file says which view it was drawn for, so the page never shows it
 * for another month, language or basis.
 */
import type { FirstScreenChart } from '../charts/first-screen.ts';
import type { Lang } from '../messages/index.ts';

export interface DrawnChart {
  id: FirstScreenChart;
  /** What the chart shows, in words: the page gives it to the drawing as its accessible name. */
  description: string;
  /** The chart as Vega's SVG renderer writes it. */
  svg: string;
  /** The drawing's size in CSS pixels, axes and legend included. */
  width: number;
  height: number;
}

export interface FirstScreenFile {
  /** The month drawn: the site's latest month when the refresh wrote it. */
  period: string;
  lang: Lang;
  basis: 'latest';
  geography: 'as_reported';
  /** SHA-256 of the specs drawn (their data included): the same specs need not be drawn again. */
  specs_sha256: string;
  charts: DrawnChart[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isDrawnChart = (v: unknown): v is DrawnChart =>
  isRecord(v) &&
  typeof v.id === 'string' &&
  typeof v.description === 'string' &&
  typeof v.svg === 'string' &&
  typeof v.width === 'number' &&
  typeof v.height === 'number';

/** A light check of the shape, without zod: the file is read by the dashboard's first bundle. */
export function isFirstScreenFile(v: unknown): v is FirstScreenFile {
  return (
    isRecord(v) &&
    typeof v.period === 'string' &&
    (v.lang === 'vi' || v.lang === 'en') &&
    v.basis === 'latest' &&
    v.geography === 'as_reported' &&
    typeof v.specs_sha256 === 'string' &&
    Array.isArray(v.charts) &&
    v.charts.every(isDrawnChart)
  );
}
