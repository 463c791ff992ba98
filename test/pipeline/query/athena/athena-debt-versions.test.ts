/**
 * The debt table over both template versions, on DuckDB and through the Athena stand-in (which
 * refuses what Athena would): version-1 months read as nature and action, never with a nature
 * guessed; version-2 months read back as the version-1 status; sector and interest NULL where
 * the version had none. The expected rows are written out by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAthenaClient } from '../../../../pipeline/query/athena/athena-client.ts';
import { openAthenaEngine } from '../../../../pipeline/query/athena/athena-engine.ts';
import { openEngine, type Engine } from '../../../../pipeline/query/engine.ts';
import { startAthenaStandIn } from '../../../support/athena-stand-in/server.ts';
import { tempDir, writeLakeFile, type FixtureRow } from '../engine-fixture.ts';
import { fakeClock, standInClientOptions } from './athena-harness.ts';

const base = (ma_so_thue: string, owed: number): FixtureRow => ({
  ma_so_thue,
  ten_don_vi: `Công ty ${ma_so_thue}`,
  no_bhxh: owed,
  no_bhyt: 0,
  no_bhtn: 0,
  so_thang_no: owed > 0 ? 7 : 0,
  da_thu_hoi: owed > 0 ? 0 : 4_000_000,
  so_lao_dong: 12,
});
const V1: FixtureRow[] = ['late', 'evading', 'sued', 'referred_police', 'dissolved'].map((tinh_trang, i) => ({
  ...base(`010000000${i}`, 60_000_000),
  tinh_trang,
}));
const v2 = (i: number, owed: number, khu_vuc: string, tinh_chat: string, bien_phap: string) => ({
  ...base(`020000000${i}`, owed),
  khu_vuc,
  lai_cham_dong: owed > 0 ? 900_000 : 0,
  tinh_chat,
  bien_phap,
});
const V2: FixtureRow[] = [
  v2(0, 60_000_000, 'fdi', 'evading', 'referred_police'),
  v2(1, 60_000_000, 'state', 'late', 'none'),
  v2(2, 60_000_000, 'non_state', 'evading', 'sued'),
  v2(3, 60_000_000, 'public', 'evading', 'none'),
  v2(4, 0, 'non_state', 'late', 'none'),
];

/** [tax code, template version, tinh_trang, tinh_chat, bien_phap, khu_vuc, lai_cham_dong] */
const EXPECTED = {
  '2026-06': [
    ['0100000000', 1, 'late', 'late', 'none', null, null],
    ['0100000001', 1, 'evading', 'evading', 'none', null, null],
    ['0100000002', 1, 'sued', null, 'sued', null, null],
    ['0100000003', 1, 'referred_police', null, 'referred_police', null, null],
    ['0100000004', 1, 'dissolved', null, 'dissolved', null, null],
  ],
  '2026-07': [
    ['0200000000', 2, 'referred_police', 'evading', 'referred_police', 'fdi', 900_000],
    ['0200000001', 2, 'late', 'late', 'none', 'state', 900_000],
    ['0200000002', 2, 'sued', 'evading', 'sued', 'non_state', 900_000],
    ['0200000003', 2, 'evading', 'evading', 'none', 'public', 900_000],
    ['0200000004', 2, 'late', 'late', 'none', 'non_state', 0],
  ],
} as const;

const shape = (rows: Record<string, unknown>[]) =>
  rows.map((r) => [
    r.ma_so_thue,
    Number(r.template_version),
    r.tinh_trang,
    r.tinh_chat,
    r.bien_phap,
    r.khu_vuc,
    r.lai_cham_dong === null ? null : Number(r.lai_cham_dong),
  ]);

let both: Awaited<ReturnType<typeof open>>;
let v1Only: { duckdb: Engine; close(): void };

