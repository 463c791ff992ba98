import { DuckDBInstance } from '@duckdb/node-api';

let instance: Promise<DuckDBInstance> | undefined;

/**
 * One in-memory DuckDB per process, created on first use and kept (as a warm Lambda keeps it):
 * opening DuckDB costs far more than writing one province-month.
 */
export function lakeDuckDB(): Promise<DuckDBInstance> {
  instance ??= DuckDBInstance.create(':memory:', { threads: '1' });
  return instance;
}

export interface LakeDuckDBLimits {
  /** Where DuckDB spills what does not fit in memory; by default `.tmp` in the working directory, read-only in Lambda. */
  tempDirectory: string;
  /** By default 80 % of the machine's memory, which in Lambda can be more than the function has. */
  memoryLimitMb?: number;
}

/**
 * Bounds the process's DuckDB to the function it runs in, so a month larger than its memory
 * spills to /tmp instead of failing. Both settings are global: every connection then has them.
 */
export async function limitLakeDuckDB(limits: LakeDuckDBLimits): Promise<void> {
  const connection = await (await lakeDuckDB()).connect();
  try {
    await connection.run(`SET temp_directory = '${limits.tempDirectory.replaceAll("'", "''")}'`);
    if (limits.memoryLimitMb !== undefined) {
      await connection.run(`SET memory_limit = '${Math.floor(limits.memoryLimitMb)}MB'`);
    }
  } finally {
    connection.closeSync();
  }
}
