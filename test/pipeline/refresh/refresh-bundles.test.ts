/**
 * Per-province bundles: each of the 34 current units gets data/provinces/<code>/ with only its
 * rows (its predecessors' before 2025-07), its police-coordination list and its scope, and the
 * bundles together hold every row of the national files, no more.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { provinces } from '../../../pipeline/reference/provinces.ts';
import { REFORM_FIRST_PERIOD } from '../../../core/period.ts';
import { refreshSite } from '../../../pipeline/refresh/refresh.ts';
import {
  PROVINCE_FILES,
  SITE_FILES,
  policeRow,
  provinceBundleDir,
  siteMeta,
  siteScope,
} from '../../../core/contracts/site-data.ts';
import { tempDir } from '../query/engine-fixture.ts';
import { writeScenario } from '../query/engine-scenario.ts';

type Located = { period: string; province: string; status?: string };
const read = (dir: string, file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));
const CURRENT = provinces().validIn(REFORM_FIRST_PERIOD);
const LOCATED_FILES = Object.values(SITE_FILES).filter(
  (f) => f !== SITE_FILES.meta && f !== SITE_FILES.units && f !== SITE_FILES.national,
);

let out: string;
let files: string[];
beforeAll(async () => {
  const mirror = tempDir('bundle-mirror');
  await writeScenario(mirror);
  out = join(tempDir('bundle-out'), 'data');
  ({ files } = await refreshSite({
    mirrorDir: mirror,
    outDir: out,
    now: () => new Date('2025-08-15T00:00:00Z'),
  }));
});

describe('per-province data bundles', () => {
  it('writes one bundle per current unit with every site file, its police list and its scope', () => {
    const relative = files.map((f) => f.slice(out.length + 1));
    expect(CURRENT).toHaveLength(34);
    for (const unit of CURRENT) {
      const dir = provinceBundleDir(unit.code);
      for (const file of [...Object.values(SITE_FILES), ...Object.values(PROVINCE_FILES)])
        expect(relative, `${dir}${file}`).toContain(`${dir}${file}`);
      expect(siteScope.parse(read(join(out, dir), PROVINCE_FILES.scope))).toEqual({ province: unit.code });
    }
    expect(siteScope.parse(read(out, PROVINCE_FILES.scope))).toEqual({ province: null });
  });

  it.each(LOCATED_FILES)(
    "a bundle's %s holds no other unit's rows, and the bundles together hold all",
    (file) => {
      const national = read(out, file) as Located[];
      let total = 0;
      for (const unit of CURRENT) {
        const before = new Set(
          provinces()
            .predecessorsOf(unit.code)
            .map((u) => u.code),
        );
        const rows = read(join(out, provinceBundleDir(unit.code)), file) as Located[];
        for (const row of rows) {
          const own =
            row.period >= REFORM_FIRST_PERIOD ? row.province === unit.code : before.has(row.province);
          expect(own, `${unit.code} ${file} ${row.period} ${row.province}`).toBe(true);
        }
        total += rows.length;
      }
      expect(total).toBe(national.length);
      expect(national.length).toBeGreaterThan(0);
    },
  );

  it('carries no national figures, and counts only its own accepted uploads', () => {
    const hanoi = join(out, provinceBundleDir('01'));
    expect(read(hanoi, SITE_FILES.national)).toEqual([]);
    const reports = read(hanoi, SITE_FILES.reports) as Located[];
    const meta = siteMeta.parse(read(hanoi, SITE_FILES.meta));
    expect(meta.uploads_accepted).toBe(reports.filter((r) => r.status === 'accepted').length);
    expect(meta.uploads_accepted).toBeLessThan(siteMeta.parse(read(out, SITE_FILES.meta)).uploads_accepted);
  });

  it('lists the employers of the latest month that owe 3+ months, with the Art. 216 flag', () => {
    // The scenario's 2025-07 debtors: 01 has one (6 months, 50 employees: Art. 216), 08 one of 1 month.
    const hanoi = policeRow.array().parse(read(join(out, provinceBundleDir('01')), PROVINCE_FILES.police));
    expect(hanoi.map((r) => [r.period, r.province, r.ma_so_thue, r.debt_total, r.art216])).toEqual([
      ['2025-07', '01', '0100000001', 200, 1],
    ]);
    const others = CURRENT.filter((u) => u.code !== '01').flatMap(
      (u) => read(join(out, provinceBundleDir(u.code)), PROVINCE_FILES.police) as unknown[],
    );
    expect(others).toEqual([]);
  });
});
