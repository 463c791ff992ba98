/**
 * The DuckDB path for large clean CSV uploads: DuckDB reads every field as text, the template's
 * rules run as SQL over whole columns, and a clean file is written to lake Parquet and hashed
 * without one JavaScript row object. It only ever says "clean, here are the figures" or "not for
 * me" (undefined): any possible problem sends the file to the JavaScript path, which writes the
 * detailed receipt. Proven against that path by test/integration/ingest-fast-differential.test.ts.
 */
import { createHash, randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBBlobValue, type DuckDBConnection } from '@duckdb/node-api';
import { isRequired, isTotal, type DatasetDef } from '../datasets/index.ts';
import { lakeDuckDB } from '../lake/duckdb-instance.ts';
import { preparedLake, type PreparedLake } from '../lake/prepared-lake.ts';
import { isBlank } from './grid.ts';
import { parseCell } from './parse-cell.ts';
import { conditionallyRequired } from './row-rules.ts';
import { isTotalsRow } from './sheet-body.ts';
import { isSubtotalLabel } from './row-kinds.ts';
import { planFastCsv, type FastCsvPlan } from './fast-csv-plan.ts';
import {
  cellProblem,
  field,
  mapLiteral,
  MAYBE_SUBTOTAL_LABEL,
  MAYBE_TOTAL_LABEL,
  quoteIdent,
  quoteLiteral,
  readCsvSql,
  ruleBreach,
  sqlType,
  valueOf,
} from './fast-csv-sql.ts';

export interface FastCsvResult {
  rows: number;
  totals: Record<string, number>;
  lake: PreparedLake;
}

/** Distinct spellings JavaScript judges per column (categories, dates, would-be total labels). */
const MAX_JUDGED = 10_000;
/** Rows of checksum lines handed to JavaScript at a time. */
const HASH_GROUP_ROWS = 65_536;
/** Characters a stored category code or date may not hold to be written to the checksum unescaped. */
const needsEscape = (text: string) =>
  [...text].some((ch) => ch === '"' || ch === '\\' || ch < ' ' || ch === '\u2028' || ch === '\u2029');

let counter = 0;

export async function validateCsvInDuckDB(
  bytes: Uint8Array,
  dataset: DatasetDef,
  maxRows: number,
  tmpDir: string,
): Promise<FastCsvResult | undefined> {
  const plan = planFastCsv(bytes, dataset, maxRows);
  if (!plan) return undefined;
  const id = `${process.pid}_${++counter}_${randomUUID().slice(0, 8)}`;
  const csv = join(tmpDir, `vss-upload-${id}.csv`);
  const parquet = join(tmpDir, `vss-lake-${id}.parquet`);
  const table = `fast_upload_${id}`;
  await writeFile(csv, bytes);
  const connection = await (await lakeDuckDB()).connect();
  let written = false;
  try {
    const blankRow = Array.from({ length: plan.fieldCount }, (_, i) => `coalesce(${field(i)}, '') = ''`);
    try {
      await connection.run(
        `CREATE TEMP TABLE ${table} AS SELECT * FROM ${readCsvSql(csv, plan)} WHERE NOT (${blankRow.join(' AND ')})`,
      );
    } catch {
      // A line DuckDB will not read as the template's fields (ragged, bad quote, not UTF-8).
      return undefined;
    }
    const judged = await judgeSpellings(connection, table, dataset, plan);
    if (!judged || (await mayHoldTotalsRow(connection, table, dataset, plan))) return undefined;
    const figures = await checkRows(connection, table, dataset, plan, judged);
    if (!figures || plan.rowsAbove + figures.rows > maxRows) return undefined;
    const values = dataset.columns.map((c) => valueOf(c, plan.positions.get(c.key)!, judged.get(c.key)));
    const select = dataset.columns.map(
      (c, i) => `CAST(${values[i]} AS ${sqlType(c)}) AS ${quoteIdent(c.key)}`,
    );
    await connection.run(
      `COPY (SELECT ${select.join(', ')} FROM ${table}) TO ${quoteLiteral(parquet)} ` +
        `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`,
    );
    const checksum = await rowsChecksumInDuckDB(connection, table, dataset, plan.positions, values);
    written = true;
    return {
      rows: figures.rows,
      totals: figures.totals,
      lake: preparedLake(dataset.name, parquet, figures.rows, checksum),
    };
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    connection.closeSync();
    await rm(csv, { force: true });
    if (!written) await rm(parquet, { force: true });
  }
}

/**
 * Category and date columns: each distinct spelling judged by parseCell itself, as the JS path
 * would judge every cell. Answers column key → SQL MAP of spelling → stored value, or undefined
 * when a spelling is wrong, blank where it may not be, or there are too many to judge.
 */
async function judgeSpellings(
  connection: DuckDBConnection,
  table: string,
  dataset: DatasetDef,
  plan: FastCsvPlan,
): Promise<Map<string, string> | undefined> {
  const governed = conditionallyRequired(dataset);
  const judged = new Map<string, string>();
  for (const c of dataset.columns) {
    if (c.type.kind !== 'category' && c.type.kind !== 'date') continue;
    const f = field(plan.positions.get(c.key)!);
    const reader = await connection.runAndReadAll(
      `SELECT DISTINCT ${f} FROM ${table} LIMIT ${MAX_JUDGED + 1}`,
    );
    const spellings = reader.getColumns()[0] ?? [];
    if (spellings.length > MAX_JUDGED) return undefined;
    const entries: Array<[string, string | null]> = [];
    for (const raw of spellings) {
      if (raw !== null && typeof raw !== 'string') return undefined;
      if (raw !== null && isTotalsRow([raw])) return undefined;
      if (raw === null || isBlank(raw)) {
        if (isRequired(c) && !governed.has(c.key)) return undefined;
        if (raw !== null) entries.push([raw, null]);
        continue;
      }
      const outcome = parseCell(c.type, raw);
      if (!outcome.ok || needsEscape(String(outcome.value))) return undefined;
      entries.push([raw, String(outcome.value)]);
    }
    judged.set(c.key, entries.length > 0 ? mapLiteral(entries) : "MAP {'': NULL}");
  }
  return judged;
}

