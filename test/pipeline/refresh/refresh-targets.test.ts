/**
 * A decision loaded while the process runs is what its next refresh shows: the refresh reads the
 * targets from the lake's object (through the mirror) at each run, not once per process.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_FILES, provinceRow } from '../../../core/contracts/site-data.ts';
import { TARGETS_KEY } from '../../../core/contracts/layout.ts';
import { startLocalS3, type LocalS3 } from '../../../local/local-s3.ts';
import { writeAtomically } from '../../../pipeline/mirror/mirror.ts';
import { loadTargetsFile } from '../../../pipeline/reference/load-targets.ts';
import { s3TargetsObject } from '../../../pipeline/reference/targets-object.ts';
import { refreshSite } from '../../../pipeline/refresh/refresh.ts';
import { targetOf } from '../../support/targets-file.ts';
import { tempDir } from '../query/engine-fixture.ts';
import { writeScenario } from '../query/engine-scenario.ts';

const HEADER =
  'year,generation,province,target_si_compulsory,target_si_voluntary,target_ui,target_hi,late_rate_target_bp,plan_bhxh,plan_bhyt,plan_bhtn,decision_no,decision_date';
const decision = new TextEncoder().encode(
  [HEADER, '2025,63,01,1500,400,1100,8800,123,5000,3000,700,QĐ 31/QĐ-BHXH,2025-09-01'].join('\n'),
);
const fixedNow = () => new Date('2025-08-15T00:00:00.000Z');

const data = tempDir('refresh-targets-s3');
let s3: LocalS3;
beforeAll(async () => {
  s3 = await startLocalS3({ dataDir: data, log: () => undefined });
});
afterAll(async () => {
  await s3.close();
  rmSync(data, { recursive: true, force: true });
});

function hanoiJune(out: string) {
  const rows = provinceRow.array().parse(JSON.parse(readFileSync(join(out, SITE_FILES.provinces), 'utf8')));
  return rows.find((r) => r.period === '2025-06' && r.province === '01');
}

describe('a decision loaded between two refreshes of one process', () => {
  it('shows in the second refresh, the first having shown the seed', async () => {
    const mirror = tempDir('refresh-targets-mirror');
    await writeScenario(mirror);
    const out = join(tempDir('refresh-targets-out'), 'data');
    await refreshSite({ mirrorDir: mirror, outDir: out, now: fixedNow });
    expect(hanoiJune(out)).toMatchObject({
      late_rate_target_bp: targetOf(2025, '63', '01', 'late_rate_target_bp'),
      hi_target_assigned: targetOf(2025, '63', '01', 'target_hi'),
    });
    expect(targetOf(2025, '63', '01', 'target_hi')).not.toBe(8800);

    const object = s3TargetsObject(s3.client, s3.lakeBucket);
    const loaded = await loadTargetsFile('qd-31.csv', decision, object);
    expect(loaded.errors).toEqual([]);
    // The mirror's copy of the object, as the refresh's sync of targets/ brings it.
    const bytes = await object.read();
    if (!bytes) throw new Error('no targets object after a load');
    await writeAtomically(join(mirror, TARGETS_KEY), bytes);
    await refreshSite({ mirrorDir: mirror, outDir: out, now: fixedNow });
    expect(hanoiJune(out)).toMatchObject({
      late_rate_target_bp: 123,
      hi_target_assigned: 8800,
      si_target_assigned: 1500 + 400,
      collection_plan: 5000 + 3000 + 700,
    });
  });
});
