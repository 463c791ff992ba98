/**
 * `vss ingest <path>`: upload local files to the local S3, where the ingest handler validates
 * them and writes the lake, receipts and ledger, exactly as in AWS. Files already stored with
 * the same bytes are skipped, so running it twice changes nothing.
 */
import { Option, type Command } from 'commander';
import { INGEST_MESSAGES, PROGRESS_MESSAGES, type Lang } from '../../core/messages/index.ts';
import { stagesOn } from '../../pipeline/progress/index.ts';
import { ingestFiles, type IngestSummary } from '../../local/ingest-files.ts';
import { filesAt, type LocalUpload } from '../../local/upload-files.ts';
import { formatReceipt } from '../../pipeline/validate/format-receipt.ts';
import type { UploadOutcome } from '../../pipeline/ingest/ingest-handler.ts';
import { dataDirOption } from '../options.ts';

interface IngestOptions {
  dataDir: string;
  concurrency: string;
  /** Absent for `vss upload`, which sends one file. */
  threads?: string;
  lang: Lang;
}

/** Ingests the files and prints one summary line; for a single file also its receipt. */
export async function ingestAndReport(files: LocalUpload[], options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const outcomes: UploadOutcome[] = [];
  // One file prints its receipt; a folder reports its progress as a stage.
  const stage =
    files.length > 1 ? stagesOn(process.stderr).start(PROGRESS_MESSAGES.ingest, files.length) : undefined;
  const summary = await ingestFiles({
    dataDir: options.dataDir,
    files,
    concurrency: Math.max(1, Number(options.concurrency) || 4),
    threads: Math.max(0, Number(options.threads) || 0),
    onOutcome: (o) => {
      if (files.length === 1) outcomes.push(o);
    },
    onProgress: (done, total) => stage?.update(done, total),
  }).finally(() => stage?.end());
  const seconds = (performance.now() - started) / 1000;
  const lang = options.lang;
  process.stdout.write(`${INGEST_MESSAGES.summary({ files: files.length, ...summary, seconds })[lang]}\n`);
  const [single] = files;
  if (files.length === 1 && single) {
    const [outcome] = outcomes;
    if (summary.skipped === 1) process.stdout.write(`${INGEST_MESSAGES.alreadyStored(single.path)[lang]}\n`);
    else if (outcome?.status === 'duplicate')
      process.stdout.write(`${INGEST_MESSAGES.duplicate(single.path)[lang]}\n`);
    if (outcome) process.stdout.write(formatReceipt(outcome.receipt, lang));
    if (outcome?.status === 'rejected') process.exitCode = 1;
  }
  if (summary.failed > 0) process.exitCode = 1;
  return summary;
}

export function langOption(): Option {
  return new Option('--lang <lang>', 'language of the output').choices(['vi', 'en']).default('vi');
}

export function concurrencyOption(): Option {
  return new Option('--concurrency <n>', 'uploads handled at once').default('4');
}

export function threadsOption(): Option {
  return new Option(
    '--threads <n>',
    'worker threads running the ingest handler (0: on the main thread); helps when cores are idle',
  ).default('0');
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description(
      'upload local files to the local S3 and ingest them: a file <dataset>/<YYYY-MM>/<province>.csv|xlsx, ' +
        'a folder of that shape, or a folder with a sample manifest.json',
    )
    .argument('<path>', 'file or folder, e.g. .vss/samples')
    .addOption(dataDirOption())
    .addOption(concurrencyOption())
    .addOption(threadsOption())
    .addOption(langOption())
    .action(async (path: string, options: IngestOptions) => {
      await ingestAndReport(await filesAt(path), options);
    });
}
