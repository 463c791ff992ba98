/**
 * How `vss query --engine athena` reaches Athena: the workgroup, database and result location
 * from options or the environment, and what each query scanned. The endpoint and credentials
 * come from the usual AWS settings (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL_ATHENA), so nothing
 * here names an account. Progress while a query runs is the console's, the same for both engines.
 */
import { Option } from 'commander';
import { ConfigError } from '../../../core/errors.ts';
import { ATHENA_MESSAGES, type Lang } from '../../../core/messages/index.ts';
import type { AthenaEngine, AthenaQueryResult } from './athena-engine.ts';

export interface AthenaCliOptions {
  workgroup?: string;
  database: string;
  outputLocation?: string;
}

export interface ProgressStream {
  write(text: string): unknown;
}

export function athenaOptions() {
  return {
    engine: new Option('--engine <engine>', 'duckdb (the local lake) or athena (the lake in AWS)')
      .choices(['duckdb', 'athena'])
      .default('duckdb'),
    workgroup: new Option('--workgroup <name>', 'Athena workgroup (with --engine athena)').env(
      'VSS_ATHENA_WORKGROUP',
    ),
    database: new Option('--database <name>', 'Glue database (with --engine athena)')
      .env('VSS_ATHENA_DATABASE')
      .default('vss'),
    outputLocation: new Option(
      '--output-location <s3-url>',
      'query results location, if the workgroup sets none',
    ).env('VSS_ATHENA_OUTPUT_LOCATION'),
  };
}

/** The Athena engine of the console: after each query, one line on what it scanned. */
export async function openAthenaFromCli(
  options: AthenaCliOptions,
  stderr: ProgressStream,
  lang: Lang = 'vi',
): Promise<AthenaEngine> {
  if (!options.workgroup) throw new ConfigError(ATHENA_MESSAGES.noWorkgroup());
  // The AWS SDK is loaded only for Athena: a DuckDB query would pay its load at every start.
  const { openAthenaEngine } = await import('./athena-engine.ts');
  const engine = openAthenaEngine({
    workGroup: options.workgroup,
    database: options.database,
    outputLocation: options.outputLocation,
  });
  const reported = async (work: Promise<AthenaQueryResult>) => {
    const result = await work;
    reportScan(result, stderr, lang);
    return result;
  };
  return {
    runQuery: (sql, params) => reported(engine.runQuery(sql, params)),
    runNamed: (name, params) => reported(engine.runNamed(name, params)),
    close: () => engine.close(),
  };
}

/** Athena bills by bytes scanned, so the console says what each query cost. */
export function reportScan(result: AthenaQueryResult, stderr: ProgressStream, lang: Lang = 'vi'): void {
  const { dataScannedBytes, totalExecutionMillis } = result.statistics;
  stderr.write(`${ATHENA_MESSAGES.scanned(dataScannedBytes, totalExecutionMillis / 1000)[lang]}\n`);
}
