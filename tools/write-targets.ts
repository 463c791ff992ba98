/**
 * Writes reference/targets.csv, the sample's national targets (pipeline/generate/targets.ts) for
 * every year the named scales span, with the default seed, so `vss start`'s coverage uploads
 * carry the assigned numbers, and reference/targets.parquet, the same rows as the lake's targets
 * object (the seed the deploy writes first). Run with `npx tsx tools/write-targets.ts` after the generator's
 * calibration changes; test/pipeline/generate/targets-file.test.ts says when it is due.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceDir } from '../pipeline/reference/provinces.ts';
import {
  parseTargetsCsv,
  TARGETS_FILE,
  TARGETS_SEED_PARQUET,
  targetsCsv,
} from '../pipeline/reference/targets.ts';
import { targetsParquet } from '../pipeline/reference/targets-parquet.ts';
import {
  REFERENCE_TARGETS_RANGE,
  REFERENCE_TARGETS_SEED,
  sampleTargets,
} from '../pipeline/generate/targets.ts';

const csv = targetsCsv(
  sampleTargets(REFERENCE_TARGETS_SEED, REFERENCE_TARGETS_RANGE.from, REFERENCE_TARGETS_RANGE.to),
);
writeFileSync(join(referenceDir(), TARGETS_FILE), csv);
writeFileSync(join(referenceDir(), TARGETS_SEED_PARQUET), await targetsParquet(parseTargetsCsv(csv)));
