import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { athenaOptions, openAthenaFromCli, type AthenaCliOptions } from '../../lib/athena/athena-cli.ts';
import { openEngine, type Engine, type QueryParams } from '../../lib/engine/engine.ts';
import { formatResult, OUTPUT_FORMATS, type OutputFormat } from '../../lib/engine/format-result.ts';
import { syncLocalMirror } from '../../lib/engine/local-mirror.ts';
import { loadNamedQuery } from '../../lib/engine/named-query.ts';
import { withProgress } from '../../lib/engine/progress.ts';
import { DATASET_NAMES } from '../../lib/datasets/index.ts';
import { QueryError, UsageError } from '../../lib/errors.ts';
import { localPaths } from '../../lib/layout.ts';
import { QUERY_MESSAGES, type Bilingual } from '../../lib/messages.ts';
import { MEASURE_NAMES } from '../../lib/summary/measures.ts';
import { dataDirOption } from '../options.ts';

export const GEOGRAPHIES = ['reported', 'current'] as const;

interface QueryOptions extends AthenaCliOptions {
  engine: 'duckdb' | 'athena';
  name?: string;
  param: string[];
  format: OutputFormat;
  geography?: (typeof GEOGRAPHIES)[number];
  out?: string;
  dataDir: string;
}

const TABLES = [
  ...DATASET_NAMES.map((d) => `vss.${d}`),
  'vss.summaries',
  'vss.uploads',
  'vss.provinces',
  'vss.months',
].join(', ');

const bilingual = (m: Bilingual) => `${m.vi}\n${m.en}`;

function collectParam(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `k=v` pairs; values that are whole numbers bind as numbers. */
export function parseParams(pairs: string[]): QueryParams {
  const params: Record<string, string | number> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) throw new UsageError(`--param takes name=value, not ${JSON.stringify(pair)}`);
    const value = pair.slice(at + 1);
    params[pair.slice(0, at)] = /^-?\d{1,15}$/.test(value) && !/^0\d/.test(value) ? Number(value) : value;
  }
  return params;
}

/** Adds --geography to the parameters of a query that takes it, and checks a named measure. */
export async function resolveParams(
  opts: Pick<QueryOptions, 'name' | 'geography'>,
  sql: string | undefined,
  given: QueryParams,
): Promise<QueryParams> {
  const params: Record<string, string | number> = { ...given };
  const measure = params.measure;
  if (typeof measure === 'string' && measure !== 'all' && !MEASURE_NAMES.includes(measure)) {
    throw new UsageError(bilingual(QUERY_MESSAGES.unknownMeasure(measure, MEASURE_NAMES.join(', '))));
  }
  if (opts.geography === undefined) return params;
  const takesGeography = opts.name
    ? (await loadNamedQuery(opts.name)).params.includes('geography')
    : (sql ?? '').includes('$geography');
  if (!takesGeography) throw new UsageError(bilingual(QUERY_MESSAGES.noGeography(opts.name ?? 'SQL')));
  params.geography = opts.geography;
  return params;
}

type QueryEngine = Pick<Engine, 'runQuery' | 'runNamed' | 'close'>;

/** Where the SQL runs: DuckDB over the local mirror of the lake, or Athena over the lake in AWS. */
async function openQueryEngine(opts: QueryOptions): Promise<QueryEngine> {
  if (opts.engine === 'athena') return openAthenaFromCli(opts, process.stderr);
  await syncLocalMirror(opts.dataDir);
  return openEngine({ mirrorDir: localPaths(opts.dataDir).mirror });
}

async function run(engine: QueryEngine, sql: string | undefined, opts: QueryOptions, params: QueryParams) {
  const work = opts.name ? engine.runNamed(opts.name, params) : engine.runQuery(sql ?? '', params);
  try {
    return await withProgress(work, {
      write: (text) => process.stderr.write(text),
      interactive: process.stderr.isTTY === true,
    });
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    throw new QueryError(bilingual(QUERY_MESSAGES.failed(error.message, TABLES)), { cause: error });
  }
}

export function register(program: Command): void {
  const athena = athenaOptions();
  program
    .command('query')
    .description(
      'run SQL (or a named query of queries/) over the lake: vss.debt, vss.coverage, ..., vss.summaries, vss.uploads',
    )
    .argument('[sql]', 'SQL text; parameters as $name, bound from --param')
    .option('--name <query>', 'a named query, e.g. national_figures, province_ranking, police_coordination')
    .option('--param <name=value>', 'a parameter (repeatable), e.g. period=2025-07', collectParam, [])
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('table'))
    .addOption(
      new Option(
        '--geography <geography>',
        'as reported (units of each month) or current (the 34 units)',
      ).choices(GEOGRAPHIES),
    )
    .option('--out <file>', 'write to a file instead of the terminal')
    .addOption(athena.engine)
    .addOption(athena.workgroup)
    .addOption(athena.database)
    .addOption(athena.outputLocation)
    .addOption(dataDirOption())
    .action(async (sql: string | undefined, opts: QueryOptions) => {
      if ((sql === undefined) === (opts.name === undefined)) {
        throw new UsageError('give either SQL text or --name <query>, not both');
      }
      if (opts.format === 'xlsx' && !opts.out && process.stdout.isTTY) {
        throw new UsageError(bilingual(QUERY_MESSAGES.xlsxNeedsFile()));
      }
      const params = await resolveParams(opts, sql, parseParams(opts.param));
      const engine = await openQueryEngine(opts);
      try {
        const output = await formatResult(await run(engine, sql, opts, params), opts.format);
        if (opts.out) await writeFile(opts.out, output);
        else process.stdout.write(output);
      } finally {
        engine.close();
      }
    });
}
