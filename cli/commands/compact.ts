/**
 * `vss compact [--before YYYY-MM]`: fold every closed month of every dataset into one object per
 * dataset and month (pipeline/lake/compact-month.ts), and its ledger records into one more
 * (pipeline/ledger/compact-ledger-month.ts), in the local data directory or, with
 * --lake-bucket, in the deployed lake bucket. Figures never change; a re-upload of a compacted
 * month still replaces its province alone. Months not closed yet are never compacted.
 */
import type { Command } from 'commander';
import { COMPACTION_MESSAGES, type Lang } from '../../core/messages/index.ts';
import { isPeriod } from '../../core/period.ts';
import { UsageError } from '../../core/errors.ts';
import { firstOpenMonth } from '../../pipeline/lake/closed-month.ts';
import { compactDeployed, compactLocal } from '../../local/compact-local.ts';
import { dataDirOption } from '../options.ts';
import { langOption } from './ingest.ts';

interface CompactOptions {
  dataDir: string;
  lang: Lang;
  before?: string;
  lakeBucket?: string;
}

export function register(program: Command): void {
  program
    .command('compact')
    .description('fold each closed month into one lake object per dataset (figures unchanged)')
    .addOption(dataDirOption())
    .addOption(langOption())
    .option('--before <YYYY-MM>', 'compact only months before this one (never a month not closed yet)')
    .option('--lake-bucket <name>', 'compact the deployed lake bucket')
    .action(async (options: CompactOptions) => {
      if (options.before !== undefined && !isPeriod(options.before)) {
        throw new UsageError(COMPACTION_MESSAGES.badBefore(options.before));
      }
      const lang = options.lang;
      const firstOpen = firstOpenMonth(new Date());
      const before = options.before !== undefined && options.before < firstOpen ? options.before : firstOpen;
      if (options.before !== undefined && options.before > firstOpen) {
        process.stderr.write(`${COMPACTION_MESSAGES.beforeOpen(options.before, firstOpen)[lang]}\n`);
      }
      const onMonth = (m: Parameters<typeof COMPACTION_MESSAGES.month>[0]) => {
        process.stdout.write(`${COMPACTION_MESSAGES.month(m)[lang]}\n`);
      };
      const run = {
        before,
        onMonth: (m: Awaited<ReturnType<typeof compactLocal>>[number]) => {
          if (m.lake.folded > 0) onMonth({ dataset: m.dataset, period: m.period, ...m.lake });
          if (m.ledger.folded > 0) {
            const line = COMPACTION_MESSAGES.ledgerMonth({
              dataset: m.dataset,
              period: m.period,
              ...m.ledger,
            });
            process.stdout.write(`${line[lang]}\n`);
          }
        },
      };
      const done = options.lakeBucket
        ? await compactDeployed({ ...run, lakeBucket: options.lakeBucket })
        : await compactLocal({ ...run, dataDir: options.dataDir });
      const text =
        done.length > 0 ? COMPACTION_MESSAGES.done(done.length, before) : COMPACTION_MESSAGES.nothing(before);
      process.stdout.write(`${text[lang]}\n`);
    });
}
