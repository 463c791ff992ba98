/**
 * The debt table read the same over both template versions (core/datasets/debt.ts): the select
 * list of `vss.debt d` in which a version-1 row's `tinh_trang` reads as nature and action and a
 * version-2 row's nature and action read back as the status version 1 would have shown. Written
 * from the definition's `reads` into queries/*.sql by `npm run queries` (generated-sql.ts), as
 * plain CASE expressions both DuckDB and Athena run.
 */
import { debt } from '../../core/datasets/debt.ts';
import { columnReadings, lakeColumns, readBackOrder, type ColumnReading } from '../../core/datasets/index.ts';

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** A new column of an old row: its own value, else what the dropped column's code reads as. */
function readForward(reading: ColumnReading, key: string): string {
  const whens = Object.entries(reading.codes).flatMap(([code, values]) => {
    const value = values[key];
    return typeof value === 'string' ? [`WHEN ${quote(code)} THEN ${quote(value)}`] : [];
  });
  // A code that reads as not known has no WHEN: the CASE gives NULL, never a guess.
  return `COALESCE(d.${key}, CASE d.${reading.dropped} ${whens.join(' ')} END) AS ${key}`;
}

/** The dropped column of a new row: the old code whose reading its new values match. */
function readBack(reading: ColumnReading): string {
  const whens = readBackOrder(reading).map(([code, values]) => {
    const test = Object.entries(values)
      .filter((entry): entry is [string, string] => entry[1] !== null)
      .map(([k, v]) => `d.${k} = ${quote(v)}`)
      .join(' AND ');
    return `WHEN ${test} THEN ${quote(code)}`;
  });
  return `COALESCE(d.${reading.dropped}, CASE ${whens.join(' ')} END) AS ${reading.dropped}`;
}

/** Every column of the debt table, in lake order, each read over both versions. */
export function debtColumnsSelect(): string[] {
  const readings = columnReadings(debt);
  return lakeColumns(debt).map((c) => {
    const dropped = readings.find((r) => r.dropped === c.key);
    if (dropped) return readBack(dropped);
    const forward = readings.find((r) => Object.values(r.codes).some((v) => c.key in v));
    return forward ? readForward(forward, c.key) : `d.${c.key}`;
  });
}

/** The template version a row was reported in, from its period. */
export function debtVersionSelect(): string[] {
  const whens = [...(debt.versions ?? [])]
    .reverse()
    .map((v) => `WHEN d.period >= ${quote(v.from)} THEN ${v.version}`);
  return [`CASE ${whens.join(' ')} ELSE 1 END AS template_version`];
}
