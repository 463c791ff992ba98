/**
 * The targets reference versioned by decision: a later decision for a unit-year supersedes the
 * earlier one in vss.targets (and in the ingest check), while vss.targets_history keeps both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Targets, type TargetRow } from '../../core/reference/targets.ts';
import { openEngine, type Engine } from '../../pipeline/query/engine.ts';
import { tempDir } from '../pipeline/query/engine-fixture.ts';

const row = (province: string, hi: number, decision_no: string, decision_date: string): TargetRow => ({
  year: 2025,
  generation: '34',
  province,
  participants: { si_compulsory: 10, si_voluntary: 2, ui: 9, hi },
  late_rate_target_bp: 255,
  collection_plan: { bhxh: 100, bhyt: 40, bhtn: 7 },
  decision_no,
  decision_date,
});

const first = [row('01', 1000, 'QĐ 1/QĐ-BHXH', '2024-12-20'), row('79', 2000, 'QĐ 1/QĐ-BHXH', '2024-12-20')];
const revised = [row('01', 1100, 'QĐ 9/QĐ-BHXH', '2025-06-15')];

let engine: Engine;
beforeAll(async () => {
  // The revision comes first in the file: the decision date decides, not the order of the rows.
  engine = await openEngine({
    mirrorDir: tempDir('targets-versions'),
    targets: new Targets([...revised, ...first]),
  });
});
afterAll(() => engine.close());

describe('targets versioned by decision', () => {
  it('takes the latest decision for a unit-year and keeps every decision in the history', () => {
    const targets = new Targets(first).with(revised);
    expect(targets.of(2025, '34', '01')?.participants.hi).toBe(1100);
    expect(targets.of(2025, '34', '79')?.decision_no).toBe('QĐ 1/QĐ-BHXH');
    expect(targets.rows()).toHaveLength(2);
    expect(targets.history()).toHaveLength(3);
  });

  it('refuses two rows for a unit-year in one decision, and two decisions of one date for it', () => {
    expect(() => new Targets([...first, first[0]!])).toThrow(/two rows for 2025\/34\/01/);
    expect(() => new Targets([...first, row('01', 5, 'QĐ 2/QĐ-BHXH', '2024-12-20')])).toThrow(
      /both of 2024-12-20/,
    );
  });

  it('gives vss.targets the rows in force and vss.targets_history every decision', async () => {
    const current = await engine.runQuery(
      'SELECT province, target_hi, decision_no FROM vss.targets ORDER BY province',
    );
    expect(current.rows).toEqual([
      { province: '01', target_hi: 1100, decision_no: 'QĐ 9/QĐ-BHXH' },
      { province: '79', target_hi: 2000, decision_no: 'QĐ 1/QĐ-BHXH' },
    ]);
    const history = await engine.runQuery(
      'SELECT province, target_hi, decision_date FROM vss.targets_history ORDER BY province, decision_date',
    );
    expect(history.rows).toEqual([
      { province: '01', target_hi: 1000, decision_date: '2024-12-20' },
      { province: '01', target_hi: 1100, decision_date: '2025-06-15' },
      { province: '79', target_hi: 2000, decision_date: '2024-12-20' },
    ]);
  });
});
