/**
 * The loader every chart reads its data URLs through. Boundary files do not change during a visit,
 * so each is fetched once and shared: the page can ask for the map's file as it starts, while its
 * data files are still arriving, instead of when the map's turn to draw comes (on a busy machine
 * that was most of a second spent waiting after everything else was drawn).
 */
import { loader, type Loader } from 'vega';
import type { ChartGeography } from '../../core/charts/chart-text.ts';
import { boundaryOf } from '../../core/reference/boundaries.ts';
import { assetName } from './asset-names.ts';

const BOUNDARIES = 'geo/';

export const chartLoader: Loader = loader();
const plainLoad = chartLoader.load.bind(chartLoader);
const held = new Map<string, Promise<string>>();

chartLoader.load = (uri, options) => {
  if (!uri.startsWith(BOUNDARIES)) return plainLoad(uri, options);
  let pending = held.get(uri);
  if (!pending) {
    pending = plainLoad(uri, options);
    held.set(uri, pending);
    // a failed fetch is tried again by the next chart, not remembered
    pending.catch(() => held.delete(uri));
  }
  return pending;
};

/** Starts fetching a boundary file (a name from core/reference/boundaries.ts BOUNDARY_FILES) before a map needs it. */
export function prefetchBoundary(file: string): void {
  chartLoader.load(BOUNDARIES + file).catch(() => {
    // the map's own request reports the failure where it is drawn
  });
}

/** The boundary file a map of `period` in `geography` draws on (its published, hashed name). */
export function boundaryFileFor(period: string, geography?: ChartGeography): string {
  return assetName(boundaryOf(period, geography).file);
}
