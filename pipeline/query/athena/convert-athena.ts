/**
 * GetQueryResults hands every cell back as text (VarCharValue, absent for NULL). The column types
 * of ResultSetMetadata say how to read it, so an Athena row equals the row DuckDB gives for the
 * same query: whole numbers as numbers (refusing any JavaScript cannot hold exactly), decimals and
 * doubles as numbers, dates as 'YYYY-MM-DD', text as text.
 */
import type { ColumnInfo } from '@aws-sdk/client-athena';
import { QueryError } from '../../../core/errors.ts';

const WHOLE = new Set(['tinyint', 'smallint', 'integer', 'int', 'bigint']);
const FRACTIONAL = new Set(['decimal', 'double', 'real', 'float']);

function wholeNumber(text: string, column: string): number {
  if (!/^-?\d+$/.test(text))
    throw new QueryError(`column ${column}: ${JSON.stringify(text)} is not a whole number`);
  const n = Number(text);
  if (!Number.isSafeInteger(n) || BigInt(text) !== BigInt(n)) {
    throw new QueryError(`column ${column}: ${text} is beyond the integers JavaScript holds exactly`);
  }
  return n;
}

function fractional(text: string, column: string): number {
  const special: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };
  const n = special[text] ?? Number(text);
  if (Number.isNaN(n) && text !== 'NaN') {
    throw new QueryError(`column ${column}: ${JSON.stringify(text)} is not a number`);
  }
  return n;
}

/** Athena prints '2025-07-10 17:00:00.000' (no zone); DuckDB's rows carry ISO 8601 UTC text. */
function isoTimestamp(text: string, column: string): string {
  const date = new Date(`${text.replace(' ', 'T')}Z`);
  if (Number.isNaN(date.getTime())) throw new QueryError(`column ${column}: ${text} is not a timestamp`);
  return date.toISOString();
}

/** The type name of a column as Athena spells it, with precision and scale for decimals. */
export function athenaTypeName(info: ColumnInfo): string {
  const type = (info.Type ?? 'varchar').toLowerCase();
  return type === 'decimal' ? `decimal(${info.Precision ?? 38},${info.Scale ?? 0})` : type;
}

export function convertAthenaCell(text: string | undefined, info: ColumnInfo): unknown {
  if (text === undefined) return null;
  const type = (info.Type ?? 'varchar').toLowerCase();
  const column = info.Name ?? '?';
  if (WHOLE.has(type)) return wholeNumber(text, column);
  if (FRACTIONAL.has(type)) return fractional(text, column);
  if (type === 'boolean') return text === 'true';
  if (type === 'date') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new QueryError(`column ${column}: ${text} is not a date`);
    return text;
  }
  if (type === 'timestamp') return isoTimestamp(text, column);
  // varchar, char, and structured types as their text.
  return text;
}
