/**
 * `vss replay`: rebuild the lake, ledger and receipts from the uploads alone, through the same
 * ingest handler: of the local data directory, or with --uploads-bucket and --lake-bucket of the
 * deployed buckets (every upload version; the lake bucket must be versioned). --dry-run prints
 * what would be cleared and replayed. Exit 1 when an upload could not be handled.
 */
import type { Command } from 'commander';
import { PROGRESS_MESSAGES, REPLAY_MESSAGES, type Lang } from '../../core/messages/index.ts';
import { inStage, stagesOn } from '../../pipeline/progress/index.ts';
import { replayDeployed } from '../../pipeline/ops/replay-deployed.ts';
import { replayLocal } from '../../local/replay-local.ts';
import { dataDirOption } from '../options.ts';
import { concurrencyOption, langOption } from './ingest.ts';

interface ReplayOptions {
  dataDir: string;
  concurrency: string;
  lang: Lang;
  dryRun?: boolean;
  uploadsBucket?: string;
  lakeBucket?: string;
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
    .option('--dry-run', 'print what would be cleared and replayed; change nothing')
    .option('--uploads-bucket <name>', 'the deployed uploads bucket (with --lake-bucket)')
    .option('--lake-bucket <name>', 'the deployed lake bucket; it must be versioned')
    .action(async (options: ReplayOptions) => {
      const started = performance.now();
      const run = (onProgress?: (done: number, total: number) => void) => {
        const common = {
          concurrency: Math.max(1, Number(options.concurrency) || 4),
          dryRun: options.dryRun,
          onProgress,
        };
        return options.uploadsBucket && options.lakeBucket
          ? replayDeployed({
              ...common,
              uploadsBucket: options.uploadsBucket,
              lakeBucket: options.lakeBucket,
            })
          : replayLocal({ ...common, dataDir: options.dataDir });
      };
      // A dry run prints its plan and nothing else; a replay shows its progress as a stage.
      const summary = options.dryRun
        ? await run()
        : await inStage(stagesOn(process.stderr), PROGRESS_MESSAGES.replay, (stage) =>
            run((done, total) => stage.update(done, total)),
          );
      if (summary.plan) {
        for (const key of summary.plan.clear) process.stdout.write(`- ${key}\n`);
        for (const u of summary.plan.replay)
          process.stdout.write(`+ ${u.key}${u.versionId ? ` @${u.versionId}` : ''}\n`);
        process.stdout.write(`${REPLAY_MESSAGES.dryRun(summary.plan)[options.lang]}\n`);
        return;
      }
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(`${REPLAY_MESSAGES.summary({ ...summary, seconds })[options.lang]}\n`);
      if (summary.failed > 0) process.exitCode = 1;
    });
}