async function open(mirror: string) {
  const duckdb = await openEngine({ mirrorDir: mirror });
  const standIn = await startAthenaStandIn({ mirrorDir: mirror });
  const client = createAthenaClient(standInClientOptions(standIn.endpoint));
  const clock = fakeClock();
  const athena = openAthenaEngine({
    workGroup: 'vss-test',
    client,
    poll: { sleep: clock.sleep, now: clock.now },
  });
  return {
    mirror,
    duckdb,
    athena,
    standIn,
    async close() {
      athena.close();
      client.destroy();
      duckdb.close();
      await standIn.close();
    },
  };
}

beforeAll(async () => {
  const mirror = tempDir('debt-versions');
  await writeLakeFile(mirror, 'debt', '2026-06', '79', V1);
  await writeLakeFile(mirror, 'debt', '2026-07', '79', V2);
  both = await open(mirror);
  const old = tempDir('debt-v1-only');
  await writeLakeFile(old, 'debt', '2026-06', '79', V1);
  const duckdb = await openEngine({ mirrorDir: old });
  v1Only = { duckdb, close: () => duckdb.close() };
});
afterAll(async () => {
  await both.close();
  v1Only.close();
});

describe('police_coordination: the nature and the action of a version-1 month', () => {
  it('leaves the nature of a row that only said sued, referred or dissolved NULL, on both engines', async () => {
    const params = { geography: 'reported', period: '2026-06', province: '79' };
    const duckdb = await both.duckdb.runNamed('police_coordination', params);
    const natureAction = Object.fromEntries(
      duckdb.rows.map((r) => [r.ma_so_thue, [r.tinh_trang, r.tinh_chat, r.bien_phap]]),
    );
    expect(natureAction).toEqual({
      '0100000000': ['late', 'late', 'none'],
      '0100000001': ['evading', 'evading', 'none'],
      '0100000002': ['sued', null, 'sued'],
      '0100000003': ['referred_police', null, 'referred_police'],
      '0100000004': ['dissolved', null, 'dissolved'],
    });
    expect((await both.athena.runNamed('police_coordination', params)).rows).toEqual(duckdb.rows);
  });
});

describe('debt_rows: one reading of both template versions', () => {
  it.each(['2026-06', '2026-07'] as const)('%s on DuckDB and on the Athena stand-in', async (period) => {
    const params = { period, province: '79' };
    const duckdb = await both.duckdb.runNamed('debt_rows', params);
    expect(shape(duckdb.rows)).toEqual(EXPECTED[period]);
    const athena = await both.athena.runNamed('debt_rows', params);
    expect(athena.rows).toEqual(duckdb.rows);
    expect(both.standIn.store.started.at(-1)?.QueryString).toContain('FROM vss.debt d');
  });

  it('has the version-2 columns, NULL, on a lake of only version-1 months', async () => {
    const result = await v1Only.duckdb.runNamed('debt_rows', { period: '2026-06', province: '79' });
    expect(shape(result.rows)).toEqual(EXPECTED['2026-06']);
    const raw = await v1Only.duckdb.runQuery('SELECT count(khu_vuc) AS n, count(*) AS rows FROM vss.debt');
    expect(raw.rows).toEqual([{ n: 0, rows: 5 }]);
  });

  it('lists a version-2 month for the police with the status version 1 would have shown', async () => {
    const params = { geography: 'reported', period: '2026-07', province: '79' };
    const duckdb = await both.duckdb.runNamed('police_coordination', params);
    const status = Object.fromEntries(duckdb.rows.map((r) => [r.ma_so_thue, r.tinh_trang]));
    // The paid-off row owes nothing and is not listed.
    expect(status).toEqual({
      '0200000000': 'referred_police',
      '0200000001': 'late',
      '0200000002': 'sued',
      '0200000003': 'evading',
    });
    expect((await both.athena.runNamed('police_coordination', params)).rows).toEqual(duckdb.rows);
    // the nature and the action apart: the referred evader keeps its "evading"
    const natureAction = Object.fromEntries(
      duckdb.rows.map((r) => [r.ma_so_thue, [r.tinh_chat, r.bien_phap]]),
    );
    expect(natureAction).toEqual({
      '0200000000': ['evading', 'referred_police'],
      '0200000001': ['late', 'none'],
      '0200000002': ['evading', 'sued'],
      '0200000003': ['evading', 'none'],
    });
    // every unit at once (the refresh's one statement): here the one unit that reported
    const all = { ...params, province: 'all' };
    expect((await both.athena.runNamed('police_coordination', all)).rows).toEqual(duckdb.rows);
    expect((await both.duckdb.runNamed('police_coordination', all)).rows).toEqual(duckdb.rows);
  });
});

