/**
 * DuckDB hands back BIGINT/HUGEINT as bigint and DATE as a JS Date. Callers (JSON files, CSV, the
 * zod schemas of the site data) want plain numbers and 'YYYY-MM-DD' text, and a silently rounded
 * amount of VND would be worse than a loud failure.
 */
import { QueryError } from '../../core/errors.ts';

export function toSafeNumber(value: bigint, column: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new QueryError(`column ${column}: ${value} is beyond the integers JavaScript holds exactly`);
  }
  return n;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** One cell, given its DuckDB type name (as DuckDBType.toString() spells it). */
export function convertCell(value: unknown, typeName: string, column: string): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return toSafeNumber(value, column);
  if (value instanceof Date) return typeName === 'DATE' ? isoDate(value) : value.toISOString();
  if (Array.isArray(value)) return value.map((v) => convertCell(v, '', column));
  if (typeof value === 'number' && typeName.startsWith('DECIMAL') && !Number.isFinite(value)) {
    throw new QueryError(`column ${column}: decimal out of range`);
  }
  return value;
}
