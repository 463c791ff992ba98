/**
 * The debt page's breakdown on generated uploads across the debt template change (2026-06 in
 * version 1, 2026-07 in version 2): every figure of site_debt_breakdown against sums read straight
 * from the upload files, sector and interest NULL in the version-1 month, and the paid-off rows of
 * version 2 counted in the arrears recovered.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localPaths } from '../../../core/contracts/layout.ts';
import { openEngine, type Engine } from '../../../pipeline/query/engine.ts';
import { startAthenaStandIn } from '../../support/athena-stand-in/server.ts';
import { standInSiteEngine } from './athena/athena-harness.ts';
import {
  buildGeneratedLake,
  debt,
  fileSum,
  n,
  type FileRow,
  type GeneratedLake,
} from './query-generated-lake.ts';

const V1 = '2026-06';
const V2 = '2026-07';
let lake: GeneratedLake;
let engine: Engine;

beforeAll(async () => {
  lake = await buildGeneratedLake([V1, V2]);
  engine = await openEngine({ mirrorDir: localPaths(lake.dataDir).mirror });
}, 600_000);
afterAll(() => {
  engine?.close();
  rmSync(lake.dataDir, { recursive: true, force: true });
});

const months = (r: FileRow) => n(r, 'so_thang_no');
const BANDS: [string, (r: FileRow) => boolean][] = [
  ['debt_age_lt3', (r) => months(r) < 3],
  ['debt_age_3_6', (r) => months(r) >= 3 && months(r) < 6],
  ['debt_age_6_12', (r) => months(r) >= 6 && months(r) < 12],
  ['debt_age_12_plus', (r) => months(r) >= 12],
];
const SECTORS = ['state', 'fdi', 'non_state', 'public', 'other'];

async function breakdown(): Promise<Record<string, unknown>[]> {
  return (await engine.runNamed('site_debt_breakdown', { from: V1, to: V2 })).rows;
}

describe('the debt breakdown on generated uploads', () => {
  it('accepted both months of debt reports', () => {
    const debtFiles = lake.manifest.files.filter((f) => f.dataset === 'debt');
    expect(debtFiles.filter((f) => f.period === V1).length).toBeGreaterThan(0);
    expect(debtFiles.filter((f) => f.period === V2).length).toBeGreaterThan(0);
  });

  it('sums every age band, sector and the interest of each unit-month as the files do', async () => {
    const rows = await breakdown();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const { period, province } = row as { period: string; province: string };
      const at = [province];
      for (const [measure, inBand] of BANDS) {
        const expected = await fileSum(lake, 'debt', period, (r) => (inBand(r) ? debt(r) : 0), at);
        expect(Number(row[measure]), `${period}/${province} ${measure}`).toBe(expected);
      }
      if (period === V1) {
        for (const code of SECTORS) expect(row[`debt_sector_${code}`]).toBeNull();
        expect(row.debt_interest).toBeNull();
        continue;
      }
      for (const code of SECTORS) {
        const expected = await fileSum(lake, 'debt', period, (r) => (r.khu_vuc === code ? debt(r) : 0), at);
        expect(Number(row[`debt_sector_${code}`]), `${period}/${province} ${code}`).toBe(expected);
      }
      const interest = await fileSum(lake, 'debt', period, (r) => n(r, 'lai_cham_dong'), at);
      expect(Number(row.debt_interest)).toBe(interest);
      expect(interest).toBeGreaterThan(0);
    }
  });

  it('holds non-state employers as most of the version-2 debt, and recovers from paid-off rows', async () => {
    const nonState = await fileSum(lake, 'debt', V2, (r) => (r.khu_vuc === 'non_state' ? debt(r) : 0));
    const total = await fileSum(lake, 'debt', V2, debt);
    expect(nonState / total).toBeGreaterThan(0.6);
    const paidOff = await fileSum(lake, 'debt', V2, (r) => (debt(r) === 0 ? n(r, 'da_thu_hoi') : 0));
    expect(paidOff).toBeGreaterThan(0);
    const { rows } = await engine.runQuery(
      `SELECT SUM(value) AS v FROM vss.summaries WHERE dataset = 'debt' AND measure = 'arrears_recovered' AND period = '${V2}'`,
    );
    expect(Number(rows[0]?.v)).toBe(await fileSum(lake, 'debt', V2, (r) => n(r, 'da_thu_hoi')));
  });

  it('gives the same rows through the Athena stand-in, which refuses what Athena would', async () => {
    const standIn = await startAthenaStandIn({ mirrorDir: localPaths(lake.dataDir).mirror });
    try {
      const athena = await standInSiteEngine(standIn.endpoint)();
      try {
        const rows = (await athena.runNamed('site_debt_breakdown', { from: V1, to: V2 })).rows;
        expect(rows.length).toBeGreaterThan(0);
        expect(rows).toEqual(await breakdown());
      } finally {
        athena.close();
      }
    } finally {
      await standIn.close();
    }
  });
});
