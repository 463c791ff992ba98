/**
 * vss.targets and vss.targets_history read the lake's targets object on both engines: DuckDB
 * directly, Athena through the stand-in, with a decision loaded beside the seed. The view the
 * Glue catalog defines for vss.targets (infra/targets-tables.ts), run over the history, gives the
 * rows in force that core/reference/targets.ts rules, and Athena's dialect accepts it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TARGETS_KEY } from '../../../../core/contracts/layout.ts';
import { columnNames, TARGETS_TABLE } from '../../../../core/reference/reference-tables.ts';
import { targetsInForceSql } from '../../../../infra/targets-tables.ts';
import { writeAtomically } from '../../../../pipeline/mirror/mirror.ts';
import { targetRows } from '../../../../pipeline/reference/table-rows.ts';
import { nationalTargets, targetRowOf } from '../../../../pipeline/reference/targets.ts';
import { targetsParquet } from '../../../../pipeline/reference/targets-parquet.ts';
import { athenaRefusal } from '../../../support/athena-stand-in/dialect.ts';
import { openHarness, type Harness } from './athena-harness.ts';

const decision = targetRowOf({
  year: '2025',
  generation: '63',
  province: '01',
  target_si_compulsory: 1500,
  target_si_voluntary: 400,
  target_ui: 1100,
  target_hi: 8800,
  late_rate_target_bp: 123,
  plan_bhxh: 5000,
  plan_bhyt: 3000,
  plan_bhtn: 700,
  decision_no: 'QĐ 31/QĐ-BHXH',
  decision_date: '2025-09-01',
});
const targets = nationalTargets().with([decision]);

let harness: Harness;
beforeAll(async () => {
  harness = await openHarness({}, async (mirror) =>
    writeAtomically(join(mirror, TARGETS_KEY), await targetsParquet(targets)),
  );
});
afterAll(() => harness.close());

const ORDER = 'ORDER BY year, generation, province, decision_date';
const sorted = <T extends { year: string; generation: string; province: string; decision_date: string }>(
  rows: T[],
) =>
  [...rows].sort((a, b) =>
    `${a.year}/${a.generation}/${a.province}/${a.decision_date}`.localeCompare(
      `${b.year}/${b.generation}/${b.province}/${b.decision_date}`,
    ),
  );

describe('the targets tables on DuckDB and through the Athena stand-in', () => {
  it.each(['targets', 'targets_history'] as const)(
    'vss.%s: the same rows, those of the object',
    async (name) => {
      const sql = `SELECT ${columnNames(TARGETS_TABLE).join(', ')} FROM vss.${name} ${ORDER}`;
      const duckdb = await harness.duckdb.runQuery(sql);
      const athena = await harness.athena().runQuery(sql);
      expect(athena.rows).toEqual(duckdb.rows);
      const expected = sorted(targetRows(targets, name === 'targets' ? 'current' : 'history'));
      expect(duckdb.rows).toEqual(expected);
      expect(duckdb.rows.length).toBe(
        name === 'targets' ? nationalTargets().rows().length : targets.history().length,
      );
    },
  );

  it('shows the loaded decision in force for its unit-year, the seed row only in the history', async () => {
    const sql =
      "SELECT decision_no, target_hi FROM vss.%t WHERE year = '2025' AND generation = '63' AND province = '01'";
    const current = await harness.athena().runQuery(sql.replace('%t', 'targets'));
    expect(current.rows).toEqual([{ decision_no: 'QĐ 31/QĐ-BHXH', target_hi: 8800 }]);
    const history = await harness.athena().runQuery(sql.replace('%t', 'targets_history'));
    expect(history.rows).toHaveLength(2);
  });

  it("the Glue view's SQL gives the rows in force, and Athena's dialect takes it", async () => {
    const view = targetsInForceSql('vss');
    expect(athenaRefusal(view)).toBeUndefined();
    const viaView = await harness.athena().runQuery(`SELECT * FROM (${view}) v ${ORDER}`);
    expect(viaView.rows).toEqual(sorted(targetRows(targets, 'current')));
  });
});
