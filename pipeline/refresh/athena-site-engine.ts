/**
 * The refresh's engine on Athena: the named queries over the Glue database, with the months the
 * dashboard reports computed the way the DuckDB engine computes them (first to last month with
 * data), since the catalog's vss.months reference table spans every month up to 2099.
 */
import type { Engine } from '../query/engine.ts';
import { openAthenaEngine, type AthenaEngineOptions } from '../query/athena/athena-engine.ts';
import { isPeriod, periodRange, type Period } from '../../core/period.ts';

/**
 * Months with data: the ledger records every upload (even rejected), and every summary and lake
 * object comes from one. Read from the ledger alone, which is not projected: asking the
 * summaries would list every projected location of the range (datasets x units x months).
 */
export const DATA_MONTHS_SQL = 'SELECT min(period) AS first, max(period) AS last FROM vss.uploads';

export async function openAthenaSiteEngine(options: AthenaEngineOptions): Promise<Engine> {
  const athena = openAthenaEngine(options);
  try {
    const { rows } = await athena.runQuery(DATA_MONTHS_SQL);
    const first = rows[0]?.first;
    const last = rows[0]?.last;
    const months: Period[] =
      typeof first === 'string' && typeof last === 'string' && isPeriod(first) && isPeriod(last)
        ? periodRange(first, last)
        : [];
    return {
      months,
      runQuery: (sql, params) => athena.runQuery(sql, params),
      runNamed: (name, params) => athena.runNamed(name, params),
      close: () => athena.close(),
    };
  } catch (error) {
    athena.close();
    throw error;
  }
}
