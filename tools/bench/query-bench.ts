/**
 * A national aggregate over the debt detail through the engine `vss query` opens (views vss.* over
 * the mirror, created as a query names them) against bare DuckDB SQL over the same Parquet files,
 * in one process; same answer checked. query-process-bench.ts times both as new processes.
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { openAdHocEngine } from '../../pipeline/query/ad-hoc-engine.ts';
import { LAKE_PREFIX } from '../../core/contracts/layout.ts';
import { median, note, report, step, timed } from './measure.ts';

const RUNS = 5;

export const aggregate = (from: string) =>
  `SELECT period, count(*) AS debtors, sum(no_bhxh + no_bhyt + no_bhtn) AS owed, ` +
  `sum(CASE WHEN so_thang_no >= 3 THEN no_bhxh + no_bhyt + no_bhtn ELSE 0 END) AS owed_3_months ` +
  `FROM ${from} GROUP BY period ORDER BY period`;

/** The same totals from either side, as text, so BigInt and number compare alike. */
const fingerprint = (rows: ReadonlyArray<Record<string, unknown>>) =>
  rows
    .map((r) => `${String(r.period)}:${String(r.debtors)}:${String(r.owed)}:${String(r.owed_3_months)}`)
    .join('|');

export async function benchQuery(mirrorDir: string): Promise<void> {
  step(`national aggregate over the debt detail, median of ${RUNS}`);
  const glob = join(mirrorDir, LAKE_PREFIX, 'debt', 'period=*', 'province=*', '*.parquet');
  const bare = await DuckDBInstance.create(':memory:');
  const connection = await bare.connect();
  const engine = await openAdHocEngine({ mirrorDir, backfillSummaries: false });
  try {
    const bareSql = aggregate(`read_parquet('${glob}', hive_partitioning = true)`);
    const engineTimes: number[] = [];
    const bareTimes: number[] = [];
    let engineRows = '';
    let bareRows = '';
    // Alternated, so a burst of load from elsewhere falls on both sides alike.
    for (let i = 0; i < RUNS; i++) {
      const e = await timed(() => engine.runQuery(aggregate('vss.debt')));
      engineTimes.push(e.seconds);
      engineRows = fingerprint(e.value.rows);
      const b = await timed(() => connection.runAndReadAll(bareSql));
      bareTimes.push(b.seconds);
      bareRows = fingerprint(b.value.getRowObjectsJS());
    }
    if (engineRows !== bareRows)
      throw new Error('the engine and bare DuckDB disagree on the national aggregate');
    note(
      `${engineRows.split('|').length} months; engine ${engineTimes.map((t) => t.toFixed(2)).join(', ')} s; bare ${bareTimes.map((t) => t.toFixed(2)).join(', ')} s`,
    );
    report({
      name: 'national aggregate through the engine',
      value: median(engineTimes),
      unit: 's',
      baseline: { name: 'bare DuckDB', value: median(bareTimes) },
      target: 1.2,
    });
  } finally {
    engine.close();
    connection.closeSync();
    bare.closeSync();
  }
}
