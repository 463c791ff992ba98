/**
 * A job that many events ask for but that should run once for a burst of them, like the AWS
 * refresh trigger's batching window: the first request opens a window, requests inside it join
 * it, and when it closes the job runs once. A request that arrives while the job runs opens the
 * next window, so the last event is always followed by a run that sees it. Runs never overlap.
 */
export interface DebouncedRun {
  /** Asks for a run; cheap, never throws. */
  schedule(): void;
  /** Resolves once no window is open and no run is going (tests, shutdown). */
  idle(): Promise<void>;
  /** Stops opening windows and waits for what is pending. */
  close(): Promise<void>;
}

export interface DebounceOptions {
  windowMs: number;
  /** A failed run is reported here; the next request still runs. */
  onError: (error: unknown) => void;
  /** Injected so tests can close windows by hand. */
  setTimer?: (run: () => void, ms: number) => void;
}

export function debouncedRun(job: () => Promise<void>, opts: DebounceOptions): DebouncedRun {
  const setTimer = opts.setTimer ?? ((run, ms) => void setTimeout(run, ms));
  let windowOpen = false;
  let closed = false;
  let running: Promise<void> | undefined;
  const waiters: Array<() => void> = [];

  const settle = () => {
    if (windowOpen || running) return;
    for (const resolve of waiters.splice(0)) resolve();
  };

  const fire = () => {
    windowOpen = false;
    const previous = running ?? Promise.resolve();
    const current = previous
      .then(job)
      .catch(opts.onError)
      .finally(() => {
        if (running === current) running = undefined;
        settle();
      });
    running = current;
  };

  return {
    schedule() {
      if (closed || windowOpen) return;
      windowOpen = true;
      setTimer(fire, opts.windowMs);
    },
    idle() {
      if (!windowOpen && !running) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    async close() {
      closed = true;
      await this.idle();
    },
  };
}
