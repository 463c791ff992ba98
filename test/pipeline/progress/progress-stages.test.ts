import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PROGRESS_MESSAGES } from '../../../core/messages/index.ts';
import { formatStageLine, inStage, lineStages } from '../../../pipeline/progress/stages.ts';
import { terminalStages } from '../../../pipeline/progress/terminal-stages.ts';

/** A clock the test moves by hand, in milliseconds. */
function manualClock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('stages written as lines (not a terminal)', () => {
  it('writes one line when a counted stage ends: label in both languages, count, time, rate', () => {
    const clock = manualClock();
    const written: string[] = [];
    const stages = lineStages({ write: (t) => written.push(t), now: clock.now });
    const stage = stages.start(PROGRESS_MESSAGES.ingest, 4560);
    stage.update(1200);
    clock.advance(20_000);
    stage.update(4560);
    expect(written).toEqual([]);
    clock.advance(25_600);
    stage.end();
    // 4560 items in 45.6 s is 100 a second.
    expect(written).toEqual([
      'Nạp qua S3 cục bộ / ingested through the local S3: 4560/4560, 45.6 s, 100.0/s\n',
    ]);
  });

  it('writes only the time for a stage without a count, and a detail after it', () => {
    const clock = manualClock();
    const written: string[] = [];
    const stage = lineStages({ write: (t) => written.push(t), now: clock.now }).start(
      PROGRESS_MESSAGES.mirror,
    );
    clock.advance(1_240);
    stage.end('120 objects');
    stage.end('again');
    expect(written).toEqual(['Sao chép kho dữ liệu / mirrored the lake: 1.2 s; 120 objects\n']);
  });

  it('takes a total learnt while the stage runs', () => {
    const clock = manualClock();
    const written: string[] = [];
    const stage = lineStages({ write: (t) => written.push(t), now: clock.now }).start(
      PROGRESS_MESSAGES.doctor,
    );
    stage.update(3, 8);
    clock.advance(2_000);
    stage.update(8, 8);
    stage.end();
    expect(written).toEqual([
      'Kiểm tra kho dữ liệu và sổ ghi / checked the lake and the ledger: 8/8, 2.0 s, 4.0/s\n',
    ]);
  });

  it('ends the stage when its work fails, and passes the failure on', async () => {
    const written: string[] = [];
    const stages = lineStages({ write: (t) => written.push(t), now: manualClock().now });
    await expect(
      inStage(stages, PROGRESS_MESSAGES.replay, async () => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(written).toEqual(['Dựng lại từ các tệp đã nộp / replayed the uploads: 0.0 s\n']);
  });

  it('formats a stage that did nothing in no time without dividing by zero', () => {
    expect(formatStageLine({ label: { vi: 'a', en: 'b' }, seconds: 0, done: 0, total: 0 })).toBe(
      'a / b: 0/0, 0.0 s',
    );
  });
});

describe('stages on a terminal', () => {
  it('draws a bar with the count and the rate, then leaves only the stage line', async () => {
    const clock = manualClock();
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 120 });
    let screen = '';
    stream.on('data', (chunk: Buffer) => (screen += chunk.toString('utf8')));
    const stage = terminalStages({ stream, now: clock.now }).start(PROGRESS_MESSAGES.ingest, 10);
    clock.advance(2_000);
    stage.update(4);
    // cli-progress redraws on its own timer (5 a second): wait for one redraw.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(screen).toContain('4/10');
    expect(screen).toContain('2.0/s');
    clock.advance(3_000);
    stage.update(10);
    stage.end();
    await new Promise((resolve) => setImmediate(resolve));
    expect(screen.endsWith('Nạp qua S3 cục bộ / ingested through the local S3: 10/10, 5.0 s, 2.0/s\n')).toBe(
      true,
    );
  });
});
