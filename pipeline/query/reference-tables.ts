/**
 * Reference tables the queries join with: the provincial units of both generations (so a month's
 * expected units come from the month itself), the datasets, the months being reported, and the
 * national targets (by year, generation and unit).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { DATASETS } from '../../core/datasets/index.ts';
import { periodRange, type Period } from '../../core/period.ts';
import {
  DATASETS_TABLE,
  MONTHS_TABLE,
  PROVINCES_TABLE,
  TARGETS_HISTORY_TABLE,
  TARGETS_TABLE,
  type ReferenceColumnType,
  type ReferenceRowOf,
  type ReferenceTableDefinition,
} from '../../core/reference/reference-tables.ts';
import type { ProvinceRegistry } from '../reference/provinces.ts';
import type { Targets } from '../../core/reference/targets.ts';
import { datasetRows, provinceRows, targetRows } from '../reference/table-rows.ts';

const DUCKDB_TYPE: Record<ReferenceColumnType, string> = {
  text: 'VARCHAR',
  bigint: 'BIGINT',
  double: 'DOUBLE',
};

/** Where a definition's table is created: vss.<its name>, unless a writer stages it elsewhere. */
export interface TablePlace {
  schema: string;
  name: string;
}

/** `CREATE OR REPLACE TABLE vss.<name> (...)`, every column NOT NULL but those the definition lets be empty. */
export function createTableSql(
  table: ReferenceTableDefinition,
  place: TablePlace = { schema: 'vss', name: table.name },
): string {
  const columns = table.columns.map(
    (c) => `${c.name} ${DUCKDB_TYPE[c.type]}${c.nullable ? '' : ' NOT NULL'}`,
  );
  return `CREATE OR REPLACE TABLE ${place.schema}.${place.name} (${columns.join(', ')})`;
}

/** Creates the table of a definition and appends its rows, each value as its column's type. */
export async function loadTable<T extends ReferenceTableDefinition>(
  connection: DuckDBConnection,
  table: T,
  rows: readonly ReferenceRowOf<T>[],
  place: TablePlace = { schema: 'vss', name: table.name },
): Promise<void> {
  await connection.run(createTableSql(table, place));
  const appender = await connection.createAppender(place.name, place.schema);
  for (const row of rows) {
    for (const c of table.columns) {
      const v = (row as Record<string, unknown>)[c.name];
      if (v === null || v === undefined) appender.appendNull();
      else if (c.type === 'text') appender.appendVarchar(String(v));
      else if (c.type === 'bigint') appender.appendBigInt(BigInt(Number(v)));
      else appender.appendDouble(Number(v));
    }
    appender.endRow();
  }
  appender.closeSync();
}

export async function createProvincesTable(
  connection: DuckDBConnection,
  registry: ProvinceRegistry,
): Promise<void> {
  await loadTable(connection, PROVINCES_TABLE, provinceRows(registry));
}

export async function createTargetsTable(connection: DuckDBConnection, targets: Targets): Promise<void> {
  await loadTable(connection, TARGETS_TABLE, targetRows(targets));
  await loadTable(connection, TARGETS_HISTORY_TABLE, targetRows(targets, 'history'));
}

export async function createDatasetsTable(connection: DuckDBConnection): Promise<void> {
  await loadTable(connection, DATASETS_TABLE, datasetRows());
}

/** vss.months: every month of a range, or the months listed. */
export async function createMonthsTable(
  connection: DuckDBConnection,
  range: { from: Period; to: Period } | readonly Period[] | null,
) {
  const periods = range === null ? [] : 'from' in range ? periodRange(range.from, range.to) : range;
  await loadTable(
    connection,
    MONTHS_TABLE,
    periods.map((period) => ({ period })),
  );
}

/** The months any dataset or upload speaks of, first to last; null when the lake is empty. */
export async function dataPeriodRange(
  connection: DuckDBConnection,
): Promise<{ from: Period; to: Period } | null> {
  const union = [
    ...Object.keys(DATASETS).map((d) => `SELECT period FROM vss."${d}"`),
    'SELECT period FROM vss.uploads',
  ];
  const reader = await connection.runAndReadAll(
    `SELECT min(period) AS first, max(period) AS last FROM (${union.join(' UNION ALL ')})`,
  );
  const [row] = reader.getRowObjectsJS();
  const first = row?.first;
  const last = row?.last;
  return typeof first === 'string' && typeof last === 'string' ? { from: first, to: last } : null;
}
