/**
 * The police-coordination list, the prosecution funnel and completeness on small hand-built
 * lakes and ledgers, across the 2025 merger of Quảng Nam (49) into Đà Nẵng (48).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../pipeline/query/engine.ts';
import { tempDir, writeLakeFile, writeLedgerRecord } from './engine-fixture.ts';

const debtor = (ma_so_thue: string, no_bhxh: number, so_thang_no: number, so_lao_dong: number) => ({
  ma_so_thue,
  ten_don_vi: `Công ty ${ma_so_thue}`,
  no_bhxh,
  no_bhyt: 0,
  no_bhtn: 0,
  so_thang_no,
  da_thu_hoi: 0,
  so_lao_dong,
  tinh_trang: 'evading',
});

const dossier = (ma_ho_so: string, dieu_luat: string, trang_thai: string, so_tien: number) => ({
  ma_ho_so,
  dieu_luat,
  ma_so_thue: null,
  ngay_gui: '2025-04-02',
  trang_thai,
  so_tien,
});

let engine: Engine;
beforeAll(async () => {
  const mirror = tempDir('registers');
  await writeLakeFile(mirror, 'debt', '2025-06', '48', [
    debtor('4800000001', 60_000_000, 6, 2), // Art. 216 by amount
    debtor('4800000002', 1_000_000, 7, 12), // Art. 216 by employees
    debtor('4800000003', 80_000_000, 5, 50), // 3+ months, not yet 6
    debtor('4800000004', 999, 2, 1), // under 3 months
    debtor('4800000005', 0, 9, 1), // owes nothing
  ]);
  await writeLakeFile(mirror, 'debt', '2025-06', '49', [debtor('4900000001', 49_999_999, 6, 9)]);
  await writeLakeFile(mirror, 'prosecution', '2025-04', '01', [
    dossier('HS-1', '216', 'sent', 100),
    dossier('HS-2', '216', 'sent', 200),
  ]);
  await writeLakeFile(mirror, 'prosecution', '2025-05', '01', [
    dossier('HS-1', '216', 'accepted', 100),
    dossier('HS-2', '216', 'returned', 200),
    dossier('HS-3', '214', 'sent', 30),
  ]);
  await writeLakeFile(mirror, 'prosecution', '2025-06', '01', [
    dossier('HS-1', '216', 'prosecuted', 100),
    dossier('HS-2', '216', 'returned', 200),
    dossier('HS-3', '214', 'accepted', 30),
  ]);
  const debt = { dataset: 'debt' };
  // Deadline for June: the 10th of July, 17:00 UTC (midnight in Vietnam).
  writeLedgerRecord(mirror, {
    ...debt,
    period: '2025-06',
    province: '48',
    received_at: '2025-07-05T02:00:00.000Z',
  });
  writeLedgerRecord(mirror, {
    ...debt,
    period: '2025-06',
    province: '48',
    received_at: '2025-07-15T02:00:00.000Z',
  });
  writeLedgerRecord(mirror, {
    ...debt,
    period: '2025-06',
    province: '49',
    received_at: '2025-07-12T02:00:00.000Z',
  });
  writeLedgerRecord(mirror, {
    ...debt,
    period: '2025-06',
    province: '01',
    received_at: '2025-07-01T02:00:00.000Z',
    status: 'rejected',
  });
  writeLedgerRecord(mirror, {
    ...debt,
    period: '2025-07',
    province: '48',
    received_at: '2025-08-09T02:00:00.000Z',
  });
  engine = await openEngine({ mirrorDir: mirror });
});
afterAll(() => engine.close());

describe('police_coordination', () => {
  it('lists the debtors of 3+ months, Art. 216 first, for a unit as reported', async () => {
    const { rows } = await engine.runNamed('police_coordination', { province: '48', period: '2025-06' });
    expect(rows.map((r) => [r.ma_so_thue, r.debt_total, r.so_thang_no, r.art216])).toEqual([
      ['4800000001', 60_000_000, 6, 1],
      ['4800000002', 1_000_000, 7, 1],
      ['4800000003', 80_000_000, 5, 0],
    ]);
  });

  it('takes Quảng Nam into Đà Nẵng in the current geography; 49,999,999 VND and 9 employees is not Art. 216', async () => {
    const { rows } = await engine.runNamed('police_coordination', {
      province: '48',
      period: '2025-06',
      geography: 'current',
    });
    expect(rows.map((r) => [r.reporting_unit, r.ma_so_thue, r.art216])).toEqual([
      ['48', '4800000001', 1],
      ['48', '4800000002', 1],
      ['48', '4800000003', 0],
      ['49', '4900000001', 0],
    ]);
  });

  it('gives every unit of the month in one statement (province=all), unit by unit, each list in its own order', async () => {
    const params = { period: '2025-06', geography: 'current' };
    const { rows } = await engine.runNamed('police_coordination', { ...params, province: 'all' });
    const units = [...new Set(rows.map((r) => String(r.province)))];
    expect(units).toEqual([...units].sort());
    expect(units).toContain('48');
    const oneByOne = [];
    for (const province of units) {
      oneByOne.push(...(await engine.runNamed('police_coordination', { ...params, province })).rows);
    }
    expect(rows).toEqual(oneByOne);
  });
});

describe('prosecution_funnel', () => {
  it('counts each stage, how far dossiers got and how long they stayed, from the monthly registers', async () => {
    const { rows } = await engine.runNamed('prosecution_funnel', { period: '2025-06' });
    const national = rows
      .filter((r) => r.scope === 'national' && r.article === '216')
      .map((r) => [r.stage, r.dossiers, r.reached, r.avg_months_in_stage, r.amount]);
    expect(national).toEqual([
      ['sent', 0, 2, 1, 0],
      ['accepted', 0, 1, 1, 0],
      ['prosecuted', 1, 1, 1, 100],
      ['tried', 0, 0, null, 0],
      ['not_prosecuted', 0, 0, null, 0],
      ['returned', 1, 1, 2, 200],
      ['suspended', 0, 0, null, 0],
    ]);
    const art214 = rows.filter((r) => r.scope === '01' && r.article === '214' && Number(r.reached) > 0);
    expect(art214.map((r) => [r.stage, r.dossiers, r.reached])).toEqual([
      ['sent', 0, 1],
      ['accepted', 1, 1],
    ]);
    expect(rows).toHaveLength(2 * 2 * 7); // national and Hà Nội, two articles, seven stages
  });
});

describe('completeness', () => {
  const counts = (rows: Record<string, unknown>[], period: string) => {
    const of = rows.filter((r) => r.dataset === 'debt' && r.period === period);
    const sum = (k: string) => of.reduce((s, r) => s + Number(r[k]), 0);
    return {
      rows: of.length,
      expected: sum('expected'),
      received: sum('received'),
      on_time: sum('on_time'),
      late: sum('late'),
      missing: sum('missing'),
      resubmitted: sum('resubmitted'),
    };
  };

  it('expects 63 units in June and 34 in July, as reported', async () => {
    const { rows } = await engine.runNamed('completeness');
    expect(counts(rows, '2025-06')).toEqual({
      rows: 63,
      expected: 63,
      received: 2,
      on_time: 1,
      late: 1,
      missing: 61, // Hà Nội's only upload was rejected
      resubmitted: 1,
    });
    expect(counts(rows, '2025-07')).toMatchObject({ rows: 34, expected: 34, on_time: 1, missing: 33 });
  });

  it('adds June up into the 34 units in the current geography', async () => {
    const { rows } = await engine.runNamed('completeness', { geography: 'current' });
    expect(counts(rows, '2025-06')).toMatchObject({ rows: 34, expected: 63, received: 2, missing: 61 });
    const daNang = rows.find((r) => r.dataset === 'debt' && r.period === '2025-06' && r.province === '48');
    expect(daNang).toMatchObject({
      expected: 2,
      received: 2,
      on_time: 1,
      late: 1,
      resubmitted: 1,
      status: 'late',
    });
  });

  it('moves the deadline when asked: by the 15th both June reports are on time', async () => {
    const { rows } = await engine.runNamed('completeness', { deadline_day: 15 });
    expect(counts(rows, '2025-06')).toMatchObject({ on_time: 2, late: 0 });
  });
});
