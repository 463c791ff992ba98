/**
 * Progress of long CLI work (start, ingest, replay, doctor, bench), told as stages: a stage has a
 * label, optionally a count of items done out of a total, and an end. On a terminal a counted
 * stage draws a bar (terminal-stages.ts); in a log, a CI job or a pipe every stage writes exactly
 * one line when it ends, with its count, its time and its rate, so a log shows where time went.
 */
import type { Bilingual } from '../../core/messages/index.ts';

export interface Stage {
  /** `done` items of `total` (the total may be learnt, or grow, while the stage runs). */
  update(done: number, total?: number): void;
  /** The stage is over; `detail` is added to its line. Calling it twice changes nothing. */
  end(detail?: string): void;
}

export interface Stages {
  start(label: Bilingual, total?: number): Stage;
}

export interface StageLine {
  label: Bilingual;
  seconds: number;
  done?: number;
  total?: number;
  detail?: string;
}

/** `vi / en: 4560/4560, 45.2 s, 100.9/s; detail`; without a count `vi / en: 1.2 s`. */
export function formatStageLine(s: StageLine): string {
  const parts: string[] = [];
  const done = s.done ?? 0;
  if (s.total !== undefined) parts.push(`${done}/${s.total}`);
  parts.push(`${s.seconds.toFixed(1)} s`);
  if (s.total !== undefined && s.seconds > 0) parts.push(`${(done / s.seconds).toFixed(1)}/s`);
  const tail = s.detail ? `; ${s.detail}` : '';
  return `${s.label.vi} / ${s.label.en}: ${parts.join(', ')}${tail}`;
}

/** What every kind of stage keeps: when it started, how far it got, whether it ended. */
export function stageState(now: () => number, total?: number) {
  const started = now();
  return {
    done: 0,
    total,
    ended: false,
    seconds: () => (now() - started) / 1000,
  };
}

export interface LineStagesOptions {
  write: (text: string) => void;
  now?: () => number;
}

/** One line per stage, written when the stage ends. */
export function lineStages(opts: LineStagesOptions): Stages {
  const now = opts.now ?? (() => performance.now());
  return {
    start(label, total) {
      const state = stageState(now, total);
      return {
        update(done, newTotal) {
          state.done = done;
          if (newTotal !== undefined) state.total = newTotal;
        },
        end(detail) {
          if (state.ended) return;
          state.ended = true;
          const { done, total: finalTotal } = state;
          opts.write(
            `${formatStageLine({ label, seconds: state.seconds(), done, total: finalTotal, detail })}\n`,
          );
        },
      };
    },
  };
}

/** Runs `work` as one stage and ends it, also when the work fails. */
export async function inStage<T>(
  stages: Stages,
  label: Bilingual,
  work: (stage: Stage) => Promise<T>,
  total?: number,
): Promise<T> {
  const stage = stages.start(label, total);
  try {
    return await work(stage);
  } finally {
    stage.end();
  }
}

/** Stages that say nothing (tests, and callers that report elsewhere). */
export const silentStages: Stages = {
  start: () => ({ update: () => undefined, end: () => undefined }),
};
