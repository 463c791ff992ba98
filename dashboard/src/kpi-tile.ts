import type { Change } from './changes.ts';

/**
 * One headline figure: a rounded value for the eye, the exact one and its context beneath, how
 * many units it sums, and its like-for-like changes (month on month, year on year, year to date).
 */
export interface KpiTile {
  id: string;
  label: string;
  value: string;
  detail: string;
  /** The units that lag most on the figure, in a line of their own under the detail. */
  lagging?: string;
  /** "31/34 tỉnh đã báo cáo": the units whose report the figure sums. */
  reported: string;
  changes: Change[];
  /** Tone of the like-for-like change on last month: debt going up is bad, coverage up is good. */
  trend: 'better' | 'worse' | 'same' | 'none';
}
