import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import {
  athenaOptions,
  openAthenaFromCli,
  type AthenaCliOptions,
} from '../../pipeline/query/athena/athena-cli.ts';
import type { Engine, PositionalParams, QueryParams } from '../../pipeline/query/engine.ts';
import { openAdHocEngine } from '../../pipeline/query/ad-hoc-engine.ts';
import { formatResult, OUTPUT_FORMATS, type OutputFormat } from '../../pipeline/query/format-result.ts';
import { syncLocalMirror } from '../../local/local-mirror.ts';
import { countPlaceholders, loadNamedQuery } from '../../pipeline/query/named-query.ts';
import { withProgress } from '../../pipeline/query/progress.ts';
import { DATASET_NAMES } from '../../core/datasets/index.ts';
import { QueryError, UsageError } from '../../core/errors.ts';
import { localPaths } from '../../core/contracts/layout.ts';
import { FLAG_ERRORS, QUERY_MESSAGES } from '../../core/messages/index.ts';
import { MEASURE_NAMES } from '../../core/measures.ts';
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

function collectParam(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** One `k=v` pair; a value that is a whole number binds as a number, a code like 01 as text. */
function parsePair(pair: string): [string, string | number] {
  const at = pair.indexOf('=');
  if (at < 1) throw new UsageError(FLAG_ERRORS.paramPair(pair));
  const value = pair.slice(at + 1);
  return [pair.slice(0, at), /^-?\d{1,15}$/.test(value) && !/^0\d/.test(value) ? Number(value) : value];
}

/** `k=v` pairs, by name: what a named query's header binds in its own order. */
export function parseParams(pairs: string[]): QueryParams {
  return Object.fromEntries(pairs.map(parsePair));
}

/**
 * The values of SQL text, in the order the --param options came: Athena binds only `?`, by
 * position, so the console binds ad-hoc SQL that way on both engines and sends the same text.
 */
export function positionalParams(sql: string, pairs: string[]): PositionalParams {
  const values = pairs.map((pair) => parsePair(pair)[1]);
  const placeholders = countPlaceholders(sql);
  if (placeholders !== values.length) {
    throw new UsageError(QUERY_MESSAGES.placeholders(placeholders, values.length));
  }
  return values;
}

/** Adds --geography to the parameters of a named query that takes it, and checks a named measure. */
export async function resolveParams(
  opts: Pick<QueryOptions, 'name' | 'geography'>,
  given: QueryParams,
): Promise<QueryParams> {
  const params: Record<string, string | number> = { ...given };
  const measure = params.measure;
  if (typeof measure === 'string' && measure !== 'all' && !MEASURE_NAMES.includes(measure)) {
    throw new UsageError(QUERY_MESSAGES.unknownMeasure(measure, MEASURE_NAMES.join(', ')));
  }
  if (opts.geography === undefined || !opts.name) return params;
  if (!(await loadNamedQuery(opts.name)).params.includes('geography')) {
    throw new UsageError(QUERY_MESSAGES.noGeography(opts.name));
  }
  params.geography = opts.geography;
  return params;
}

type QueryEngine = Pick<Engine, 'runQuery' | 'runNamed' | 'close'>;

/** Where the SQL runs: DuckDB over the local mirror of the lake, or Athena over the lake in AWS. */
async function openQueryEngine(opts: QueryOptions): Promise<QueryEngine> {
  if (opts.engine === 'athena') return await openAthenaFromCli(opts, process.stderr);
  await syncLocalMirror(opts.dataDir);
  return openAdHocEngine({ mirrorDir: localPaths(opts.dataDir).mirror });
}

/** What runs: a named query with its parameters by name, or SQL text with its values in order. */
type Bound = { name: string; params: QueryParams } | { sql: string; values: PositionalParams };

async function bind(sql: string | undefined, opts: QueryOptions): Promise<Bound> {
  if (sql !== undefined) {
    if (opts.geography !== undefined) throw new UsageError(QUERY_MESSAGES.geographyOfSql());
    return { sql, values: positionalParams(sql, opts.param) };
  }
  return { name: opts.name ?? '', params: await resolveParams(opts, parseParams(opts.param)) };
}

async function run(engine: QueryEngine, bound: Bound) {
  const work =
    'sql' in bound ? engine.runQuery(bound.sql, bound.values) : engine.runNamed(bound.name, bound.params);
  try {
    return await withProgress(work, {
      write: (text) => process.stderr.write(text),
      interactive: process.stderr.isTTY === true,
    });
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    throw new QueryError(QUERY_MESSAGES.failed(error.message, TABLES), { cause: error });
  }
}

export function register(program: Command): void {
  const athena = athenaOptions();
  program
    .command('query')
    .description(
      'run SQL (or a named query of queries/) over the lake: vss.debt, vss.coverage, ..., vss.summaries, vss.uploads',
    )
    .argument('[sql]', 'SQL text; each ? binds the next --param value, in order (as in Athena)')
    .option('--name <query>', 'a named query, e.g. national_figures, province_ranking, police_coordination')
    .option(
      '--param <name=value>',
      'a parameter (repeatable), e.g. period=2025-07; a whole number such as 48 binds as a number ' +
        '(01 stays text): in SQL text compare it with a code as CAST(? AS VARCHAR)',
      collectParam,
      [],
    )
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
        throw new UsageError(FLAG_ERRORS.sqlAndName());
      }
      if (opts.format === 'xlsx' && !opts.out && process.stdout.isTTY) {
        throw new UsageError(QUERY_MESSAGES.xlsxNeedsFile());
      }
      const bound = await bind(sql, opts);
      const engine = await openQueryEngine(opts);
      try {
        const output = await formatResult(await run(engine, bound), opts.format);
        if (opts.out) await writeFile(opts.out, output);
        else process.stdout.write(output);
      } finally {
        engine.close();
      }
    });
}
