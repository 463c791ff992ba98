import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_TABLES, type ReferenceTableDefinition } from '../../../core/reference/reference-tables.ts';
import {
  createDatasetsTable,
  createMonthsTable,
  createProvincesTable,
  createTableSql,
  createTargetsTable,
} from '../../../pipeline/query/reference-tables.ts';
import { provinces } from '../../../pipeline/reference/provinces.ts';
import { nationalTargets } from '../../../pipeline/reference/targets.ts';

let db: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  connection = await db.connect();
  await connection.run('CREATE SCHEMA vss');
  await createProvincesTable(connection, provinces());
  await createDatasetsTable(connection);
  await createMonthsTable(connection, { from: '2025-01', to: '2025-03' });
  await createTargetsTable(connection, nationalTargets());
});
afterAll(() => connection.closeSync());

// Independent statement of the DuckDB type each definition type is stored as.
const DUCKDB_OF_TYPE: Record<string, string> = { text: 'VARCHAR', bigint: 'BIGINT', double: 'DOUBLE' };

async function describeTable(name: string): Promise<[string, string, string][]> {
  const reader = await connection.runAndReadAll(`DESCRIBE vss.${name}`);
  return reader.getRowObjectsJS().map((r) => [String(r.column_name), String(r.column_type), String(r.null)]);
}

const expected = (def: ReferenceTableDefinition) =>
  def.columns.map((c) => [c.name, DUCKDB_OF_TYPE[c.type], c.nullable ? 'YES' : 'NO']);

describe('the reference tables in DuckDB', () => {
  it.each(REFERENCE_TABLES.map((d) => [d.name, d] as const))(
    'vss.%s has the columns, types and emptiness of its definition',
    async (name, def) => {
      expect(await describeTable(name)).toEqual(expected(def));
    },
  );

  it('keeps an empty end of validity empty, and the units of both generations', async () => {
    const reader = await connection.runAndReadAll(
      'SELECT generation, count(*) AS n, count(valid_to) AS ended FROM vss.provinces GROUP BY ALL ORDER BY generation',
    );
    expect(reader.getRowObjectsJS()).toEqual([
      { generation: '34', n: 34n, ended: 0n },
      { generation: '63', n: 63n, ended: 63n },
    ]);
  });

  it('follows a column added to the definition', async () => {
    const [first] = REFERENCE_TABLES;
    if (!first) throw new Error('no reference table');
    const extra: ReferenceTableDefinition = {
      ...first,
      name: 'months',
      columns: [...first.columns, { name: 'x_new', type: 'double', nullable: true, description: 'x' }],
    };
    await connection.run(createTableSql(extra));
    expect((await describeTable('months')).at(-1)).toEqual(['x_new', 'DOUBLE', 'YES']);
    await createMonthsTable(connection, { from: '2025-01', to: '2025-03' });
  });
});
