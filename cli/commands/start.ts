import { Option, type Command } from 'commander';
import { UsageError } from '../../core/errors.ts';
import { FLAG_ERRORS } from '../../core/messages/index.ts';
import { runLocalPipeline } from '../../local/run-local.ts';
import { stagesOn } from '../../pipeline/progress/index.ts';
import { isKnownScope } from '../../local/local-portal.ts';
import { dataDirOption, periodOption, portOption } from '../options.ts';
import { threadsOption } from './ingest.ts';

interface StartFlags {
  dataDir: string;
  port: number;
  from: string;
  to: string;
  seed: string;
  threads: string;
  asProvince?: string;
}

/** --port, --from and --to are checked by their parsers (cli/options.ts); the rest here. */
function checked(flags: StartFlags) {
  if (!/^\d+$/.test(flags.seed)) throw new UsageError(FLAG_ERRORS.notWholeNumber('--seed', flags.seed));
  if (flags.asProvince !== undefined && !isKnownScope(flags.asProvince))
    throw new UsageError(FLAG_ERRORS.notScope(flags.asProvince));
  if (!/^\d+$/.test(flags.threads))
    throw new UsageError(FLAG_ERRORS.notWholeNumber('--threads', flags.threads));
  return {
    port: flags.port,
    from: flags.from,
    to: flags.to,
    seed: Number(flags.seed),
    ingestThreads: Number(flags.threads),
    asProvince: flags.asProvince,
  };
}

/**
 * The months `start` samples: both generations of units (63 until 2025-06, 34 from 2025-07) and a
 * year of history before the latest month, small enough that the page is up in a few minutes on
 * two cores. `vss generate` defaults to the longer 2024-01..2026-10.
 */
export const START_RANGE = { from: '2025-01', to: '2026-10' } as const;

export function register(program: Command): void {
  program
    .command('start')
    .description(
      'run the whole pipeline on sample data (generate, upload, ingest, refresh) and serve the dashboard',
    )
    .addOption(dataDirOption())
    .addOption(portOption('port on 127.0.0.1'))
    .addOption(periodOption('--from', 'first sample month', START_RANGE.from))
    .addOption(periodOption('--to', 'last sample month', START_RANGE.to))
    .addOption(new Option('--seed <n>', 'sample seed').default('1'))
    .addOption(threadsOption())
    .addOption(
      new Option(
        '--as-province <code>',
        'local only: the province the upload portal (portal.html) acts as; the page can switch it',
      ),
    )
    .action(async (flags: StartFlags) => {
      const options = checked(flags);
      // stdout carries exactly one line, the dashboard address; progress goes to stderr.
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const { server } = await runLocalPipeline({
        ...options,
        dataDir: flags.dataDir,
        log,
        stages: stagesOn(process.stderr),
      });
      process.stdout.write(`Dashboard: ${server.url}\n`);
      await new Promise<void>((done) => {
        const stop = () => void server.close().then(done);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
