/**
 * Ingest of one big debt CSV through the real path — validateUpload (parse, header, every cell,
 * totals) then the lake's Parquet writer and the rows checksum — against bare DuckDB reading the
 * same file with read_csv and writing it with COPY … TO parquet, on one thread each (the lake
 * writer's DuckDB is single-threaded, as in a Lambda of under two vCPUs).
 */
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { writeBigDebtUpload } from '../lib/generate/big-upload.ts';
import { writeParquetFile } from '../lib/lake/parquet-writer.ts';
import { rowsChecksum } from '../lib/lake/rows-checksum.ts';
import { DEFAULT_LIMITS, validateUpload } from '../lib/validate/index.ts';
import { median, note, report, step, timed } from './measure.ts';

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

async function bareDuckDB(csv: string, parquet: string): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    const { seconds } = await timed(() =>
      connection.run(
        `COPY (SELECT * FROM read_csv(${quote(csv)}, header = true)) TO ${quote(parquet)} ` +
          `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`,
      ),
    );
    return seconds;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** One pass of the real path; the three parts timed apart. */
async function realIngest(csv: string, parquet: string, rows: number) {
  const bytes = await readFile(csv);
  const location = { dataset: 'debt', period: '2026-10', province: '79', fileName: 'big.csv' } as const;
  const validated = await timed(() =>
    validateUpload({
      bytes,
      key: `uploads/debt/2026-10/79/big.csv`,
      location,
      receivedAt: '2026-11-05T02:00:00.000Z',
      now: new Date('2026-11-05T02:00:00.000Z'),
      // The production caps (50 MB, 300,000 rows) would refuse the file before measuring anything.
      limits: { ...DEFAULT_LIMITS, maxBytes: bytes.length + 1, maxRows: rows + 10 },
    }),
  );
  const { receipt, rows: accepted } = validated.value;
  if (receipt.status !== 'accepted')
    throw new Error(`the benchmark file was rejected: ${JSON.stringify(receipt.errors.slice(0, 3))}`);
  const written = await timed(() => writeParquetFile('debt', accepted, parquet));
  const checksum = await timed(async () => rowsChecksum('debt', accepted));
  return { validate: validated.seconds, parquet: written.seconds, checksum: checksum.seconds };
}

/** Runs of each side, alternated so that a change in the machine's load falls on both. */
const RUNS = 3;

export async function benchIngest(workDir: string, rows: number): Promise<void> {
  step(`ingest of a ${rows.toLocaleString('en')}-row debt CSV (median of ${RUNS} runs each, alternated)`);
  const csv = join(workDir, `debt-${rows}.csv`);
  const exists = await stat(csv).catch(() => undefined);
  if (!exists) {
    const made = await timed(() => writeBigDebtUpload({ path: csv, rows }));
    note(`wrote ${csv}: ${(made.value / 1e6).toFixed(1)} MB in ${made.seconds.toFixed(1)} s`);
  }
  const bares: number[] = [];
  const totals: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const bare = await bareDuckDB(csv, join(workDir, 'bare.parquet'));
    bares.push(bare);
    note(`bare DuckDB read_csv → COPY parquet: ${bare.toFixed(2)} s`);
    const real = await realIngest(csv, join(workDir, 'lake.parquet'), rows);
    totals.push(real.validate + real.parquet + real.checksum);
    note(
      `validateUpload ${real.validate.toFixed(2)} s + lake Parquet writer ${real.parquet.toFixed(2)} s` +
        ` + rows checksum ${real.checksum.toFixed(2)} s`,
    );
  }
  const total = median(totals);
  report({
    name: 'ingest (validate + Parquet + checksum)',
    value: total,
    unit: 's',
    baseline: { name: 'bare DuckDB', value: median(bares) },
    target: 1.3,
  });
  report({ name: 'ingest throughput', value: Math.round(rows / total), unit: 'rows/s' });
  await rm(join(workDir, 'bare.parquet'), { force: true });
  await rm(join(workDir, 'lake.parquet'), { force: true });
}
