/**
 * Ingest of one big debt CSV through the real path — validateUpload with the DuckDB path ingest
 * uses for large CSVs (one pass: read, every rule as SQL, lake Parquet by COPY; then the receipt's
 * figures from the Parquet and the checksum of its bytes) — against
 * bare DuckDB reading the same file with read_csv and writing it with COPY … TO parquet, on one
 * thread each (the lake's DuckDB is single-threaded, as in a Lambda of under two vCPUs), and
 * against the floor its rules stand on (noRulePass). The JavaScript path (parse, every cell,
 * Parquet writer, checksum) is timed once beside them.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { writeBigDebtUpload } from '../../pipeline/generate/big-upload.ts';
import { LAKE_PARQUET_OPTIONS, writeParquetFile } from '../../pipeline/lake/parquet-writer.ts';
import { lakeFileChecksum } from '../../pipeline/lake/lake-checksum.ts';
import { DEFAULT_LIMITS, validateUpload, type ValidationInput } from '../../pipeline/validate/index.ts';
import { median, note, report, step, timed } from './measure.ts';
import { uploadKey, type UploadLocation } from '../../core/contracts/layout.ts';
import { DATASETS, templateAt } from '../../core/datasets/index.ts';
import { planFastCsv } from '../../pipeline/validate/fast-csv-plan.ts';
import { judgeSpellings } from '../../pipeline/validate/fast-csv-judge.ts';
import { readCsvSql, storedColumns } from '../../pipeline/validate/fast-csv-sql.ts';

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Seconds of one `COPY (select) TO parquet` in a new one-thread DuckDB, with the lake's options. */
async function timedCopy(select: string, parquet: string): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    const copy = `COPY (${select}) TO ${quote(parquet)} (${LAKE_PARQUET_OPTIONS})`;
    return (await timed(() => connection.run(copy))).seconds;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const bareDuckDB = (csv: string, parquet: string) =>
  timedCopy(`SELECT * FROM read_csv(${quote(csv)}, header = true)`, parquet);

/**
 * The floor under the rules: the DuckDB path's own statement with no rule in it, reading every
 * field as text (the rules judge the cells as written: DuckDB's typed read takes "5.4" as 5 and
 * "1e3" as 1000) and writing the stored values. What the ingest costs above this is its rules.
 */
async function noRulePass(csv: string, bytes: Uint8Array, parquet: string): Promise<number> {
  const dataset = templateAt(DATASETS.debt, BENCH_PERIOD);
  const plan = planFastCsv(bytes, dataset, Number.MAX_SAFE_INTEGER);
  if (!plan) throw new Error('the benchmark file is not one the DuckDB path reads');
  const stored = storedColumns(dataset, plan.positions, judgeSpellings(dataset, plan));
  return timedCopy(`SELECT ${stored} FROM ${readCsvSql(csv, plan)}`, parquet);
}

/** The month the benchmark's upload reports (template version 2). */
const BENCH_PERIOD = '2026-10';

async function uploadInput(csv: string, rows: number): Promise<ValidationInput> {
  const bytes = await readFile(csv);
  const location: UploadLocation = {
    dataset: 'debt',
    period: BENCH_PERIOD,
    province: '79',
    fileName: 'big.csv',
  };
  return {
    bytes,
    key: uploadKey(location),
    location,
    receivedAt: '2026-11-05T02:00:00.000Z',
    now: new Date('2026-11-05T02:00:00.000Z'),
    // The production caps (50 MB, 300,000 rows) would refuse the file before measuring anything.
    limits: { ...DEFAULT_LIMITS, maxBytes: bytes.length + 1, maxRows: rows + 10 },
  };
}

/** One pass of the path ingest takes: validation writes the lake file and its checksum. */
async function realIngest(input: ValidationInput, workDir: string): Promise<number> {
  const { value, seconds } = await timed(() => validateUpload({ ...input, fastPath: { tmpDir: workDir } }));
  if (value.receipt.status !== 'accepted' || !value.lake)
    throw new Error(
      `the benchmark file did not take the DuckDB path: ${JSON.stringify(value.receipt.errors.slice(0, 3))}`,
    );
  await value.lake.dispose();
  return seconds;
}

/** One pass of the JavaScript path; the three parts timed apart. */
async function jsIngest(input: ValidationInput, parquet: string) {
  const validated = await timed(() => validateUpload(input));
  const { receipt, rows: accepted } = validated.value;
  if (receipt.status !== 'accepted')
    throw new Error(`the benchmark file was rejected: ${JSON.stringify(receipt.errors.slice(0, 3))}`);
  const written = await timed(() => writeParquetFile('debt', BENCH_PERIOD, accepted, parquet));
  const checksum = await timed(async () => lakeFileChecksum(await readFile(parquet)));
  return { validate: validated.seconds, parquet: written.seconds, checksum: checksum.seconds };
}

/** Runs of each side, alternated so that a change in the machine's load falls on both. */
const RUNS = 3;

export async function benchIngest(workDir: string, rows: number): Promise<void> {
  step(`ingest of a ${rows.toLocaleString('en')}-row debt CSV (median of ${RUNS} runs each, alternated)`);
  const csv = join(workDir, `debt-${rows}.csv`);
  const exists = await stat(csv).catch(() => undefined);
  if (!exists) {
    const made = await timed(() => writeBigDebtUpload({ path: csv, rows, period: BENCH_PERIOD }));
    note(`wrote ${csv}: ${(made.value / 1e6).toFixed(1)} MB in ${made.seconds.toFixed(1)} s`);
  }
  const input = await uploadInput(csv, rows);
  const bares: number[] = [];
  const floors: number[] = [];
  const totals: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const bare = await bareDuckDB(csv, join(workDir, 'bare.parquet'));
    bares.push(bare);
    note(`bare DuckDB read_csv → COPY parquet: ${bare.toFixed(2)} s`);
    const floor = await noRulePass(csv, input.bytes, join(workDir, 'bare.parquet'));
    floors.push(floor);
    note(`the DuckDB path's statement with no rule (fields as text → stored values): ${floor.toFixed(2)} s`);
    const real = await realIngest(input, workDir);
    totals.push(real);
    note(`validateUpload, DuckDB path (validate + lake Parquet + rows checksum): ${real.toFixed(2)} s`);
  }
  const js = await jsIngest(input, join(workDir, 'lake.parquet'));
  note(
    `JavaScript path, once: validateUpload ${js.validate.toFixed(2)} s + lake Parquet writer ` +
      `${js.parquet.toFixed(2)} s + rows checksum ${js.checksum.toFixed(2)} s`,
  );
  const total = median(totals);
  report({
    name: 'ingest (validate + Parquet + checksum)',
    value: total,
    unit: 's',
    baseline: { name: 'bare DuckDB', value: median(bares) },
    target: 1.3,
  });
  report({
    name: 'floor: the same read and write, no rule',
    value: median(floors),
    unit: 's',
    baseline: { name: 'bare DuckDB', value: median(bares) },
  });
  report({ name: 'ingest throughput', value: Math.round(rows / total), unit: 'rows/s' });
  await rm(join(workDir, 'bare.parquet'), { force: true });
  await rm(join(workDir, 'lake.parquet'), { force: true });
}
