import { Option, type Command } from 'commander';
import { UsageError } from '../../lib/errors.ts';
import { DEFAULT_RANGE, generateSamples } from '../../lib/generate/index.ts';
import { localPaths } from '../../lib/layout.ts';
import { isPeriod } from '../../lib/period.ts';
import { dataDirOption } from '../options.ts';

interface GenerateFlags {
  out?: string;
  from: string;
  to: string;
  seed: string;
  debtorsPerMonth?: string;
  dataDir: string;
}

function integer(flag: string, value: string): number {
  if (!/^-?\d+$/.test(value)) throw new UsageError(`${flag} must be an integer: ${value}`);
  return Number(value);
}

function period(flag: string, value: string): string {
  if (!isPeriod(value)) throw new UsageError(`${flag} must be YYYY-MM: ${value}`);
  return value;
}

export function register(program: Command): void {
  program
    .command('generate')
    .summary('write realistic sample uploads for every dataset, province and month')
    .description(
      [
        'Write sample uploads for every dataset and every province valid in each month',
        '(63 units up to 2025-06, 34 from 2025-07) to <out>/<dataset>/<YYYY-MM>/<province>.csv or .xlsx',
        '(about one file in five is XLSX), and <out>/manifest.json listing each file with its',
        'submission time. About 5% of reports arrive after the 10th of the following month and 1% never.',
        'The same seed always gives the same bytes; existing files are overwritten.',
      ].join(' '),
    )
    .addOption(new Option('--out <dir>', 'output directory (default: <data-dir>/samples)'))
    .addOption(new Option('--from <YYYY-MM>', 'first month').default(DEFAULT_RANGE.from))
    .addOption(new Option('--to <YYYY-MM>', 'last month').default(DEFAULT_RANGE.to))
    .addOption(new Option('--seed <n>', 'random seed').default('1'))
    .addOption(new Option('--debtors-per-month <n>', 'debtor rows per month nationwide (default 3000)'))
    .addOption(dataDirOption())
    .addHelpText(
      'after',
      '\nExample:\n  vss generate --from 2025-05 --to 2025-08 --seed 7 --out /tmp/samples',
    )
    .action(async (flags: GenerateFlags) => {
      const started = performance.now();
      const result = await generateSamples({
        out: flags.out ?? localPaths(flags.dataDir).samples,
        from: period('--from', flags.from),
        to: period('--to', flags.to),
        seed: integer('--seed', flags.seed),
        ...(flags.debtorsPerMonth === undefined
          ? {}
          : { debtorsPerMonth: integer('--debtors-per-month', flags.debtorsPerMonth) }),
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`${result.files} files in ${seconds} s; manifest: ${result.manifestPath}`);
    });
}
