/**
 * reference/targets.csv, which both engines read as vss.targets, is the sample's targets with the
 * default seed: the generated coverage uploads carry the same assigned numbers (after a change of
 * the generator's calibration, rewrite it with `npx tsx tools/write-targets.ts`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDir, provinces } from '../../../pipeline/reference/provinces.ts';
import {
  nationalTargets,
  parseTargetsCsv,
  TARGETS_FILE,
  targetsCsv,
} from '../../../pipeline/reference/targets.ts';
import {
  REFERENCE_TARGETS_RANGE,
  REFERENCE_TARGETS_SEED,
  sampleTargets,
} from '../../../pipeline/generate/targets.ts';

describe('the national targets file', () => {
  const text = readFileSync(join(referenceDir(), TARGETS_FILE), 'utf8');

  it('is the sample targets of the default seed, every year of both scales', () => {
    const expected = sampleTargets(
      REFERENCE_TARGETS_SEED,
      REFERENCE_TARGETS_RANGE.from,
      REFERENCE_TARGETS_RANGE.to,
    );
    expect(text).toBe(targetsCsv(expected));
    expect(parseTargetsCsv(text).rows()).toEqual(expected);
  });

  it('has one row per unit in force in each year, both generations in 2025', () => {
    const targets = nationalTargets();
    const registry = provinces();
    for (const [year, generation, count] of [
      [2021, '63', 63],
      [2024, '63', 63],
      [2025, '63', 63],
      [2025, '34', 34],
      [2026, '34', 34],
    ] as const) {
      const units = registry.units.filter((u) => u.generation === generation);
      const held = units.filter((u) => targets.of(year, generation, u.code) !== undefined);
      expect(held, `${year}/${generation}`).toHaveLength(count);
    }
    expect(targets.of(2026, '63', '01')).toBeUndefined();
    expect(targets.of(2024, '34', '01')).toBeUndefined();
  });
});
