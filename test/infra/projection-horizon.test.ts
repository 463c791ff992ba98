/**
 * The time zone and horizon of the projected months (README, "Partition projection"): a
 * Vietnam month that has begun while it is still the month before in UTC is projected, and a
 * month after 2035 answers the same on Athena (through the stand-in) as on DuckDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERIOD_PROJECTION_END, projectionParameters } from '../../infra/partition-projection.ts';
import { LAST_REFERENCE_PERIOD, referenceTables } from '../../infra/reference-rows.ts';
import { createAthenaClient } from '../../pipeline/query/athena/athena-client.ts';
import { openAthenaEngine } from '../../pipeline/query/athena/athena-engine.ts';
import { openEngine, type Engine } from '../../pipeline/query/engine.ts';
import { periodOf } from '../../core/period.ts';
import { provinces } from '../../pipeline/reference/provinces.ts';
import { ensureSummaries } from '../../pipeline/summary/backfill.ts';
import { projectedValues } from '../support/athena-stand-in/projection.ts';
import { startAthenaStandIn, type AthenaStandIn } from '../support/athena-stand-in/server.ts';
import { tempDir, writeLakeFile, writeLedgerRecord } from '../pipeline/query/engine-fixture.ts';
import { fakeClock } from '../pipeline/query/athena/athena-harness.ts';

const codes = provinces().units.map((u) => u.code);
const periods = (range: string, now: Date) =>
  projectedValues(
    { ...projectionParameters('b', 'debt', codes), 'projection.period.range': range },
    'period',
    now,
  );

describe('the projected months and the Vietnam month', () => {
  // 2026-03-31 17:30 UTC is 2026-04-01 00:30 in Vietnam: April has begun there.
  const lateUtc = new Date('2026-03-31T17:30:00Z');

  it('Athena, reading NOW in UTC, would not project the Vietnam month with NOW alone', () => {
    expect(periodOf(lateUtc)).toBe('2026-04');
    expect(periods('2015-01,NOW', lateUtc)).not.toContain('2026-04');
  });

  it('projects it with the range the stack deploys, and no month beyond', () => {
    const deployed = projectionParameters('b', 'debt', codes)['projection.period.range'];
    expect(deployed).toBe(`2015-01,${PERIOD_PROJECTION_END}`);
    for (const now of [lateUtc, new Date('2026-04-30T23:59:00Z'), new Date('2035-12-31T20:00:00Z')]) {
      const projected = periods(deployed ?? '', now);
      expect(projected, now.toISOString()).toContain(periodOf(now));
      expect(projected.at(-1), now.toISOString()).toBe(periods('2015-01,NOW+1MONTHS', now).at(-1));
    }
    expect(periods(deployed ?? '', new Date('2036-01-15T00:00:00Z')).at(-1)).toBe('2036-02');
  });

  it("writes Athena's months table well past 2035", () => {
    const months = referenceTables(provinces())
      .find((t) => t.name === 'months')
      ?.rows.map((r) => r.period);
    expect(months).toContain('2036-01');
    expect(months?.at(-1)).toBe(LAST_REFERENCE_PERIOD);
    expect(LAST_REFERENCE_PERIOD > '2090-01').toBe(true);
  });
});

describe('a month after 2035 on both engines', () => {
  let standIn: AthenaStandIn;
  let duckdb: Engine;
  beforeAll(async () => {
    const mirror = tempDir('horizon');
    const debtor = (ma_so_thue: string, no_bhxh: number) => ({
      ma_so_thue,
      ten_don_vi: `Công ty ${ma_so_thue}`,
      no_bhxh,
      no_bhyt: 0,
      no_bhtn: 0,
      so_thang_no: 7,
      da_thu_hoi: 0,
      so_lao_dong: 12,
      tinh_trang: 'late',
    });
    for (const [period, amount] of [
      ['2035-12', 100],
      ['2036-01', 250],
    ] as const) {
      await writeLakeFile(mirror, 'debt', period, '01', [debtor('0100000001', amount)]);
      writeLedgerRecord(mirror, {
        dataset: 'debt',
        period,
        province: '01',
        received_at: `${period}-28T02:00:00.000Z`,
      });
    }
    await ensureSummaries(mirror);
    duckdb = await openEngine({ mirrorDir: mirror });
    standIn = await startAthenaStandIn({ mirrorDir: mirror, pageSize: 1000 });
  });
  afterAll(async () => {
    duckdb.close();
    await standIn.close();
  });

  it.each([
    ['national_figures', { period: '2036-01' }],
    ['province_ranking', { period: '2036-01' }],
    ['police_coordination', { period: '2036-01', province: '01' }],
    ['national_monthly', {}],
  ])('%s gives the same rows, for 2036', async (name, params) => {
    const clock = fakeClock();
    const client = createAthenaClient({
      region: 'ap-southeast-1',
      endpoint: standIn.endpoint,
      credentials: { accessKeyId: 'STANDIN', secretAccessKey: 'stand-in-secret' },
    });
    const athena = openAthenaEngine({
      workGroup: 'vss-test',
      client,
      poll: { sleep: clock.sleep, now: clock.now },
    });
    const expected = await duckdb.runNamed(name, params);
    expect((await athena.runNamed(name, params)).rows).toEqual(expected.rows);
    expect(expected.rows.some((r) => r.period === '2036-01')).toBe(true);
    client.destroy();
  });
});
