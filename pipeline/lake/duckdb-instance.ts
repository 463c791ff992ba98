import { DuckDBInstance } from '@duckdb/node-api';

export interface LakeDuckDBLimits {
  /** Where DuckDB spills what does not fit in memory; by default `.tmp` in the working directory, read-only in Lambda. */
  tempDirectory: string;
  /** By default 80 % of the machine's memory, which in Lambda can be more than the function has. */
  memoryLimitMb?: number;
}

/** The settings every DuckDB of this process opens with (set once by a Lambda entry). */
let processSettings: Record<string, string> = {};

/** A DuckDB in memory with the process's limits, and `settings` of its own. */
export function createDuckDB(settings: Record<string, string> = {}): Promise<DuckDBInstance> {
  return DuckDBInstance.create(':memory:', { ...processSettings, ...settings });
}

let instance: Promise<DuckDBInstance> | undefined;

/**
 * One in-memory DuckDB per process, created on first use and kept (as a warm Lambda keeps it):
 * opening DuckDB costs far more than writing one province-month.
 */
export function lakeDuckDB(): Promise<DuckDBInstance> {
  instance ??= createDuckDB({ threads: '1' });
  return instance;
}

/**
 * Bounds every DuckDB of the process to the function it runs in, so work larger than its memory
 * spills to /tmp instead of failing: those opened later start with the limits, the lake's
 * instance, if already open, takes them now (both settings are global to an instance).
 */
export async function limitLakeDuckDB(limits: LakeDuckDBLimits): Promise<void> {
  processSettings = {
    temp_directory: limits.tempDirectory,
    ...(limits.memoryLimitMb === undefined ? {} : { memory_limit: `${Math.floor(limits.memoryLimitMb)}MB` }),
  };
  if (!instance) return;
  const connection = await (await instance).connect();
  try {
    for (const [name, value] of Object.entries(processSettings))
      await connection.run(`SET ${name} = '${value.replaceAll("'", "''")}'`);
  } finally {
    connection.closeSync();
  }
}
