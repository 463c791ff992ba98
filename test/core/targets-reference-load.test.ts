/**
 * Loading a later decision into the lake's targets object, over a real local S3: the object then
 * holds both decisions, the later one in force for its unit-year, the others keep theirs; a
 * rejected file, or a check only, leaves the object byte for byte as it was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TARGETS_KEY } from '../../core/contracts/layout.ts';
import { startLocalS3, type LocalS3 } from '../../local/local-s3.ts';
import { loadTargetsFile } from '../../pipeline/reference/load-targets.ts';
import { s3TargetsObject, targetsOf, type TargetsObject } from '../../pipeline/reference/targets-object.ts';
import { targetOf, targetsFileRows } from '../support/targets-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'vss-targets-load-'));
let s3: LocalS3;
let object: TargetsObject;
beforeAll(async () => {
  s3 = await startLocalS3({ dataDir: dir, log: () => undefined });
  object = s3TargetsObject(s3.client, s3.lakeBucket);
});
afterAll(async () => {
  await s3.close();
  rmSync(dir, { recursive: true, force: true });
});

const HEADER =
  'year,generation,province,target_si_compulsory,target_si_voluntary,target_ui,target_hi,late_rate_target_bp,plan_bhxh,plan_bhyt,plan_bhtn,decision_no,decision_date';
const revision = (hi: number, province = '79', decision = 'QĐ 7/QĐ-BHXH') =>
  new TextEncoder().encode(
    [HEADER, `2026,34,${province},10,2,9,${hi},240,100,40,7,${decision},2026-03-02`].join('\n'),
  );
const held = async () => {
  const out = await s3.client.send(new GetObjectCommand({ Bucket: s3.lakeBucket, Key: TARGETS_KEY }));
  return Buffer.from((await out.Body?.transformToByteArray()) ?? []);
};

describe('vss targets load', () => {
  it('writes the seed and a later decision as the object: in force for its unit-year, the earlier kept', async () => {
    expect(await object.read()).toBeUndefined();
    const before = targetsFileRows().length;
    const loaded = await loadTargetsFile('qd-7.csv', revision(4321), object);
    expect(loaded.errors).toEqual([]);
    const targets = await targetsOf(object);
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

  it('adds the next decision to the object, keeping every earlier one', async () => {
    const loaded = await loadTargetsFile('qd-8.csv', revision(99, '01', 'QĐ 8/QĐ-BHXH'), object);
    expect(loaded.accepted).toBe(true);
    const targets = await targetsOf(object);
    expect(targets.history()).toHaveLength(targetsFileRows().length + 2);
    expect(targets.of(2026, '34', '79')?.participants.hi).toBe(4321);
    expect(targets.of(2026, '34', '01')?.participants.hi).toBe(99);
  });

  it('leaves the object byte for byte as it was for a rejected file, and when only checking', async () => {
    const before = await held();
    const again = await loadTargetsFile('qd-7.csv', revision(1), object);
    expect(again.errors.map((e) => e.rule)).toEqual(['targets.loaded']);
    const unknown = await loadTargetsFile('qd-9.csv', revision(1, '99', 'QĐ 9/QĐ-BHXH'), object);
    expect(unknown.accepted).toBe(false);
    const valid = new TextEncoder().encode(
      [HEADER, '2026,34,01,10,2,9,5,240,100,40,7,QĐ 10/QĐ-BHXH,2026-04-01'].join('\n'),
    );
    const checked = await loadTargetsFile('qd-10.csv', valid, object, { dryRun: true });
    expect(checked.accepted).toBe(true);
    expect((await held()).equals(before)).toBe(true);
  });
});
