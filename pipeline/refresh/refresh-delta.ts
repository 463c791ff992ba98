/**
 * A refresh proportional to what changed. The months whose files changed since the last refresh
 * (refresh-state.ts) are recomputed on an engine holding those months alone; every other month's
 * rows stay in the files as they were (site-segments.ts). The comparisons and headline figures
 * compare a month with the month before, the same month a year before and the year's months so
 * far: they are recomputed for every month whose year-and-a-half window holds a changed month
 * (restated across the 2025-07 reform as in a full refresh), from the rows of that window. Only
 * files whose bytes changed are written. Whenever the state cannot vouch for the result (months
 * added out of reach, a month gone, rows not where it recorded them) the caller refreshes in full.
 */
import { resolve } from 'node:path';
import { openEngine } from '../query/engine.ts';
import { periodRange } from '../../core/period.ts';
import {
  SITE_FILES,
  siteMeta,
  type ApprovalRow,
  type CompletenessRow,
  type ProvinceRow,
  type SiteMeta,
} from '../../core/contracts/site-data.ts';
import type { RefreshOptions, RefreshResult } from './refresh-options.ts';
import { latestDebtDetailPeriod } from './refresh-bundles.ts';
import { acceptedByMonth, acceptedTotals, comparedRows, monthRows, monthsHeld } from './refresh-months.ts';
import { writeSite } from './refresh-output.ts';
import { forgetState, listingMark, writeState, type RefreshState } from './refresh-state.ts';
import { deltaWriter, lastRows, StaleSiteState } from './refresh-write.ts';
import { unitRows as allUnits } from './unit-rows.ts';

/** The first month whose comparisons can read `month`'s rows: January of the year before. */
const windowStart = (month: string) => `${Number(month.slice(0, 4)) - 1}-01`;

/** No month: the employer-level debt as an empty table, when nothing in this run reads it. */
const NO_MONTH = '0000-00';

export async function deltaRefresh(
  opts: RefreshOptions,
  state: RefreshState,
  changed: ReadonlySet<string>,
  /** The datasets whose detail the refresh reads (REFRESH_DETAIL_DATASETS). */
  detailDatasets: readonly string[],
): Promise<RefreshResult> {
  const now = opts.now ?? (() => new Date());
  const debtDetail = latestDebtDetailPeriod(opts.mirrorDir);
  // The employer-level debt only when the police lists may have to be read again.
  const readDebt =
    debtDetail !== undefined && (changed.has(debtDetail) || debtDetail !== state.police.period);
  const mark = listingMark(opts.mirrorDir);
  const engine = await openEngine({
    mirrorDir: opts.mirrorDir,
    materialize: detailDatasets,
    onlyMonths: [...changed],
    monthOnly: { debt: readDebt ? debtDetail : NO_MONTH },
    backfillSummaries: false,
  });
  try {
    const held = new Set(state.held.filter((m) => !changed.has(m)));
    const detail = readDebt ? [...detailDatasets, 'debt'] : detailDatasets;
    for (const m of await monthsHeld(engine, detail)) if (changed.has(m)) held.add(m);
    const sorted = [...held].sort();
    const first = sorted[0];
    const latest = sorted.at(-1);
    if (first === undefined || latest === undefined) throw new StaleSiteState('no month left');
    const periods = periodRange(first, latest);
    const before = new Set(state.periods);
    // A month shown that was not, and did not change itself, or a month no longer shown: in full.
    const shown = new Set(periods);
    if (periods.some((m) => !before.has(m) && !changed.has(m)) || state.periods.some((m) => !shown.has(m))) {
      throw new StaleSiteState('the months shown moved beyond the months that changed');
    }
    const redo = periods.filter((m) => changed.has(m));
    const rows = await monthRows(engine, opts.mirrorDir, redo, true);
    // Each month recomputed holds its national row, as in a full refresh: else (a month without
    // data at the edge of those loaded) the queries could not see it.
    if (rows.national.map((r) => r.period).join() !== redo.join()) {
      throw new StaleSiteState('a month recomputed has no national row');
    }
    const redone = new Set(changed);
    // The comparisons of every month whose window reaches a changed month, from that window's rows.
    const compared = new Set(periods.filter((q) => [...changed].some((m) => m >= windowStart(q) && m <= q)));
    const window = new Set(periods.filter((m) => [...compared].some((q) => m >= windowStart(q) && m <= q)));
    const kept = new Set([...window].filter((m) => !redone.has(m)));
    const old = <T extends { period: string }>(file: string) =>
      lastRows<T>(opts.outDir, file, state.segments, (m) => kept.has(m));
    const inWindow = <T extends { period: string }>(fresh: readonly T[], last: readonly T[]) => [
      ...last,
      ...fresh.filter((r) => window.has(r.period)),
    ];
    const units = allUnits();
    const accepted = { ...state.accepted };
    for (const m of changed) delete accepted[m];
    Object.assign(accepted, acceptedByMonth(rows));
    const totals = acceptedTotals(accepted);
    const meta: SiteMeta = siteMeta.parse({
      computed_at: now().toISOString(),
      first_period: first,
      latest_period: latest,
      periods,
      uploads_accepted: totals.uploads,
    });
    const withPolice = debtDetail === latest;
    const readPolice =
      changed.has(latest) || latest !== state.police.period || withPolice !== state.police.withPolice;
    await forgetState(opts.mirrorDir);
    const writer = deltaWriter(opts.outDir, state.segments, redone);
    const comparedNow = comparedRows(
      inWindow(rows.provinces, await old<ProvinceRow>(SITE_FILES.provinces)),
      inWindow(rows.completeness, await old<CompletenessRow>(SITE_FILES.completeness)),
      inWindow(rows.approvals, await old<ApprovalRow>(SITE_FILES.approvals)),
      units,
      periods,
      compared,
    );
    const files = await writeSite({
      engine,
      outDir: opts.outDir,
      writer,
      meta,
      rows,
      compared: comparedNow,
      units,
      withPolice,
      readPolice,
      acceptedByUnit: totals.byUnit,
    });
    await writeState(opts.mirrorDir, {
      ...state,
      ...mark,
      outDir: resolve(opts.outDir),
      periods,
      held: sorted,
      police: { period: latest, withPolice },
      accepted,
      segments: writer.segments(),
    });
    return { files, written: writer.written(), recomputed: redo };
  } finally {
    engine.close();
  }
}
