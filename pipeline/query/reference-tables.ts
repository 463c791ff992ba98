/**
 * Reference tables the queries join with: the provincial units of both generations (so a month's
 * expected units come from the month itself), the datasets, the months being reported, and the
 * national targets (by year, generation and unit).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { DATASETS } from '../../core/datasets/index.ts';
import { periodRange, type Period } from '../../core/period.ts';
import type { ProvinceRegistry } from '../reference/provinces.ts';
import type { Targets } from '../../core/reference/targets.ts';
import { TARGET_TABLE_COLUMNS, TEXT_TARGET_COLUMNS, tableRow } from '../reference/targets.ts';

export async function createProvincesTable(
  connection: DuckDBConnection,
  registry: ProvinceRegistry,
): Promise<void> {
  await connection.run(`CREATE OR REPLACE TABLE vss.provinces (
    code VARCHAR NOT NULL, name_vi VARCHAR NOT NULL, name_ascii VARCHAR NOT NULL, generation VARCHAR NOT NULL,
    valid_from VARCHAR NOT NULL, valid_to VARCHAR, current_code VARCHAR NOT NULL,
    region_vi VARCHAR NOT NULL, region_en VARCHAR NOT NULL, population_2020 DOUBLE NOT NULL)`);
  const insert = await connection.prepare('INSERT INTO vss.provinces VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const u of registry.units) {
    insert.bind([
      u.code,
      u.nameVi,
      u.nameAscii,
      u.generation,
      u.validFrom,
      u.validTo,
      u.currentCode,
      u.regionVi,
      u.regionEn,
      u.population2020,
    ]);
    await insert.run();
  }
}

export async function createTargetsTable(connection: DuckDBConnection, targets: Targets): Promise<void> {
  const columns = TARGET_TABLE_COLUMNS.map(
    (c) => `${c} ${TEXT_TARGET_COLUMNS.has(c) ? 'VARCHAR' : 'BIGINT'} NOT NULL`,
  );
  await connection.run(`CREATE OR REPLACE TABLE vss.targets (${columns.join(', ')})`);
  const appender = await connection.createAppender('targets', 'vss');
  for (const row of targets.rows().map(tableRow)) {
    for (const c of TARGET_TABLE_COLUMNS) {
      const v = row[c];
      if (typeof v === 'number') appender.appendBigInt(BigInt(v));
      else appender.appendVarchar(v);
    }
    appender.endRow();
  }
  appender.closeSync();
}

export async function createDatasetsTable(connection: DuckDBConnection): Promise<void> {
  await connection.run(
    'CREATE OR REPLACE TABLE vss.datasets (name VARCHAR NOT NULL, title_vi VARCHAR NOT NULL, title_en VARCHAR NOT NULL)',
  );
  for (const d of Object.values(DATASETS)) {
    await connection.run('INSERT INTO vss.datasets VALUES (?, ?, ?)', [d.name, d.titleVi, d.titleEn]);
  }
}

export async function createMonthsTable(
  connection: DuckDBConnection,
  range: { from: Period; to: Period } | null,
) {
  await connection.run('CREATE OR REPLACE TABLE vss.months (period VARCHAR NOT NULL)');
  if (!range) return;
  for (const period of periodRange(range.from, range.to)) {
    await connection.run('INSERT INTO vss.months VALUES (?)', [period]);
  }
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