describe('national_figures across the template change', () => {
  it('gives arrears recovered no change across 2026-07, and debt its change, on both engines', async () => {
    const params = { period: '2026-07' };
    const duckdb = await both.duckdb.runNamed('national_figures', params);
    const of = (measure: string) => duckdb.rows.find((r) => r.measure === measure);
    // 2026-07 recovers the paid-off row's 4 000 000, 2026-06 nothing: a break, not a change
    expect(of('arrears_recovered')).toMatchObject({
      value: 4_000_000,
      previous_month_value: 0,
      mom_change: null,
      mom_pct: null,
      mom_break: 'template_changed',
      break_from: '2026-07',
    });
    // debt: 4 debtors of 60 000 000 against 5 the month before
    expect(of('debt_total')).toMatchObject({
      value: 240_000_000,
      previous_month_value: 300_000_000,
      mom_change: -60_000_000,
      mom_pct: -20,
      mom_break: null,
      break_from: null,
    });
    expect((await both.athena.runNamed('national_figures', params)).rows).toEqual(duckdb.rows);
  });

  it('compares arrears recovered within one template version', async () => {
    const { rows } = await both.duckdb.runNamed('national_figures', { period: '2026-06' });
    expect(rows.find((r) => r.measure === 'arrears_recovered')).toMatchObject({ mom_break: null });
  });
});

describe('province_ranking and outliers across the template change', () => {
  it('ranks arrears recovered with no change at 2026-07, debt with its change, on both engines', async () => {
    const of = async (measure: string) => {
      const params = { period: '2026-07', geography: 'reported', measure };
      const duckdb = await both.duckdb.runNamed('province_ranking', params);
      expect((await both.athena.runNamed('province_ranking', params)).rows).toEqual(duckdb.rows);
      return duckdb.rows.find((r) => r.province === '79');
    };
    expect(await of('arrears_recovered')).toMatchObject({
      value: 4_000_000,
      previous_value: 0,
      change: null,
      change_break: 'template_changed',
    });
    expect(await of('debt_total')).toMatchObject({
      value: 240_000_000,
      previous_value: 300_000_000,
      change: -60_000_000,
      change_break: null,
    });
  });
});

describe('outliers at the template change', () => {
  let jump: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    // 2026-06: one debtor owing 60 000 000 that paid 1 000 000; 2026-07: it owes five times as
    // much and a paid-off employer's 4 000 000 is reported besides: both figures jump fivefold
    const mirror = tempDir('outliers-break');
    await writeLakeFile(mirror, 'debt', '2026-06', '79', [{ ...V1[0], da_thu_hoi: 1_000_000 }]);
    await writeLakeFile(mirror, 'debt', '2026-07', '79', [
      { ...v2(0, 300_000_000, 'fdi', 'late', 'none'), da_thu_hoi: 1_000_000 },
      v2(4, 0, 'non_state', 'late', 'none'),
    ]);
    jump = await open(mirror);
  });
  afterAll(async () => {
    await jump.close();
  });

  it("flags debt's fivefold jump at 2026-07 but not that of arrears recovered, on both engines", async () => {
    const params = { period: '2026-07', geography: 'reported', measure: 'all', jump_ratio: 2 };
    const duckdb = await jump.duckdb.runNamed('outliers', params);
    const flagged = (measure: string) => duckdb.rows.find((r) => r.measure === measure);
    expect(flagged('debt_total')).toMatchObject({ province: '79', mom_ratio: 5, jump_flag: 1 });
    expect(flagged('arrears_recovered')).toBeUndefined();
    expect((await jump.athena.runNamed('outliers', params)).rows).toEqual(duckdb.rows);
  });
});
