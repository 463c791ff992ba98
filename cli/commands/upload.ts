/**
 * `vss upload <file> --dataset D --period P --province X`: one province's upload to the local
 * S3, ingested by the same handler as in AWS; prints the summary and the receipt.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { NotFoundError } from '../../core/errors.ts';
import { USAGE_MESSAGES, type Lang } from '../../core/messages/index.ts';
import { dataDirOption } from '../options.ts';
import { concurrencyOption, ingestAndReport, langOption } from './ingest.ts';
import { resolveLocation } from './validate.ts';

interface UploadOptions {
  dataset?: string;
  period?: string;
  province?: string;
  dataDir: string;
  concurrency: string;
  lang: Lang;
}

export function register(program: Command): void {
  program
    .command('upload')
    .description('upload one report file to the local S3 and print its receipt (exit 1 when rejected)')
    .argument('<file>', 'CSV or XLSX file')
    .option(
      '--dataset <name>',
      'debt, coverage, enforcement, prosecution or procedures; default from the path',
    )
    .option('--period <YYYY-MM>', 'reporting period; default from the path')
    .option('--province <code>', 'province GSO code; default from the path')
    .addOption(dataDirOption())
    .addOption(concurrencyOption().hideHelp())
    .addOption(langOption())
    .action(async (file: string, options: UploadOptions) => {
      const location = resolveLocation(file, options);
      if (!existsSync(file)) throw new NotFoundError(USAGE_MESSAGES.unreadableFile(file));
      await ingestAndReport([{ path: file, location }], options);
    });
}
