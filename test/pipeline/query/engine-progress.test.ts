/** The progress line of `vss query`, on a clock the test moves by hand. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withProgress } from '../../../pipeline/query/progress.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function deferred() {
  let resolve: (value: string) => void = () => {};
  const promise = new Promise<string>((r) => (resolve = r));
  return { promise, resolve };
}

describe('withProgress', () => {
  it('says nothing for a quick query', async () => {
    const writes: string[] = [];
    const work = deferred();
    const done = withProgress(work.promise, {
      write: (t) => writes.push(t),
      interactive: true,
      now: Date.now,
    });
    await vi.advanceTimersByTimeAsync(1000);
    work.resolve('rows');
    await expect(done).resolves.toBe('rows');
    expect(writes).toEqual([]);
  });

  it('rewrites the elapsed seconds in place on a terminal, then clears the line', async () => {
    const writes: string[] = [];
    const work = deferred();
    const done = withProgress(work.promise, {
      write: (t) => writes.push(t),
      interactive: true,
      now: Date.now,
    });
    await vi.advanceTimersByTimeAsync(3000);
    work.resolve('rows');
    await done;
    expect(writes.at(-2)).toBe('\rĐang chạy truy vấn… 3 giây / Running the query… 3 s');
    expect(writes.at(-1)).toBe('\r\x1b[K');
  });

  it('adds a line now and then in a log, and passes a failure through', async () => {
    const writes: string[] = [];
    const work = deferred();
    const failing = work.promise.then(() => {
      throw new Error('boom');
    });
    const done = withProgress(failing, { write: (t) => writes.push(t), interactive: false, now: Date.now });
    const settled = expect(done).rejects.toThrow('boom');
    await vi.advanceTimersByTimeAsync(25_000);
    work.resolve('x');
    await settled;
    expect(writes.map((w) => w.replace(/\d+/g, 'N'))).toEqual([
      'Đang chạy truy vấn… N giây / Running the query… N s\n',
      'Đang chạy truy vấn… N giây / Running the query… N s\n',
      'Đang chạy truy vấn… N giây / Running the query… N s\n',
    ]);
  });
});
