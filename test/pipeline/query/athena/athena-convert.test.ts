/** Reading Athena's text cells, and writing parameters as SQL literals. */
import { describe, expect, it } from 'vitest';
import { athenaTypeName, convertAthenaCell } from '../../../../pipeline/query/athena/convert-athena.ts';
import {
  toExecutionParameter,
  toExecutionParameters,
} from '../../../../pipeline/query/athena/execution-parameters.ts';
import { QueryError, UsageError } from '../../../../core/errors.ts';

const col = (Type: string, extra: object = {}) => ({ Name: 'c', Type, ...extra });

describe('convertAthenaCell', () => {
  it('reads whole numbers exactly and refuses those JavaScript cannot hold', () => {
    expect(convertAthenaCell('9007199254740991', col('bigint'))).toBe(9007199254740991);
    expect(convertAthenaCell('-12', col('integer'))).toBe(-12);
    expect(() => convertAthenaCell('9007199254740993', col('bigint'))).toThrow(QueryError);
    expect(() => convertAthenaCell('1.5', col('bigint'))).toThrow(QueryError);
  });

  it('reads decimals and doubles, including Trino exponent notation', () => {
    expect(convertAthenaCell('1234.50', col('decimal', { Precision: 18, Scale: 2 }))).toBe(1234.5);
    expect(convertAthenaCell('1.5E10', col('double'))).toBe(1.5e10);
    expect(convertAthenaCell('NaN', col('double'))).toBeNaN();
    expect(() => convertAthenaCell('abc', col('double'))).toThrow(QueryError);
  });

  it('keeps dates as YYYY-MM-DD, text as text, NULL as null, empty text as empty', () => {
    expect(convertAthenaCell('2025-07-01', col('date'))).toBe('2025-07-01');
    expect(convertAthenaCell('01', col('varchar'))).toBe('01');
    expect(convertAthenaCell('', col('varchar'))).toBe('');
    expect(convertAthenaCell(undefined, col('bigint'))).toBeNull();
    expect(convertAthenaCell('true', col('boolean'))).toBe(true);
  });

  it('reads timestamps as ISO 8601 UTC, as the DuckDB engine gives them', () => {
    expect(convertAthenaCell('2025-07-10 17:00:00.000', col('timestamp'))).toBe('2025-07-10T17:00:00.000Z');
  });

  it('names decimal types with precision and scale', () => {
    expect(athenaTypeName(col('decimal', { Precision: 38, Scale: 0 }))).toBe('decimal(38,0)');
    expect(athenaTypeName(col('varchar'))).toBe('varchar');
  });
});

describe('toExecutionParameter', () => {
  it('quotes text (doubling quotes) and leaves numbers bare', () => {
    expect(toExecutionParameter('01')).toBe("'01'");
    expect(toExecutionParameter("Đắk Lắk's")).toBe("'Đắk Lắk''s'");
    expect(toExecutionParameter(2025)).toBe('2025');
    expect(toExecutionParameter(0.5)).toBe('0.5');
  });

  it('refuses numbers that are not plain literals', () => {
    expect(() => toExecutionParameter(Number.NaN)).toThrow(UsageError);
    expect(() => toExecutionParameter(2 ** 60)).toThrow(UsageError);
    expect(() => toExecutionParameter(1e-7)).toThrow(UsageError);
  });

  it('sends no list at all when there are no parameters', () => {
    expect(toExecutionParameters([])).toBeUndefined();
    expect(toExecutionParameters(['a', 1])).toEqual(["'a'", '1']);
  });
});
