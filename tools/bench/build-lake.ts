/**
 * A lake mirror built straight from the generator, without the upload path: the refresh and
 * query benchmarks need years of data, and ingesting ten million rows file by file would take
 * longer than the benchmark. Same layout (core/contracts/layout.ts), same Parquet settings as the lake
 * writer, and one accepted ledger record per province-month, so the engine cannot tell.
 */
import { createHash } from 'node:crypto';
import { link, mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { DATASET_NAMES, DATASETS, duckdbType, type DatasetName } from '../../core/datasets/index.ts';
import { debtMonths } from '../../pipeline/generate/debtors.ts';
import { simulateDossiers } from '../../pipeline/generate/dossiers.ts';
import { TaxCodes } from '../../pipeline/generate/employers.ts';
import { oldUnitsOf, rowsFor } from '../../pipeline/generate/province-month.ts';
import type { Row } from '../../pipeline/generate/rows.ts';
import { submissionOf } from '../../pipeline/generate/submission.ts';
import { LAKE_PREFIX, lakeKey, ledgerKey, uploadKey } from '../../core/contracts/layout.ts';
import type { LedgerRecord } from '../../core/contracts/ledger-record.ts';
import type { Period } from '../../core/period.ts';
import { provinces } from '../../pipeline/reference/provinces.ts';

export interface LakeBuild {
  mirrorDir: string;
  from: Period;
  to: Period;
  debtorsPerMonth: number;
  seed: number;
  /** Called after each month is written, with that month's debt rows. */
  onMonth?: (period: Period, debtRows: number) => void;
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

function appendCell(appender: DuckDBAppender, type: string, value: Row[string] | undefined): void {
  if (value === undefined) return appender.appendNull();
  if (type === 'BIGINT') return appender.appendBigInt(BigInt(value));
  if (type === 'DATE') {
    // The generator writes dates as a province types them (dd/mm/yyyy); the lake holds ISO dates.
    const [d, m, y] = String(value).split('/');
    return appender.appendVarchar(`${y}-${m}-${d}`);
  }
  appender.appendVarchar(String(value));
}

async function writeMonth(
  connection: DuckDBConnection,
  mirrorDir: string,
  dataset: DatasetName,
  parts: Array<{ province: string; period: Period; rows: Row[] }>,
): Promise<void> {
  const columns = DATASETS[dataset].columns.map((c) => ({ key: c.key, type: duckdbType(c.type) }));
  // Dates are staged as text and cast in the COPY: the appender's date value needs parts.
  const defs = columns.map((c) => `"${c.key}" ${c.type === 'DATE' ? 'VARCHAR' : c.type}`);
  await connection.run(
    `CREATE OR REPLACE TABLE stage (${defs.join(', ')}, period VARCHAR, province VARCHAR)`,
  );
  const appender = await connection.createAppender('stage');
  for (const part of parts) {
    for (const row of part.rows) {
      for (const c of columns) appendCell(appender, c.type, row[c.key]);
      appender.appendVarchar(part.period);
      appender.appendVarchar(part.province);
      appender.endRow();
    }
  }
  appender.flushSync();
  appender.closeSync();
  const select = columns.map((c) =>
    c.type === 'DATE' ? `CAST("${c.key}" AS DATE) AS "${c.key}"` : `"${c.key}"`,
  );
  const target = join(mirrorDir, LAKE_PREFIX, dataset);
  await mkdir(target, { recursive: true });
  await connection.run(
    `COPY (SELECT ${select.join(', ')}, period, province FROM stage) TO ${quote(target)} ` +
      `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880, PARTITION_BY (period, province), ` +
      `FILENAME_PATTERN 'part', OVERWRITE_OR_IGNORE)`,
  );
  for (const part of parts) {
    const dir = dirname(join(mirrorDir, lakeKey(dataset, part.period, part.province)));
    for (const name of await readdir(dir)) {
      if (name.startsWith('part'))
        await rename(join(dir, name), join(mirrorDir, lakeKey(dataset, part.period, part.province)));
    }
  }
}

function ledgerRecordOf(
  dataset: DatasetName,
  period: Period,
  province: string,
  rows: number,
  at: string,
): LedgerRecord {
  const uploadId = createHash('sha256').update(`${dataset}/${period}/${province}`).digest('hex').slice(0, 24);
  const fileName = `${province}.csv`;
  return {
    upload_id: uploadId,
    key: uploadKey({ dataset, period, province, fileName }),
    version_id: null,
    dataset,
    period,
    province,
    file_name: fileName,
    sha256: uploadId.padEnd(64, '0'),
    bytes: rows * 100,
    received_at: at,
    ingested_at: at,
    status: 'accepted',
    rows_read: rows,
    rows_accepted: rows,
    rows_rejected: 0,
    error_count: 0,
    warning_count: 0,
    supersedes: null,
    rows_sha256: null,
    etag: null,
  };
}

/** Writes every dataset's lake objects and ledger records for the range; returns the debt rows. */
export async function buildLake(build: LakeBuild): Promise<number> {
  const { mirrorDir, from, to, debtorsPerMonth, seed } = build;
  const registry = provinces();
  const oldUnits = registry.units.filter((u) => u.generation === '63');
  const codes = new TaxCodes();
  const prosecution = simulateDossiers(seed, oldUnits, from, to, codes);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  let debtRows = 0;
  try {
    for (const { period, rows: debt } of debtMonths(seed, oldUnits, from, to, debtorsPerMonth, codes)) {
      let monthDebt = 0;
      for (const dataset of DATASET_NAMES) {
        const parts: Array<{ province: string; period: Period; rows: Row[] }> = [];
        for (const unit of registry.validIn(period)) {
          const { submittedAt } = submissionOf(seed, dataset, period, unit.code);
          if (submittedAt === undefined) continue;
          const rows = rowsFor(dataset, seed, oldUnitsOf(registry, unit), period, { debt, prosecution });
          if (rows.length === 0) continue;
          parts.push({ province: unit.code, period, rows });
          const record = ledgerRecordOf(dataset, period, unit.code, rows.length, submittedAt);
          const path = join(mirrorDir, ledgerKey(dataset, period, unit.code, record.upload_id));
          await mkdir(dirname(path), { recursive: true });
          await writeFile(path, JSON.stringify(record));
          if (dataset === 'debt') monthDebt += rows.length;
        }
        await writeMonth(connection, mirrorDir, dataset, parts);
      }
      debtRows += monthDebt;
      build.onMonth?.(period, monthDebt);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return debtRows;
}

/**
 * A mirror holding only the months from `from` on of another, by hard links (no copying); with
 * `prefixes`, only the keys under them (what the refresh mirrors: never the debt detail).
 */
export async function linkMirrorFrom(
  source: string,
  target: string,
  from: Period,
  prefixes?: readonly string[],
): Promise<void> {
  const files = await readdir(source, { recursive: true, withFileTypes: true });
  for (const f of files) {
    if (!f.isFile()) continue;
    const path = join(f.parentPath, f.name);
    const key = relative(source, path).split(sep).join('/');
    if (prefixes && !prefixes.some((p) => key.startsWith(p))) continue;
    const period = /(?:period=|\/)(\d{4}-\d{2})\//.exec(path.slice(source.length))?.[1];
    if (period === undefined || period < from) continue;
    const to = join(target, path.slice(source.length));
    await mkdir(dirname(to), { recursive: true });
    await link(path, to);
  }
}
