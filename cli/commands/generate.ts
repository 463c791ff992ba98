import { Option, type Command } from 'commander';
import { UsageError } from '../../core/errors.ts';
import { FLAG_ERRORS, inOneLine, LOCAL_RUN_MESSAGES } from '../../core/messages/index.ts';
import { generateSamples } from '../../pipeline/generate/index.ts';
import { SCALES, scaleNamed } from '../../pipeline/generate/scale.ts';
import { localPaths } from '../../core/contracts/layout.ts';
import { dataDirOption, periodOption } from '../options.ts';

interface GenerateFlags {
  out?: string;
  from?: string;
  to?: string;
  seed: string;
  scale: string;
  debtorsPerMonth?: string;
  dataDir: string;
}

function integer(flag: string, value: string): number {
  if (!/^-?\d+$/.test(value)) throw new UsageError(FLAG_ERRORS.notInteger(flag, value));
  return Number(value);
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
    .addOption(
      new Option(
        '--scale <name>',
        `sample: ${SCALES.sample.from} to ${SCALES.sample.to}, ${SCALES.sample.debtorsPerMonth} debtor rows a month; ` +
          `full: ${SCALES.full.from} to ${SCALES.full.to}, ${SCALES.full.debtorsPerMonth} a month (about 10 million rows)`,
      )
        .choices(Object.keys(SCALES))
        .default('sample'),
    )
    .addOption(periodOption('--from', "first month (default: the scale's)"))
    .addOption(periodOption('--to', "last month (default: the scale's)"))
    .addOption(new Option('--seed <n>', 'random seed').default('1'))
    .addOption(
      new Option('--debtors-per-month <n>', "debtor rows per month nationwide (default: the scale's)"),
    )
    .addOption(dataDirOption())
    .addHelpText(
      'after',
      [
        '\nExamples:',
        '  vss generate --from 2025-05 --to 2025-08 --seed 7 --out /tmp/samples',
        '  vss generate --scale full --out /tmp/full     # about 10 million debtor rows, written month by month',
      ].join('\n'),
    )
    .action(async (flags: GenerateFlags) => {
      const started = performance.now();
      const scale = scaleNamed(flags.scale);
      const result = await generateSamples(
        {
          out: flags.out ?? localPaths(flags.dataDir).samples,
          from: flags.from ?? scale.from,
          to: flags.to ?? scale.to,
          seed: integer('--seed', flags.seed),
          debtorsPerMonth:
            flags.debtorsPerMonth === undefined
              ? scale.debtorsPerMonth
              : integer('--debtors-per-month', flags.debtorsPerMonth),
        },
        // A full-scale run takes minutes: say where it is.
        (month, files) => {
          if (flags.scale !== 'sample')
            console.error(inOneLine(LOCAL_RUN_MESSAGES.generatedMonth(month, files)));
        },
      );
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`${result.files} files in ${seconds} s; manifest: ${result.manifestPath}`);
    });
}
