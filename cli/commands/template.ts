/**
 * `vss template <dataset> --out file.xlsx`: the upload template a province fills, or with
 * `targets` the national office's template for a decision's targets (`vss targets load`).
 */
import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { DATASET_NAMES, DATASETS, isDatasetName, templateAt } from '../../core/datasets/index.ts';
import { isPeriod, periodOf } from '../../core/period.ts';
import { UsageError } from '../../core/errors.ts';
import { TEMPLATE_TEXT, USAGE_MESSAGES, type Lang } from '../../core/messages/index.ts';
import { targetsDataset } from '../../core/reference/targets-dataset.ts';
import { writeTemplate } from '../../pipeline/template/write-template.ts';

interface TemplateOptions {
  out: string;
  lang: Lang;
  period?: string;
}

async function run(dataset: string, options: TemplateOptions): Promise<void> {
  if (dataset === targetsDataset.name) {
    await writeFile(options.out, await writeTemplate(targetsDataset));
  } else {
    if (!isDatasetName(dataset)) throw new UsageError(USAGE_MESSAGES.badOption('<dataset>', dataset));
    const period = options.period ?? periodOf(new Date());
    if (!isPeriod(period)) throw new UsageError(USAGE_MESSAGES.badOption('--period', period));
    // The template version in force for the month the file will report.
    await writeFile(options.out, await writeTemplate(templateAt(DATASETS[dataset], period)));
  }
  process.stdout.write(`${TEMPLATE_TEXT.written(options.out)[options.lang]}\n`);
}

export function register(program: Command): void {
  program
    .command('template')
    .description('write the XLSX upload template of a dataset: Vietnamese headers, dropdowns, instructions')
    .argument(
      '<dataset>',
      `one of ${DATASET_NAMES.join(', ')}, or ${targetsDataset.name} (the national office's)`,
    )
    .requiredOption('--out <file.xlsx>', 'where to write the template')
    .option(
      '--period <YYYY-MM>',
      'the month the file will report: its template version (default: this month)',
    )
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(['vi', 'en']).default('vi'))
    .action(run);
}
