/**
 * A refresh after a change recomputes only the months that changed (and the comparisons that read
 * them), and writes exactly the bytes a full refresh from scratch writes over the same lake: a
 * re-upload, a report sent late for a past month, a month before the first, a first-ever month, a
 * sign-off, a withdrawn month and state from other code. The lake spans 2024-06 to 2025-07, so the
 * year-on-year, year-to-date and restated (across the 2025-07 reform) comparisons all take part.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { refreshSite } from '../../../pipeline/refresh/refresh.ts';
import { STATE_DIR } from '../../../pipeline/refresh/refresh-state.ts';
import { CACHE_DIR } from '../../../pipeline/query/file-cache.ts';
import { approvalIdOf, type ApprovalRecord } from '../../../pipeline/approval/approval-record.ts';
import { approvalKey, lakeKey, ledgerMonthPrefix, summaryKey } from '../../../core/contracts/layout.ts';
import { periodRange } from '../../../core/period.ts';
import { DATASETS } from '../../../core/datasets/index.ts';
import { tempDir, writeLakeFile, writeLedgerRecord } from '../query/engine-fixture.ts';
import { writeGoldenLake } from './golden-lake.ts';
import { listFiles } from './refresh-files.ts';
import { FIRST_SCREEN_FILES } from '../../../core/contracts/site-files.ts';

const PERIODS = periodRange('2024-06', '2025-07');
const now = () => new Date('2025-08-20T00:00:00.000Z');

let lake: string;

beforeAll(async () => {
  lake = tempDir('delta-lake');
  await writeGoldenLake(lake, 23, PERIODS);
}, 300_000);

/** A copy of the lake refreshed in full once: the state a later refresh starts from. */
async function refreshed(): Promise<{ mirror: string; out: string }> {
  const mirror = tempDir('delta-mirror');
  cpSync(lake, mirror, { recursive: true });
  const out = join(tempDir('delta-out'), 'data');
  expect((await refreshSite({ mirrorDir: mirror, outDir: out, now })).recomputed).toBe('all');
  return { mirror, out };
}

/** Every file a full refresh from scratch writes over the mirror as it is now, by key. */
async function fromScratch(mirror: string): Promise<Map<string, string>> {
  const copy = tempDir('delta-scratch');
  cpSync(mirror, copy, { recursive: true });
  rmSync(join(copy, STATE_DIR), { recursive: true, force: true });
  rmSync(join(copy, CACHE_DIR), { recursive: true, force: true });
  const out = join(tempDir('delta-scratch-out'), 'data');
  expect((await refreshSite({ mirrorDir: copy, outDir: out, now })).recomputed).toBe('all');
  return filesOf(out);
}

const filesOf = (dir: string) => new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

async function expectSameAsScratch(mirror: string, out: string): Promise<void> {
  const expected = await fromScratch(mirror);
  const actual = filesOf(out);
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [file, text] of expected) expect(actual.get(file), file).toBe(text);
}

let uploads = 0;
const statusType = DATASETS.debt.columns.find((c) => c.key === 'tinh_trang')?.type;
const debtStatus = statusType?.kind === 'category' ? (statusType.options[0]?.code ?? null) : null;

/** One accepted upload of a report, replacing the lake object of its unit and month. */
async function upload(mirror: string, dataset: 'coverage' | 'debt', period: string, unit: string) {
  uploads += 1;
  const rows =
    dataset === 'coverage'
      ? [{ loai_hinh: 'hi', so_nguoi_tham_gia: 1234 + uploads, chi_tieu_giao: 2000, dan_so_co_so: 5000 }]
      : [
          {
            ma_so_thue: `${unit}00000${uploads}`,
            ten_don_vi: 'Công ty mới',
            no_bhxh: 7_000_000 * uploads,
            no_bhyt: 0,
            no_bhtn: 0,
            so_thang_no: 7,
            da_thu_hoi: 0,
            so_lao_dong: 12,
            tinh_trang: debtStatus,
          },
        ];
  await writeLakeFile(mirror, dataset, period, unit, rows);
  // the summary ingest writes beside it is computed again by the refresh's backfill
  rmSync(join(mirror, summaryKey(dataset, period, unit)), { force: true });
  writeLedgerRecord(mirror, {
    dataset,
    period,
    province: unit,
    upload_id: `z${String(uploads).padStart(5, '0')}`,
    received_at: `${period}-28T03:00:00.000Z`,
    rows_read: 1,
    rows_accepted: 1,
  });
}

