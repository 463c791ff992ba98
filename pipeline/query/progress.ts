/**
 * A sign of life on stderr while a query runs: nothing for a quick query, then the elapsed
 * seconds (rewritten in place on a terminal, a line now and then in a log). The query itself runs
 * off the main thread in DuckDB, so the timer keeps ticking.
 */
import { QUERY_MESSAGES } from '../../core/messages/index.ts';

export interface ProgressOptions {
  write: (text: string) => void;
  /** On a terminal the line is rewritten in place; otherwise a line is added every `logEveryMs`. */
  interactive: boolean;
  delayMs?: number;
  tickMs?: number;
  logEveryMs?: number;
  now?: () => number;
}

export async function withProgress<T>(work: Promise<T>, opts: ProgressOptions): Promise<T> {
  const now = opts.now ?? Date.now;
  const started = now();
  const delay = opts.delayMs ?? 1500;
  let lastLogged = 0;
  let shown = false;
  const tick = () => {
    const elapsed = now() - started;
    if (elapsed < delay) return;
    const { vi, en } = QUERY_MESSAGES.running(Math.round(elapsed / 1000));
    const text = `${vi} / ${en}`;
    if (opts.interactive) {
      opts.write(`\r${text}`);
      shown = true;
    } else if (elapsed - lastLogged >= (opts.logEveryMs ?? 10_000) || lastLogged === 0) {
      opts.write(`${text}\n`);
      lastLogged = elapsed;
    }
  };
  const timer = setInterval(tick, opts.tickMs ?? 500);
  try {
    return await work;
  } finally {
    clearInterval(timer);
    if (shown) opts.write('\r\x1b[K');
  }
}