/**
 * Text and unnamed fields that might be a total or subtotal label, judged by isTotalsRow and
 * isSubtotalLabel themselves. (Section headings and signature lines leave the template's
 * required cells blank, which the cell checks already send to JavaScript.)
 */
async function mayHoldTotalsRow(
  connection: DuckDBConnection,
  table: string,
  dataset: DatasetDef,
  plan: FastCsvPlan,
): Promise<boolean> {
  const named = new Map([...plan.positions].map(([key, position]) => [position, key]));
  const screened = Array.from({ length: plan.fieldCount }, (_, i) => i).filter((i) => {
    const key = named.get(i);
    // Integer and tax-code cells either are digits (never a label) or fail their own check.
    const kind = key === undefined ? 'text' : dataset.columns.find((c) => c.key === key)!.type.kind;
    return kind === 'text';
  });
  if (screened.length === 0) return false;
  const reader = await connection.runAndReadAll(
    `SELECT DISTINCT v FROM (SELECT unnest([${screened.map(field).join(', ')}]) AS v FROM ${table}) ` +
      `WHERE regexp_matches(v, ${quoteLiteral(MAYBE_TOTAL_LABEL)}) ` +
      `OR regexp_matches(v, ${quoteLiteral(MAYBE_SUBTOTAL_LABEL)}) LIMIT ${MAX_JUDGED + 1}`,
  );
  const cells = reader.getColumns()[0] ?? [];
  if (cells.length > MAX_JUDGED) return true;
  return cells.some((cell) => typeof cell !== 'string' || isTotalsRow([cell]) || isSubtotalLabel(cell));
}

/** Row count and totals of a clean file; undefined when any cell or row rule might complain. */
async function checkRows(
  connection: DuckDBConnection,
  table: string,
  dataset: DatasetDef,
  plan: FastCsvPlan,
  judged: ReadonlyMap<string, string>,
): Promise<{ rows: number; totals: Record<string, number> } | undefined> {
  const governed = conditionallyRequired(dataset);
  const value = (key: string) => {
    const c = dataset.columns.find((col) => col.key === key)!;
    return valueOf(c, plan.positions.get(key)!, judged.get(key));
  };
  const problems = [
    ...dataset.columns.flatMap(
      (c) => cellProblem(c, plan.positions.get(c.key)!, isRequired(c) && !governed.has(c.key)) ?? [],
    ),
    ...dataset.rowRules.map((rule) => ruleBreach(rule, value)),
  ];
  const unique = dataset.columns
    .filter((c) => c.unique)
    .map((c) => `count(DISTINCT ${value(c.key)}) = count(${value(c.key)})`);
  const totals = dataset.columns.filter(isTotal);
  const select = [
    'count(*)',
    problems.length > 0
      ? `coalesce(bool_or(${problems.map((p) => `coalesce(${p}, true)`).join(' OR ')}), false)`
      : 'false',
    unique.length > 0 ? unique.join(' AND ') : 'true',
    ...totals.map((c) => `CAST(coalesce(sum(${value(c.key)}), 0) AS VARCHAR)`),
  ];
  const reader = await connection.runAndReadAll(`SELECT ${select.join(', ')} FROM ${table}`);
  const [count, problem, distinct, ...sums] = reader.getRows()[0] ?? [];
  if (problem !== false || distinct !== true || typeof count !== 'bigint' || count === 0n) return undefined;
  const figures: Record<string, number> = {};
  for (const [i, c] of totals.entries()) {
    const sum = Number(sums[i]);
    // Above 2^53 the JS path's floating sum may round: leave such a file to it.
    if (!Number.isSafeInteger(sum)) return undefined;
    figures[c.key] = sum;
  }
  return { rows: Number(count), totals: figures };
}

/**
 * rowsChecksum's value without JavaScript rows: DuckDB writes each row's JSON array line (the
 * checks above leave nothing to escape), groups of lines come to JavaScript as single strings,
 * and node's SHA-256 hashes them in row order.
 */
async function rowsChecksumInDuckDB(
  connection: DuckDBConnection,
  table: string,
  dataset: DatasetDef,
  positions: FastCsvPlan['positions'],
  values: readonly string[],
): Promise<string> {
  // An integer's canonical digits (the only form the checks pass) are its JSON number already.
  const parts = dataset.columns.map((c, i) =>
    c.type.kind === 'integer'
      ? `coalesce(NULLIF(${field(positions.get(c.key)!)}, ''), 'null')`
      : `coalesce('"' || ${values[i]} || '"', 'null')`,
  );
  const line = `concat('[', ${parts.join(", ',', ")}, ']', chr(10))`;
  const hash = createHash('sha256');
  const result = await connection.stream(
    `SELECT rowid // ${HASH_GROUP_ROWS} AS g, encode(string_agg(${line}, '' ORDER BY rowid)) AS lines ` +
      `FROM ${table} GROUP BY g ORDER BY g`,
  );
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    // As UTF-8 bytes (encode): no decoding into a JavaScript string and encoding back to hash it.
    for (const lines of chunk.getColumnValues(1)) {
      if (!(lines instanceof DuckDBBlobValue))
        throw new TypeError('rows checksum: expected bytes from DuckDB');
      hash.update(lines.bytes);
    }
  }
  return hash.digest('hex');
}
