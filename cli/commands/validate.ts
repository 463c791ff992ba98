/**
 * `vss validate <file>`: the receipt a province would get, without uploading anything.
 * Exit 0 when the file would be accepted, 1 when rejected, 2 when the command is misused.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { DATASETS, isDatasetName } from '../../core/datasets/index.ts';
import { NotFoundError, UsageError } from '../../core/errors.ts';
import { uploadKey, type UploadLocation } from '../../core/contracts/layout.ts';
import { USAGE_MESSAGES, type Lang } from '../../core/messages/index.ts';
import { isPeriod } from '../../core/period.ts';
import { validateUpload } from '../../pipeline/validate/index.ts';
import { nationalTargets } from '../../pipeline/reference/targets.ts';
import { annotateUpload } from '../../pipeline/validate/annotate.ts';
import { formatReceipt } from '../../pipeline/validate/format-receipt.ts';

interface ValidateOptions {
  dataset?: string;
  province?: string;
  period?: string;
  json?: boolean;
  annotate?: string;
  lang: Lang;
}

/** `.../<dataset>/<YYYY-MM>/<province>.csv` or `.../<dataset>/<YYYY-MM>/<province>/<file>`. */
export function locationFromPath(file: string): Partial<UploadLocation> {
  const parts = file.split(/[/\\]/);
  const name = parts.at(-1) ?? '';
  const stem = name.replace(/\.(csv|xlsx|txt)$/i, '');
  if (/^\d{2}$/.test(stem)) return { dataset: asDataset(parts.at(-3)), period: parts.at(-2), province: stem };
  return { dataset: asDataset(parts.at(-4)), period: parts.at(-3), province: parts.at(-2) };
}

const asDataset = (value: string | undefined) =>
  value !== undefined && isDatasetName(value) ? value : undefined;

export function resolveLocation(file: string, options: ValidateOptions): UploadLocation {
  const fromPath = locationFromPath(file);
  const dataset = options.dataset ?? fromPath.dataset;
  const period = options.period ?? fromPath.period;
  const province = options.province?.padStart(2, '0') ?? fromPath.province;
  if (dataset === undefined || period === undefined || province === undefined)
    throw new UsageError(USAGE_MESSAGES.noLocation(file));
  if (!isDatasetName(dataset)) throw new UsageError(USAGE_MESSAGES.badOption('--dataset', dataset));
  if (!isPeriod(period)) throw new UsageError(USAGE_MESSAGES.badOption('--period', period));
  if (!/^\d{2}$/.test(province)) throw new UsageError(USAGE_MESSAGES.badOption('--province', province));
  return { dataset, period, province, fileName: basename(file) };
}

async function run(file: string, options: ValidateOptions): Promise<void> {
  const location = resolveLocation(file, options);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new NotFoundError(USAGE_MESSAGES.unreadableFile(file), { cause: error });
  }
  const { receipt } = await validateUpload({
    bytes,
    key: uploadKey(location),
    location,
    receivedAt: new Date().toISOString(),
    targets: location.dataset === 'coverage' ? nationalTargets() : undefined,
  });
  process.stdout.write(
    options.json ? `${JSON.stringify(receipt, null, 2)}\n` : formatReceipt(receipt, options.lang),
  );
  if (options.annotate !== undefined) {
    const copy = await annotateUpload(bytes, receipt, DATASETS[location.dataset]);
    if (copy) await writeFile(options.annotate, copy);
    const note = copy ? USAGE_MESSAGES.annotated : USAGE_MESSAGES.notAnnotated;
    // stderr, so that --json still prints exactly one JSON object on stdout.
    process.stderr.write(`${note(options.annotate)[options.lang]}\n`);
  }
  if (receipt.status === 'rejected') process.exitCode = 1;
}

export function register(program: Command): void {
  program
    .command('validate')
    .description(
      'check an upload file and print its receipt, without uploading (exit 0 accepted, 1 rejected)',
    )
    .argument('<file>', 'CSV or XLSX file, e.g. samples/debt/2025-08/48.csv')
    .option(
      '--dataset <name>',
      'dataset (debt, coverage, enforcement, prosecution, procedures); default from the path',
    )
    .option('--province <code>', 'province GSO code; default from the path')
    .option('--period <YYYY-MM>', 'reporting period; default from the path')
    .option('--json', 'print the receipt as one JSON object')
    .option(
      '--annotate <out.xlsx>',
      'also write a copy of the file with wrong cells filled and the message as a cell note',
    )
    .addOption(new Option('--lang <lang>', 'language of the table').choices(['vi', 'en']).default('vi'))
    .action(run);
}
