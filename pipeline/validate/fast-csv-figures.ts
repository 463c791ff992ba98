/**
 * What the receipt needs of a file the one pass wrote, read back from its Parquet (typed,
 * columnar, a fraction of the CSV's cost): the row count, the totals, whether unique columns
 * are unique, and the text cells that might be a total or subtotal label, judged here by
 * isTotalsRow and isSubtotalLabel themselves. Undefined: leave the file to the JavaScript path.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { isRequired, isTotal, type ColumnDef, type DatasetDef } from '../../core/datasets/index.ts';
import { isSubtotalLabel } from './row-kinds.ts';
import { isTotalsRow } from './sheet-body.ts';
import { MAYBE_SUBTOTAL_LABEL, MAYBE_TOTAL_LABEL, quoteIdent, quoteLiteral } from './fast-csv-sql.ts';

/** Distinct would-be labels judged per column; more sends the file to JavaScript. */
const MAX_JUDGED = 10_000;

export interface FastCsvFigures {
  rows: number;
  totals: Record<string, number>;
}

/** SQL of a 64-bit hash of a column; a parameter so a test can force collisions. */
export type HashSql = (column: string) => string;
const duckdbHash: HashSql = (column) => `hash(${column})`;

export async function figuresOfParquet(
  connection: DuckDBConnection,
  parquet: string,
  dataset: DatasetDef,
  hashOf: HashSql = duckdbHash,
): Promise<FastCsvFigures | undefined> {
  const col = (key: string) => quoteIdent(key);
  const totals = dataset.columns.filter(isTotal);
  const uniqueColumns = dataset.columns.filter((c) => c.unique);
  // Distinct 64-bit hashes are cheaper to count than distinct strings. Distinct hashes prove
  // distinct values; fewer hashes than values may be a collision, so the values then decide.
  const unique = uniqueColumns.map((c) => `count(DISTINCT ${hashOf(col(c.key))}) = count(${col(c.key)})`);
  // Section headings and signature lines leave required cells blank, which the pass refused.
  const texts = dataset.columns.filter((c) => c.type.kind === 'text');
  const labels = texts.map((c) => {
    const v = col(c.key);
    const maybe = `regexp_matches(${v}, ${quoteLiteral(MAYBE_TOTAL_LABEL)}) OR regexp_matches(${v}, ${quoteLiteral(MAYBE_SUBTOTAL_LABEL)})`;
    return `list(DISTINCT ${v}) FILTER (WHERE ${maybe})`;
  });
  const select = [
    'count(*)',
    unique.length > 0 ? unique.join(' AND ') : 'true',
    // NULL for a column that may be missing and that no row filled: it then has no total.
    ...totals.map((c) =>
      isRequired(c)
        ? `CAST(coalesce(sum(${col(c.key)}), 0) AS VARCHAR)`
        : `CAST(sum(${col(c.key)}) AS VARCHAR)`,
    ),
    ...labels,
  ];
  const reader = await connection.runAndReadAll(
    `SELECT ${select.join(', ')} FROM read_parquet(${quoteLiteral(parquet)})`,
  );
  const [count, hashesDistinct, ...rest] = reader.getRowsJS()[0] ?? [];
  if (typeof count !== 'bigint' || count === 0n) return undefined;
  if (hashesDistinct !== true && !(await valuesDistinct(connection, parquet, uniqueColumns)))
    return undefined;
  const figures: Record<string, number> = {};
  for (const [i, c] of totals.entries()) {
    if (rest[i] === null) continue;
    const sum = Number(rest[i]);
    // Above 2^53 the JS path's floating sum may round: leave such a file to it.
    if (!Number.isSafeInteger(sum)) return undefined;
    figures[c.key] = sum;
  }
  for (const cells of rest.slice(totals.length)) {
    if (cells === null) continue;
    if (!Array.isArray(cells) || cells.length > MAX_JUDGED) return undefined;
    if (cells.some((cell) => typeof cell !== 'string' || isTotalsRow([cell]) || isSubtotalLabel(cell)))
      return undefined;
  }
  return { rows: Number(count), totals: figures };
}

/** The exact test, over the values themselves: run only when the hashes were not all distinct. */
async function valuesDistinct(
  connection: DuckDBConnection,
  parquet: string,
  columns: readonly ColumnDef[],
): Promise<boolean> {
  const tests = columns.map((c) => `count(DISTINCT ${quoteIdent(c.key)}) = count(${quoteIdent(c.key)})`);
  const reader = await connection.runAndReadAll(
    `SELECT ${tests.join(' AND ')} FROM read_parquet(${quoteLiteral(parquet)})`,
  );
  return reader.getRowsJS()[0]?.[0] === true;
}