describe('a refresh after a change', () => {
  it('recomputes only a re-uploaded month, and writes what a full refresh writes', async () => {
    const { mirror, out } = await refreshed();
    const before = filesOf(out);
    await upload(mirror, 'coverage', '2024-08', '01');
    const result = await refreshSite({ mirrorDir: mirror, outDir: out, now });
    expect(result.recomputed).toEqual(['2024-08']);
    await expectSameAsScratch(mirror, out);
    // a unit the upload does not touch keeps its files
    const after = filesOf(out);
    expect(after.get('provinces/79/coverage.json')).toBe(before.get('provinces/79/coverage.json'));
    expect(after.get('provinces/01/coverage.json')).not.toBe(before.get('provinces/01/coverage.json'));
    // nothing changed since: nothing recomputed, the same bytes
    expect((await refreshSite({ mirrorDir: mirror, outDir: out, now })).recomputed).toEqual([]);
    await expectSameAsScratch(mirror, out);
  }, 300_000);

  it('handles a late report of a past month and a month before the first', async () => {
    const { mirror, out } = await refreshed();
    await upload(mirror, 'debt', '2024-12', '49');
    await upload(mirror, 'coverage', '2024-05', '02');
    const result = await refreshSite({ mirrorDir: mirror, outDir: out, now });
    expect(result.recomputed).toEqual(['2024-05', '2024-12']);
    await expectSameAsScratch(mirror, out);
  }, 300_000);

  it('adds a first-ever month after the last, with its debt detail for the police lists', async () => {
    const { mirror, out } = await refreshed();
    const drawnAhead = () => readFileSync(join(out, FIRST_SCREEN_FILES.charts), 'utf8');
    const before = drawnAhead();
    await upload(mirror, 'debt', '2025-08', '01');
    await upload(mirror, 'coverage', '2025-08', '48');
    const result = await refreshSite({ mirrorDir: mirror, outDir: out, now });
    expect(result.recomputed).toEqual(['2025-08']);
    await expectSameAsScratch(mirror, out);
    // the first screen's charts are drawn again for the new latest month
    expect((JSON.parse(before) as { period: string }).period).toBe('2025-07');
    expect((JSON.parse(drawnAhead()) as { period: string }).period).toBe('2025-08');
    expect(readFileSync(join(out, 'provinces/01/police.json'), 'utf8')).toContain('2025-08');
  }, 300_000);

  it('follows a sign-off, and a re-upload across the reform', async () => {
    const { mirror, out } = await refreshed();
    const fields: Omit<ApprovalRecord, 'approval_id'> = {
      action: 'approve',
      period: '2025-07',
      province: '79',
      covers: [{ dataset: 'coverage', upload_id: 'z99999' }],
      actor: 'giam.doc',
      role: 'director',
      at: '2025-08-15T00:00:00.000Z',
      reason: null,
    };
    await upload(mirror, 'coverage', '2025-06', '49');
    const path = join(mirror, approvalKey('2025-07', '79', approvalIdOf(fields)));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify({ ...fields, approval_id: approvalIdOf(fields) }));
    const result = await refreshSite({ mirrorDir: mirror, outDir: out, now });
    expect(result.recomputed).toEqual(['2025-06', '2025-07']);
    await expectSameAsScratch(mirror, out);
  }, 300_000);

  it('reads the changed months alone when the engine cache is gone, without building it', async () => {
    const { mirror, out } = await refreshed();
    rmSync(join(mirror, CACHE_DIR), { recursive: true, force: true });
    await upload(mirror, 'coverage', '2025-01', '79');
    expect((await refreshSite({ mirrorDir: mirror, outDir: out, now })).recomputed).toEqual(['2025-01']);
    expect(existsSync(join(mirror, CACHE_DIR))).toBe(false);
    await expectSameAsScratch(mirror, out);
  }, 300_000);

  it('refreshes in full when a month is withdrawn, or the state is from other code', async () => {
    const { mirror, out } = await refreshed();
    for (const dataset of [
      'debt',
      'coverage',
      'enforcement',
      'prosecution',
      'procedures',
      'collection',
    ] as const) {
      for (const unit of ['01', '02', '08', '48', '49', '79']) {
        rmSync(join(mirror, dirname(lakeKey(dataset, '2024-06', unit))), { recursive: true, force: true });
        rmSync(join(mirror, dirname(summaryKey(dataset, '2024-06', unit))), { recursive: true, force: true });
        rmSync(join(mirror, ledgerMonthPrefix(dataset, '2024-06', unit)), { recursive: true, force: true });
      }
    }
    expect((await refreshSite({ mirrorDir: mirror, outDir: out, now })).recomputed).toBe('all');
    await expectSameAsScratch(mirror, out);
    const statePath = join(mirror, STATE_DIR, 'state.json');
    expect(existsSync(statePath)).toBe(true);
    const state = JSON.parse(readFileSync(statePath, 'utf8')) as { version: string };
    writeFileSync(statePath, JSON.stringify({ ...state, version: 'older code' }));
    await upload(mirror, 'coverage', '2024-09', '08');
    expect((await refreshSite({ mirrorDir: mirror, outDir: out, now })).recomputed).toBe('all');
    await expectSameAsScratch(mirror, out);
  }, 300_000);
});
