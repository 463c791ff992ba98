/**
 * A lake written before the enforcement template gained its optional columns holds files that lack
 * them altogether. Every engine must still bind vss.enforcement (the columns read as NULL, never
 * a binder error and never 0), and the old columns must keep their figures.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lakeKey } from '../../../core/contracts/layout.ts';
import { enforcement } from '../../../core/datasets/enforcement.ts';
import { duckdbType, isRequired } from '../../../core/datasets/index.ts';
import { openAdHocEngine } from '../../../pipeline/query/ad-hoc-engine.ts';
import { openEngine, type Engine } from '../../../pipeline/query/engine.ts';
import { tempDir } from './engine-fixture.ts';

const OLD_COLUMNS = enforcement.columns.filter(isRequired);
const NEW_COLUMNS = enforcement.columns.filter((c) => !isRequired(c));

/** One province-month in the columns the template had before its optional ones. */
async function writeOlderFile(mirror: string, period: string, province: string, inspections: number) {
  const path = join(mirror, lakeKey('enforcement', period, province));
  mkdirSync(dirname(path), { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const cells = OLD_COLUMNS.map(
    (c) => `CAST(${c.key === 'so_cuoc_thanh_tra' ? inspections : 1} AS ${duckdbType(c.type)}) AS "${c.key}"`,
  );
  await connection.run(`COPY (SELECT ${cells.join(', ')}) TO '${path}' (FORMAT parquet)`);
  connection.closeSync();
  instance.closeSync();
}

const SQL =
  'SELECT count(*) AS n, sum(so_cuoc_thanh_tra) AS inspections, ' +
  `${NEW_COLUMNS.map((c) => `count(${c.key}) AS "${c.key}"`).join(', ')} FROM vss.enforcement`;
const EXPECTED = { n: 2, inspections: 12, ...Object.fromEntries(NEW_COLUMNS.map((c) => [c.key, 0])) };

describe('a lake older than the optional enforcement columns', () => {
  const mirror = tempDir('older-lake');
  const engines: Pick<Engine, 'runQuery' | 'close'>[] = [];
  beforeAll(async () => {
    expect(NEW_COLUMNS.length).toBeGreaterThan(0);
    await writeOlderFile(mirror, '2024-05', '01', 5);
    await writeOlderFile(mirror, '2024-05', '79', 7);
  });
  afterAll(() => engines.forEach((e) => e.close()));

  it.each([
    ['views', () => openEngine({ mirrorDir: mirror, backfillSummaries: false })],
    ['materialised', () => openEngine({ mirrorDir: mirror, backfillSummaries: false, materialize: true })],
    ['ad hoc', () => openAdHocEngine({ mirrorDir: mirror, backfillSummaries: false })],
  ])('binds on the %s engine, the new columns NULL', async (_name, open) => {
    const engine = await open();
    engines.push(engine);
    const { rows } = await engine.runQuery(SQL);
    expect(rows).toEqual([EXPECTED]);
  });
});
