/**
 * `vss template <dataset> --out file.xlsx`: the upload template a province fills, or with
 * `targets` the national office's template for a decision's targets (`vss targets load`).
 */
import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { DATASET_NAMES, DATASETS, isDatasetName } from '../../core/datasets/index.ts';
import { UsageError } from '../../core/errors.ts';
import { TEMPLATE_TEXT, USAGE_MESSAGES, type Lang } from '../../core/messages/index.ts';
import { targetsDataset } from '../../core/reference/targets-dataset.ts';
import { writeTemplate } from '../../pipeline/template/write-template.ts';

interface TemplateOptions {
  out: string;
  lang: Lang;
}

async function run(dataset: string, options: TemplateOptions): Promise<void> {
  const source =
    dataset === targetsDataset.name ? targetsDataset : isDatasetName(dataset) ? DATASETS[dataset] : undefined;
  if (!source) throw new UsageError(USAGE_MESSAGES.badOption('<dataset>', dataset));
  await writeFile(options.out, await writeTemplate(source));
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
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(['vi', 'en']).default('vi'))
    .action(run);
}
