/**
 * Athena binds the `?` of a query to ExecutionParameters, each the text of a SQL literal that it
 * places into the prepared statement. Text must therefore travel quoted (a province code '01' as
 * the literal '01', never the number 1) with its quotes doubled, and numbers bare.
 */
import { UsageError } from '../../../core/errors.ts';

export function toExecutionParameter(value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new UsageError(`cannot bind ${value} as a query parameter`);
    // Exponent notation is not a literal every engine reads the same way; plain digits are.
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      throw new UsageError(`${value} is beyond the integers JavaScript holds exactly`);
    }
    const literal = Number.isInteger(value) ? value.toFixed(0) : String(value);
    if (literal.includes('e')) throw new UsageError(`${value} has no plain decimal literal; pass it as text`);
    return literal;
  }
  return `'${value.replaceAll("'", "''")}'`;
}

/** Undefined for no values: Athena refuses an empty ExecutionParameters list. */
export function toExecutionParameters(values: readonly (string | number)[]): string[] | undefined {
  return values.length === 0 ? undefined : values.map(toExecutionParameter);
}
