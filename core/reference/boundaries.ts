/**
 * The province boundary files (reference/geo) and the property that holds each feature's province
 * code, per generation of units: the dashboard draws its maps on them and the site build
 * publishes them under content-hashed names.
 */
import { generationOf } from '../unit-names.ts';

export const BOUNDARIES = {
  '63': { file: 'vn63_gso_derived.topojson', feature: 'vn63_derived', key: 'properties.gso_code' },
  '34': { file: 'vn34_2025_derived.topojson', feature: 'vn34_derived', key: 'properties.new_code' },
} as const;

/** Every boundary file the site publishes. */
export const BOUNDARY_FILES = Object.values(BOUNDARIES).map((g) => g.file);

/** The boundaries a map of `period` draws on: the month's own units, or today's 34 when restated. */
export function boundaryOf(period: string, geography?: 'as_reported' | 'current') {
  return BOUNDARIES[geography === 'current' ? '34' : generationOf(period)];
}
