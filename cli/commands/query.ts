import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { openEngine, type QueryParams } from '../../lib/engine/engine.ts';
import { toCsv } from '../../lib/engine/format-csv.ts';
import { toTable } from '../../lib/engine/format-table.ts';
import { syncLocalMirror } from '../../lib/engine/local-mirror.ts';
import { UsageError } from '../../lib/errors.ts';
import { localPaths } from '../../lib/layout.ts';
import { dataDirOption } from '../options.ts';

interface QueryOptions {
  name?: string;
  param: string[];
  format: 'table' | 'csv' | 'json';
  out?: string;
  dataDir: string;
}

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

export function register(program: Command): void {
  program
    .command('query')
    .description(
      'run SQL (or a named query of queries/) with DuckDB over the local lake: vss.debt, vss.coverage, ...',
    )
    .argument('[sql]', 'SQL text; parameters as $name, bound from --param')
    .option('--name <query>', 'a named query, e.g. national_monthly or province_ranking')
    .option('--param <name=value>', 'a parameter (repeatable)', collectParam, [])
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'),
    )
    .option('--out <file>', 'write to a file instead of the terminal')
    .addOption(dataDirOption())
    .action(async (sql: string | undefined, opts: QueryOptions) => {
      if ((sql === undefined) === (opts.name === undefined)) {
        throw new UsageError('give either SQL text or --name <query>, not both');
      }
      const params = parseParams(opts.param);
      await syncLocalMirror(opts.dataDir);
      const engine = await openEngine({ mirrorDir: localPaths(opts.dataDir).mirror });
      try {
        const result = opts.name
          ? await engine.runNamed(opts.name, params)
          : await engine.runQuery(sql ?? '', params);
        const text =
          opts.format === 'csv'
            ? toCsv(result)
            : opts.format === 'json'
              ? JSON.stringify(result.rows, null, 2) + '\n'
              : toTable(result);
        if (opts.out) await writeFile(opts.out, text);
        else process.stdout.write(text);
      } finally {
        engine.close();
      }
    });
}
