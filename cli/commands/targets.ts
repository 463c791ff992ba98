/**
 * `vss targets load <file>`: the national office loads a decision's targets (the template of
 * `vss template targets`) into the targets object of the local lake (core/contracts/layout.ts
 * TARGETS_KEY), which the next refresh reads. Every error is listed with its row and column; a
 * rejected file changes nothing. Exit 0 when loaded (or valid, with --check), 1 when rejected.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { NotFoundError } from '../../core/errors.ts';
import { CLI_LABELS, TARGETS_LOAD_MESSAGES, USAGE_MESSAGES, type Lang } from '../../core/messages/index.ts';
import { TARGETS_KEY } from '../../core/contracts/layout.ts';
import { loadTargetsFile } from '../../pipeline/reference/load-targets.ts';
import { s3TargetsObject } from '../../pipeline/reference/targets-object.ts';
import type { TargetsFileResult } from '../../pipeline/reference/validate-targets.ts';
import { issueLines } from '../../pipeline/validate/format-receipt.ts';
import { startLocalS3 } from '../../local/local-s3.ts';
import { dataDirOption } from '../options.ts';

interface LoadOptions {
  dataDir: string;
  referenceDir?: string;
  check?: boolean;
  lang: Lang;
}

async function load(file: string, options: LoadOptions): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new NotFoundError(USAGE_MESSAGES.unreadableFile(file), { cause: error });
  }
  const local = await startLocalS3({ dataDir: options.dataDir });
  const where = `s3://${local.lakeBucket}/${TARGETS_KEY}`;
  let checked: TargetsFileResult;
  try {
    const object = s3TargetsObject(local.client, local.lakeBucket);
    checked = await loadTargetsFile(basename(file), bytes, object, {
      dryRun: options.check,
      referenceDir: options.referenceDir,
    });
  } finally {
    await local.close();
  }
  const { lang } = options;
  const lines = [
    TARGETS_LOAD_MESSAGES.title(file)[lang],
    ...issueLines(CLI_LABELS.errors[lang], checked.errors, lang),
    checked.accepted
      ? options.check
        ? TARGETS_LOAD_MESSAGES.checked({ rows: checked.rows.length })[lang]
        : TARGETS_LOAD_MESSAGES.loaded({
            rows: checked.rows.length,
            decisions: [...new Set(checked.rows.map((r) => r.decision_no))],
            where,
          })[lang]
      : TARGETS_LOAD_MESSAGES.rejected({ errors: checked.errors.length })[lang],
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!checked.accepted) process.exitCode = 1;
}

export function register(program: Command): void {
  const targets = program
    .command('targets')
    .description('the national targets reference (per unit and year)');
  targets
    .command('load')
    .description("check a decision's targets file (vss template targets) and add it to the reference")
    .argument('<file>', 'CSV or XLSX')
    .addOption(dataDirOption())
    .option(
      '--reference-dir <dir>',
      'the province registry and seed (default: VSS_REFERENCE_DIR or reference/)',
    )
    .option('--check', 'only check the file; load nothing')
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(['vi', 'en']).default('vi'))
    .action(load);
}
