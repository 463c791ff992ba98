/**
 * The leadership refresh (every dashboard query, site data written) over one year and over six
 * years of the same lake: it should not grow with history. The summaries ingest writes beside
 * each lake object are backfilled first (and timed apart), as a live lake would already hold them.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { refreshSite } from '../lib/site/refresh.ts';
import { ensureSummaries } from '../lib/summary/backfill.ts';
import { median, note, report, step, timed } from './measure.ts';

const RUNS = 3;

async function refreshSeconds(mirrorDir: string, outDir: string): Promise<number> {
  const seconds: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await rm(outDir, { recursive: true, force: true });
    const run = await timed(() => refreshSite({ mirrorDir, outDir }));
    seconds.push(run.seconds);
    note(`refresh ${mirrorDir}: ${run.seconds.toFixed(2)} s (${run.value.files.length} files)`);
  }
  return median(seconds);
}

export async function backfillSummaries(mirrorDir: string): Promise<void> {
  const run = await timed(() => ensureSummaries(mirrorDir));
  note(`summaries backfilled in ${mirrorDir}: ${run.value.written} files in ${run.seconds.toFixed(1)} s`);
}

export async function benchRefresh(oneYear: string, sixYears: string, workDir: string): Promise<void> {
  step(`leadership refresh, median of ${RUNS}`);
  const short = await refreshSeconds(oneYear, join(workDir, 'site-1y', 'data'));
  const long = await refreshSeconds(sixYears, join(workDir, 'site-6y', 'data'));
  report({ name: 'refresh, 1 year of data', value: short, unit: 's', target: 1 });
  report({ name: 'refresh, 6 years of data', value: long, unit: 's', target: 1 });
  report({
    name: 'refresh growth with history (6 years / 1 year)',
    value: long,
    unit: 's',
    baseline: { name: '1 year', value: short },
  });
}
