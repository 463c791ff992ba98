/**
 * Athena binds the `?` of a query to ExecutionParameters, each the text of a SQL literal that it
 * places into the prepared statement. Text must therefore travel quoted (a province code '01' as
 * the literal '01', never the number 1) with its quotes doubled, and numbers bare.
 */
import { UsageError } from '../../../core/errors.ts';
import { QUERY_ERRORS } from '../../../core/messages/index.ts';

export function toExecutionParameter(value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new UsageError(QUERY_ERRORS.notBindable(value));
    // Exponent notation is not a literal every engine reads the same way; plain digits are.
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      throw new UsageError(QUERY_ERRORS.beyondSafeInteger(value));
    }
    const literal = Number.isInteger(value) ? value.toFixed(0) : String(value);
    if (literal.includes('e')) throw new UsageError(QUERY_ERRORS.noPlainDecimal(value));
    return literal;
  }
  return `'${value.replaceAll("'", "''")}'`;
}

/** Undefined for no values: Athena refuses an empty ExecutionParameters list. */
export function toExecutionParameters(values: readonly (string | number)[]): string[] | undefined {
  return values.length === 0 ? undefined : values.map(toExecutionParameter);
}
