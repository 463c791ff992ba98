/**
 * Pages through GetQueryResults with NextToken. Athena repeats nothing across pages, but the first
 * row of the first page of a SELECT is the header (the column labels), not data.
 */
import { GetQueryResultsCommand, type AthenaClient, type ColumnInfo } from '@aws-sdk/client-athena';
import { QueryError } from '../../../core/errors.ts';
import type { QueryResult } from '../engine.ts';
import { athenaTypeName, convertAthenaCell } from './convert-athena.ts';

export interface ReadOptions {
  /** Rows asked for per page; Athena's maximum (and our default) is 1000. */
  pageSize?: number;
  /** SELECT results start with a header row; DDL and utility statements do not. */
  headerRow?: boolean;
}

export interface ReadReport extends QueryResult {
  pages: number;
}

export async function readResults(
  client: AthenaClient,
  queryExecutionId: string,
  options: ReadOptions = {},
): Promise<ReadReport> {
  let columnInfo: ColumnInfo[] | undefined;
  const rows: Record<string, unknown>[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await client.send(
      new GetQueryResultsCommand({
        QueryExecutionId: queryExecutionId,
        NextToken: nextToken,
        MaxResults: options.pageSize ?? 1000,
      }),
    );
    columnInfo ??= page.ResultSet?.ResultSetMetadata?.ColumnInfo;
    if (!columnInfo) throw new QueryError(`Athena query ${queryExecutionId}: results carry no column types`);
    const info = columnInfo;
    const pageRows = page.ResultSet?.Rows ?? [];
    const data = pages === 0 && (options.headerRow ?? true) ? pageRows.slice(1) : pageRows;
    for (const row of data) {
      const cells = row.Data ?? [];
      if (cells.length !== info.length) {
        throw new QueryError(
          `Athena query ${queryExecutionId}: a row of ${cells.length} cells for ${info.length} columns`,
        );
      }
      const record: Record<string, unknown> = {};
      info.forEach((column, i) => {
        record[column.Name ?? `_col${i}`] = convertAthenaCell(cells[i]?.VarCharValue, column);
      });
      rows.push(record);
    }
    pages += 1;
    nextToken = page.NextToken;
  } while (nextToken);
  const columns = (columnInfo ?? []).map((c, i) => ({ name: c.Name ?? `_col${i}`, type: athenaTypeName(c) }));
  return { columns, rows, pages };
}
