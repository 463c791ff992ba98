/**
 * The province bundles are cut from the rows in memory, each row serialised once; their bytes must
 * stay those the bundles have always had: the national file's rows of the unit (its predecessors'
 * before 2025-07), in the national order, each with period and province first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { provinces } from '../../../pipeline/reference/provinces.ts';
import { REFORM_FIRST_PERIOD } from '../../../core/period.ts';
import { belongsTo } from '../../../pipeline/refresh/refresh-bundles.ts';
import { refreshSite } from '../../../pipeline/refresh/refresh.ts';
import { provinceBundleDir, SITE_FILES } from '../../../core/contracts/site-data.ts';
import { tempDir } from '../query/engine-fixture.ts';
import { writeScenario } from '../query/engine-scenario.ts';

type Located = { period: string; province: string } & Record<string, unknown>;
const text = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const LOCATED_FILES = Object.values(SITE_FILES).filter(
  (f) => f !== SITE_FILES.meta && f !== SITE_FILES.units && f !== SITE_FILES.national,
);

let out: string;
beforeAll(async () => {
  const mirror = tempDir('bundle-bytes-mirror');
  await writeScenario(mirror);
  out = join(tempDir('bundle-bytes-out'), 'data');
  await refreshSite({ mirrorDir: mirror, outDir: out, now: () => new Date('2025-08-15T00:00:00Z') });
});

describe('province bundles cut from the rows in memory', () => {
  it.each(LOCATED_FILES)('%s: every bundle has the bytes of the national rows it owns', (file) => {
    const national = JSON.parse(text(out, file)) as Located[];
    let nonEmpty = 0;
    for (const unit of provinces().validIn(REFORM_FIRST_PERIOD)) {
      const expected = national
        .filter(belongsTo(unit.code))
        .map(({ period, province, ...rest }) => ({ period, province, ...rest }));
      const bundle = text(join(out, provinceBundleDir(unit.code)), file);
      expect(bundle, `${unit.code} ${file}`).toBe(JSON.stringify(expected));
      if (expected.length > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThan(0);
  });

  it('writes the national files as JSON.stringify of their rows would', () => {
    for (const file of LOCATED_FILES) {
      const body = text(out, file);
      expect(body).toBe(JSON.stringify(JSON.parse(body)));
    }
  });
});
