/**
 * `vss targets load <file>`: the national office loads a decision's targets (the template of
 * `vss template targets`) into the targets reference. Every error is listed with its row and
 * column; a rejected file changes nothing. Exit 0 when loaded (or valid, with --check), 1 when
 * rejected. The deploy carries the reference folder to Athena's tables and the functions.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { NotFoundError } from '../../core/errors.ts';
import { CLI_LABELS, TARGETS_LOAD_MESSAGES, USAGE_MESSAGES, type Lang } from '../../core/messages/index.ts';
import { loadTargetsFile } from '../../pipeline/reference/load-targets.ts';
import { referenceDir } from '../../pipeline/reference/provinces.ts';
import { issueLines } from '../../pipeline/validate/format-receipt.ts';

interface LoadOptions {
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
  const dir = options.referenceDir ?? referenceDir();
  const checked = await loadTargetsFile(basename(file), bytes, dir, { dryRun: options.check });
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
            dir,
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
    .option('--reference-dir <dir>', 'the reference folder (default: VSS_REFERENCE_DIR or reference/)')
    .option('--check', 'only check the file; load nothing')
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(['vi', 'en']).default('vi'))
    .action(load);
}
