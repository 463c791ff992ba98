/**
 * The compaction Lambda's work (entry point functions/compact.ts): parse the event, compact every
 * closed month of the lake bucket (compact-lake.ts), report each month as it is done, and return
 * what was done. It sends no refresh: compaction changes keys, never figures, and the refresh
 * trigger ignores the compacted keys (infra/constructs/refresh-trigger.ts), so the next refresh,
 * scheduled or after an upload, reads the compacted months as it read the per-province ones.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { join } from 'node:path';
import type { CompactedMonth } from '../lake/compact-month.ts';
import { limitLakeDuckDB } from '../lake/duckdb-instance.ts';
import { compactLake } from './compact-lake.ts';
import { parseCompactEvent, type CompactRequest } from './compact-event.ts';

export interface CompactDeps {
  s3: S3Client;
  lakeBucket: string;
  /** Scratch space for one dataset-month at a time (the Lambda's ephemeral storage). */
  tmpDir: string;
  /** DuckDB's memory, below the function's (a busy month then spills under tmpDir). Default: DuckDB's own. */
  duckdbMemoryMb?: number;
  now?: () => Date;
  onMonth?: (month: CompactedMonth) => void;
  log?: (entry: Record<string, unknown>) => void;
}

/** How long the invocation has left (the Lambda context's getRemainingTimeInMillis). */
export interface TimeBudget {
  remainingMs(): number;
}

/**
 * No month is begun with less than this left: a busy month takes minutes, and a run cut off by
 * the timeout counts as failed (retried, alarmed) though a rerun would simply continue it.
 */
export const STOP_MARGIN_MS = 5 * 60_000;

export interface CompactOutcome {
  request: CompactRequest;
  /** Ended before the closed months ran out, for want of time: the next run continues. */
  stopped: boolean;
  /** Per month: lake and summary objects folded and removed; ledger records folded and moved. */
  months: {
    dataset: string;
    period: string;
    folded: number;
    removed: number;
    records: number;
    moved: number;
  }[];
}

const jsonLog = (entry: Record<string, unknown>) => console.log(JSON.stringify(entry));

export function createCompactHandler(
  deps: CompactDeps,
): (event: unknown, budget?: TimeBudget) => Promise<CompactOutcome> {
  const log = deps.log ?? jsonLog;
  let limited: Promise<void> | undefined;
  return async function compact(event: unknown, budget?: TimeBudget): Promise<CompactOutcome> {
    const request = parseCompactEvent(event);
    limited ??= limitLakeDuckDB({
      tempDirectory: join(deps.tmpDir, 'duckdb-spill'),
      memoryLimitMb: deps.duckdbMemoryMb,
    });
    await limited;
    let stopped = false;
    const done = await compactLake({
      s3: deps.s3,
      lakeBucket: deps.lakeBucket,
      before: request.before,
      datasets: request.datasets,
      now: deps.now?.(),
      tmpDir: deps.tmpDir,
      onMonth: deps.onMonth,
      shouldStop: () => {
        stopped = budget !== undefined && budget.remainingMs() < STOP_MARGIN_MS;
        return stopped;
      },
    });
    const months = done.map((m) => ({
      dataset: m.dataset,
      period: m.period,
      folded: m.lake.folded + m.summaries.folded,
      removed: m.lake.removed + m.summaries.removed,
      records: m.ledger.folded,
      moved: m.ledger.moved,
    }));
    log({ level: 'INFO', message: 'lake compacted', ...request, months: months.length, stopped });
    return { request, stopped, months };
  };
}
