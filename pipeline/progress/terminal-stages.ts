/**
 * Stages on a terminal: a counted stage is a cli-progress bar with its count, rate and time left,
 * redrawn in place; when it ends the bar is cleared and the stage's one line (stages.ts) stays,
 * so the screen ends up reading as a log does.
 */
import cliProgress from 'cli-progress';
import { formatStageLine, stageState, type Stages } from './stages.ts';

export interface TerminalStagesOptions {
  stream: NodeJS.WritableStream;
  now?: () => number;
}

export function terminalStages(opts: TerminalStagesOptions): Stages {
  const now = opts.now ?? (() => performance.now());
  return {
    start(label, total) {
      const state = stageState(now, total);
      let bar: cliProgress.SingleBar | undefined;
      const rate = () => {
        const seconds = state.seconds();
        return seconds > 0 ? (state.done / seconds).toFixed(1) : '0.0';
      };
      const draw = () => {
        if (state.total === undefined) return;
        if (!bar) {
          bar = new cliProgress.SingleBar(
            {
              stream: opts.stream,
              format: `${label.vi} / ${label.en} {bar} {value}/{total} | {rate}/s | ETA {eta_formatted}`,
              hideCursor: true,
              clearOnComplete: true,
              // The pace of the last 200 updates, so the time left follows the current speed.
              etaBuffer: 200,
              fps: 5,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(state.total, state.done, { rate: rate() });
          return;
        }
        bar.setTotal(state.total);
        bar.update(state.done, { rate: rate() });
      };
      draw();
      return {
        update(done, newTotal) {
          state.done = done;
          if (newTotal !== undefined) state.total = newTotal;
          draw();
        },
        end(detail) {
          if (state.ended) return;
          state.ended = true;
          bar?.stop();
          const { done, total: finalTotal } = state;
          const line = formatStageLine({ label, seconds: state.seconds(), done, total: finalTotal, detail });
          opts.stream.write(`${line}\n`);
        },
      };
    },
  };
}
