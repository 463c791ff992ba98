/**
 * `vss replay`: rebuild the lake, ledger and receipts of the local data directory from its
 * uploads alone, through the same ingest handler. Exit 1 when an upload could not be handled.
 */
import type { Command } from 'commander';
import { PROGRESS_MESSAGES, REPLAY_MESSAGES, type Lang } from '../../lib/messages.ts';
import { inStage, stagesOn } from '../../lib/progress/index.ts';
import { replayLocal } from '../../lib/replay/replay-local.ts';
import { dataDirOption } from '../options.ts';
import { concurrencyOption, langOption } from './ingest.ts';

interface ReplayOptions {
  dataDir: string;
  concurrency: string;
  lang: Lang;
}

export function register(program: Command): void {
  program
    .command('replay')
    .description(
      'rebuild the lake, ledger and receipts from the uploads alone (same result as ingesting them)',
    )
    .addOption(dataDirOption())
    .addOption(concurrencyOption())
    .addOption(langOption())
    .action(async (options: ReplayOptions) => {
      const started = performance.now();
      const summary = await inStage(stagesOn(process.stderr), PROGRESS_MESSAGES.replay, (stage) =>
        replayLocal({
          dataDir: options.dataDir,
          concurrency: Math.max(1, Number(options.concurrency) || 4),
          onProgress: (done, total) => stage.update(done, total),
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(`${REPLAY_MESSAGES.summary({ ...summary, seconds })[options.lang]}\n`);
      if (summary.failed > 0) process.exitCode = 1;
    });
}
