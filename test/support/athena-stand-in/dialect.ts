/**
 * The strict gate of the Athena stand-in: a statement DuckDB would run but Athena (engine 3)
 * refuses fails here, before DuckDB sees it, with a reason in Athena's words. The checks are in
 * dialect-text.ts (what the text shows) and dialect-ast.ts (what the Trino grammar's tree shows).
 */
import { functionRefusal, syntaxRefusal } from './dialect-text.ts';
import { structureRefusal } from './dialect-ast.ts';

export function athenaRefusal(sql: string, parameters: readonly string[] = []): string | undefined {
  return (
    syntaxRefusal(sql, parameters.length > 0) ?? structureRefusal(sql, parameters) ?? functionRefusal(sql)
  );
}
