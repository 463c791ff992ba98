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
