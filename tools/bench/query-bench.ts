/**
 * A national aggregate over the debt detail through the engine `vss query` opens (views vss.* over
 * the mirror, created as a query names them) against bare DuckDB SQL over the same Parquet files,
 * in one process; same answer checked. query-process-bench.ts times both as new processes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { openAdHocEngine } from '../../pipeline/query/ad-hoc-engine.ts';
import { COMPACTED_FOLDER, LAKE_PREFIX } from '../../core/contracts/layout.ts';
import { median, note, report, step, timed } from './measure.ts';

const RUNS = 5;

/**
 * The debt detail as bare DuckDB reads it: the per-province objects and, once closed months are
 * compacted, their one object a month (the province a column, the period its folder). Bare SQL
 * applies no rule of which rows win: the bench lake re-uploads no compacted month, so the two
 * parts never hold the same province-month.
 */
export function bareDebt(mirrorDir: string): string {
  const root = join(mirrorDir, LAKE_PREFIX, 'debt');
  const perProvince = `read_parquet('${join(root, 'period=*', 'province=*', '*.parquet')}', hive_partitioning = true)`;
  if (!existsSync(join(root, COMPACTED_FOLDER))) return perProvince;
  const compacted = `read_parquet('${join(root, COMPACTED_FOLDER, 'period=*', '*.parquet')}', hive_partitioning = true)`;
  return `(SELECT * FROM ${perProvince} UNION ALL BY NAME SELECT * FROM ${compacted})`;
}

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
  const bare = await DuckDBInstance.create(':memory:');
  const connection = await bare.connect();
  const engine = await openAdHocEngine({ mirrorDir, backfillSummaries: false });
  try {
    const bareSql = aggregate(bareDebt(mirrorDir));
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
