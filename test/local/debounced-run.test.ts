import { describe, expect, it } from 'vitest';
import { debouncedRun } from '../../local/debounced-run.ts';

/** Windows closed by hand: the test decides when time has passed. */
function manualTimer() {
  const pending: Array<() => void> = [];
  return {
    setTimer: (run: () => void) => void pending.push(run),
    closeWindows: () => pending.splice(0).forEach((run) => run()),
    open: () => pending.length,
  };
}

describe('debounced run', () => {
  it('runs once for a burst of requests, after the window closes', async () => {
    const timer = manualTimer();
    let runs = 0;
    const job = debouncedRun(async () => void runs++, { windowMs: 10, onError: () => undefined, ...timer });
    for (let i = 0; i < 5; i++) job.schedule();
    expect(timer.open()).toBe(1);
    expect(runs).toBe(0);
    timer.closeWindows();
    await job.idle();
    expect(runs).toBe(1);
  });

  it('runs again for a request that arrives while a run is going, never two at once', async () => {
    const timer = manualTimer();
    let release: () => void = () => undefined;
    let active = 0;
    let most = 0;
    let runs = 0;
    const job = debouncedRun(
      async () => {
        active++;
        most = Math.max(most, active);
        runs++;
        if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
        active--;
      },
      { windowMs: 10, onError: () => undefined, ...timer },
    );
    job.schedule();
    timer.closeWindows();
    while (runs === 0) await new Promise((resolve) => setImmediate(resolve));
    job.schedule();
    timer.closeWindows();
    release();
    await job.idle();
    expect(runs).toBe(2);
    expect(most).toBe(1);
  });

  it('reports a failed run and still runs the next request', async () => {
    const timer = manualTimer();
    const errors: unknown[] = [];
    let runs = 0;
    const job = debouncedRun(
      async () => {
        runs++;
        if (runs === 1) throw new Error('mirror unreachable');
      },
      { windowMs: 10, onError: (e) => errors.push(e), ...timer },
    );
    job.schedule();
    timer.closeWindows();
    await job.idle();
    job.schedule();
    timer.closeWindows();
    await job.close();
    expect(runs).toBe(2);
    expect(errors.map(String)).toEqual(['Error: mirror unreachable']);
    job.schedule();
    expect(timer.open()).toBe(0);
  });
});
