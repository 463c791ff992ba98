/**
 * Hands events to a handler with at most `concurrency` running at once. A failing handler is
 * logged and counted, never rethrown: the local S3 must keep serving whatever one upload does.
 */
export interface EventQueue<T> {
  push(item: T): void;
  /** Resolves once everything pushed so far has been handled. */
  idle(): Promise<void>;
  readonly failures: number;
  readonly handled: number;
}

export function createEventQueue<T>(
  handle: (item: T) => Promise<void>,
  concurrency: number,
  onError: (error: unknown, item: T) => void,
): EventQueue<T> {
  const waiting: T[] = [];
  let running = 0;
  let failures = 0;
  let handled = 0;
  let idleWaiters: Array<() => void> = [];

  const settleIdle = () => {
    if (running > 0 || waiting.length > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const pump = () => {
    while (running < concurrency && waiting.length > 0) {
      const item = waiting.shift() as T;
      running++;
      handle(item)
        .catch((error: unknown) => {
          failures++;
          onError(error, item);
        })
        .finally(() => {
          running--;
          handled++;
          pump();
          settleIdle();
        });
    }
  };

  return {
    push(item) {
      waiting.push(item);
      pump();
    },
    idle() {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
    get failures() {
      return failures;
    },
    get handled() {
      return handled;
    },
  };
}
