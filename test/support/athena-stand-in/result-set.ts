/**
 * Turns a DuckDB result into what Athena's GetQueryResults says: column types in Athena's
 * (Trino's) names, and every cell as text, absent for NULL. DuckDB sums BIGINT into HUGEINT where
 * Trino keeps bigint, so HUGEINT reads as bigint here.
 */
import type { QueryResult } from '../../../pipeline/query/engine.ts';

export interface StandInColumn {
  Name: string;
  Label: string;
  Type: string;
  Precision: number;
  Scale: number;
  Nullable: 'UNKNOWN';
  CaseSensitive: boolean;
}

export interface StandInDatum {
  VarCharValue?: string;
}

const TYPES: Record<string, string> = {
  VARCHAR: 'varchar',
  BIGINT: 'bigint',
  HUGEINT: 'bigint',
  UBIGINT: 'bigint',
  INTEGER: 'integer',
  UINTEGER: 'bigint',
  SMALLINT: 'smallint',
  TINYINT: 'tinyint',
  DOUBLE: 'double',
  FLOAT: 'real',
  DATE: 'date',
  TIMESTAMP: 'timestamp',
  BOOLEAN: 'boolean',
};

export function athenaColumn(name: string, duckdbType: string): StandInColumn {
  const decimal = /^DECIMAL\((\d+),(\d+)\)$/.exec(duckdbType);
  const type = decimal ? 'decimal' : (TYPES[duckdbType] ?? 'varchar');
  return {
    Name: name,
    Label: name,
    Type: type,
    Precision: decimal ? Number(decimal[1]) : type === 'varchar' ? 2147483647 : 0,
    Scale: decimal ? Number(decimal[2]) : 0,
    Nullable: 'UNKNOWN',
    CaseSensitive: type === 'varchar',
  };
}

function cellText(value: unknown, column: StandInColumn): string {
  if (typeof value === 'number' && column.Type === 'decimal') return value.toFixed(column.Scale);
  if (typeof value === 'string' && column.Type === 'timestamp')
    return value.replace('T', ' ').replace(/Z$/, '');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The header row (labels) first, as Athena gives it for a SELECT. */
export function athenaRows(result: QueryResult, columns: StandInColumn[]): { Data: StandInDatum[] }[] {
  const header = { Data: columns.map((c) => ({ VarCharValue: c.Label })) };
  const data = result.rows.map((row) => ({
    Data: columns.map((c) => {
      const value = row[c.Name];
      return value === null || value === undefined ? {} : { VarCharValue: cellText(value, c) };
    }),
  }));
  return [header, ...data];
}
