/**
 * The errors DuckDB gives when files read with the first file's schema (views.ts, `first`) do not
 * all have it: the ones `vss query` answers by reading every file's schema and running the query
 * again. Any other error (a syntax error, an unknown function or column) is the query's own and
 * is reported at once: running it again could only fail the same way, at twice the cost.
 * test/pipeline/query/ad-hoc-schema-retry.test.ts produces each message with real files.
 */

/** DuckDB 1.5's texts, each for one way the files differ. */
export const SCHEMA_MISMATCH_MESSAGES: readonly RegExp[] = [
  // A later file lacks a column of the first (read when the query runs).
  /schema mismatch in glob: column "[^"]*" was read from the original file/,
  // The first file lacks a column the view selects (when the view is created): the view's own
  // alias is then the only name of that column in scope.
  /Binder Error: Column "[^"]*" referenced that exists in the SELECT clause - but this column cannot be referenced before it is defined/,
];

function messagesOf(error: unknown): string[] {
  const messages: string[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    messages.push(e.message);
  }
  if (messages.length === 0) messages.push(String(error));
  return messages;
}

export function isSchemaMismatch(error: unknown): boolean {
  return messagesOf(error).some((m) => SCHEMA_MISMATCH_MESSAGES.some((pattern) => pattern.test(m)));
}
