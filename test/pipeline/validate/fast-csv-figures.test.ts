/**
 * The receipt's figures read back from the lake Parquet: uniqueness is tested on hashes first and,
 * when the hashes are not all distinct, on the values. A hash that collides on every value (forced
 * here) must neither reject a unique file nor accept a duplicate.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, duckdbType, templateAt } from '../../../core/datasets/index.ts';
import { lakeDuckDB } from '../../../pipeline/lake/duckdb-instance.ts';
import { figuresOfParquet, type HashSql } from '../../../pipeline/validate/fast-csv-figures.ts';

const dataset = templateAt(DATASETS.debt, '2026-10');
const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-figures-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A lake file of three rows with these tax codes; every amount of row i is (i + 1) * 10. */
async function lakeFile(name: string, codes: readonly string[]): Promise<string> {
  const path = join(dir, `${name}.parquet`);
  const rows = codes.map((code, i) =>
    dataset.columns.map((c) => {
      const kind = c.type.kind;
      const value =
        kind === 'tax_code'
          ? quote(code)
          : kind === 'integer'
            ? String((i + 1) * 10)
            : kind === 'category'
              ? quote(c.type.options[0]!.code)
              : quote(`Công ty Sao Mai ${i}`);
      return `CAST(${value} AS ${duckdbType(c.type)}) AS "${c.key}"`;
    }),
  );
  const select = rows.map((r) => `SELECT ${r.join(', ')}`).join(' UNION ALL ');
  const connection = await (await lakeDuckDB()).connect();
  try {
    await connection.run(`COPY (${select}) TO ${quote(path)} (FORMAT parquet)`);
    return path;
  } finally {
    connection.closeSync();
  }
}

const everyHashEqual: HashSql = () => '0';
const UNIQUE = ['0100000001', '0100000002', '0100000002-001'];
const DUPLICATE = ['0100000001', '0100000002', '0100000001'];

async function figures(path: string, hash?: HashSql) {
  const connection = await (await lakeDuckDB()).connect();
  try {
    return await figuresOfParquet(connection, path, dataset, hash);
  } finally {
    connection.closeSync();
  }
}

describe('figuresOfParquet uniqueness', () => {
  it('accepts unique codes, with the count and totals, by hash and when every hash collides', async () => {
    const path = await lakeFile('unique', UNIQUE);
    const totals = Object.fromEntries(
      dataset.columns
        .filter((c) => c.type.kind === 'integer' && c.type.unit !== 'months')
        .map((c) => [c.key, 60]),
    );
    expect(await figures(path)).toEqual({ rows: 3, totals });
    expect(await figures(path, everyHashEqual)).toEqual({ rows: 3, totals });
  });

  it('refuses a duplicate code by hash and when every hash collides', async () => {
    const path = await lakeFile('duplicate', DUPLICATE);
    expect(await figures(path)).toBeUndefined();
    expect(await figures(path, everyHashEqual)).toBeUndefined();
  });
});
