/**
 * A Lambda entry bounds the process's DuckDB to its function: spilling to /tmp (the working
 * directory is read-only there) within a share of its memory. The lake's instance, already open,
 * takes the limits at once; every DuckDB opened later (the query engine's) starts with them.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDuckDB, lakeDuckDB, limitLakeDuckDB } from '../../../pipeline/lake/duckdb-instance.ts';
import { tempDir } from '../query/engine-fixture.ts';

async function settingsOf(db: DuckDBInstance): Promise<Record<string, unknown>> {
  const connection = await db.connect();
  try {
    const read = await connection.runAndReadAll(
      "SELECT current_setting('temp_directory') AS temp, current_setting('memory_limit') AS memory",
    );
    return read.getRowObjects()[0] ?? {};
  } finally {
    connection.closeSync();
  }
}

describe('the DuckDB limits of a function', () => {
  it('apply to the lake instance already open and to every DuckDB opened after', async () => {
    const lake = await lakeDuckDB();
    const before = await settingsOf(await createDuckDB());
    const spill = join(tempDir('duckdb-limits'), 'spill');
    await limitLakeDuckDB({ tempDirectory: spill, memoryLimitMb: 1234.9 });
    // What DuckDB itself reports for the same settings, so its display of sizes is not assumed.
    const plain = await DuckDBInstance.create(':memory:', { temp_directory: spill, memory_limit: '1234MB' });
    const expected = await settingsOf(plain);
    expect(expected.temp).toBe(spill);
    expect(before).not.toEqual(expected);
    expect(await settingsOf(lake)).toEqual(expected);
    expect(await settingsOf(await createDuckDB())).toEqual(expected);
  });
});
