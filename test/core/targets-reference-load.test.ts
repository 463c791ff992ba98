/**
 * Loading a later decision into a copy of the reference folder: the file then holds both
 * decisions, the later one is in force for its unit-year, the others keep theirs; a rejected
 * file leaves the reference byte for byte as it was.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTargetsFile } from '../../pipeline/reference/load-targets.ts';
import { parseTargetsCsv } from '../../pipeline/reference/targets.ts';
import { targetOf, targetsFileRows } from '../support/targets-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'vss-targets-load-'));
cpSync(new URL('../../reference/', import.meta.url), dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER =
  'year,generation,province,target_si_compulsory,target_si_voluntary,target_ui,target_hi,late_rate_target_bp,plan_bhxh,plan_bhyt,plan_bhtn,decision_no,decision_date';
const revision = (hi: number, province = '79') =>
  new TextEncoder().encode(
    [HEADER, `2026,34,${province},10,2,9,${hi},240,100,40,7,QĐ 7/QĐ-BHXH,2026-03-02`].join('\n'),
  );
const held = () => readFileSync(join(dir, 'targets.csv'), 'utf8');

describe('vss targets load', () => {
  it('adds a later decision: in force for its unit-year, the earlier one kept in the history', async () => {
    const before = targetsFileRows().length;
    const loaded = await loadTargetsFile('qd-7.csv', revision(4321), dir);
    expect(loaded.errors).toEqual([]);
    const targets = parseTargetsCsv(held());
    expect(targets.history()).toHaveLength(before + 1);
    expect(targets.of(2026, '34', '79')).toMatchObject({
      participants: { hi: 4321 },
      late_rate_target_bp: 240,
      decision_no: 'QĐ 7/QĐ-BHXH',
    });
    // Every other unit-year keeps the sample decision's numbers.
    expect(targets.of(2026, '34', '01')?.participants.hi).toBe(targetOf(2026, '34', '01', 'target_hi'));
    const superseded = targets
      .history()
      .find((r) => r.year === 2026 && r.province === '79' && r.decision_no !== 'QĐ 7/QĐ-BHXH');
    expect(superseded?.participants.hi).toBe(targetOf(2026, '34', '79', 'target_hi'));
  });

  it('changes nothing for a rejected file, nor when only checking', async () => {
    const before = held();
    const again = await loadTargetsFile('qd-7.csv', revision(1), dir);
    expect(again.errors.map((e) => e.rule)).toEqual(['targets.loaded']);
    const unknown = await loadTargetsFile('qd-8.csv', revision(1, '99'), dir);
    expect(unknown.accepted).toBe(false);
    const valid = new TextEncoder().encode(
      [HEADER, '2026,34,01,10,2,9,5,240,100,40,7,QĐ 9/QĐ-BHXH,2026-04-01'].join('\n'),
    );
    const checked = await loadTargetsFile('qd-9.csv', valid, dir, { dryRun: true });
    expect(checked.accepted).toBe(true);
    expect(held()).toBe(before);
  });
});
