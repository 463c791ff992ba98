/**
 * The default sample's debtor statuses against the published enforcement magnitudes (the status
 * rows of pipeline/generate/CALIBRATION.md): the shares of a month's debtors by nature and
 * action, computed from the generated files, in the last month of template version 1 (one
 * status column) and the first of version 2 (nature and action apart), and the two read the same.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { debt } from '../../../core/datasets/debt.ts';
import { templateAt } from '../../../core/datasets/versions.ts';
import { generateSamples, type Manifest } from '../../../pipeline/generate/index.ts';
import { readSample } from '../../../pipeline/generate/read-sample.ts';
import { REFERENCE_TARGETS_SEED } from '../../../pipeline/generate/targets.ts';

const V1_MONTH = '2026-06';
const V2_MONTH = '2026-07';

/** One debtor row of a month, its category cells read back from their labels to their codes. */
type DebtorRow = Map<string, string>;

let out = '';
const months = new Map<string, DebtorRow[]>();

async function debtorsOf(manifest: Manifest, period: string): Promise<DebtorRow[]> {
  const columns = templateAt(debt, period).columns;
  const rows: DebtorRow[] = [];
  for (const f of manifest.files.filter((m) => m.dataset === 'debt' && m.period === period)) {
    const table = await readSample(join(out, f.path));
    const keys = table.header.map((vi) => columns.find((c) => c.vi === vi));
    for (const cells of table.rows) {
      const row: DebtorRow = new Map();
      keys.forEach((column, i) => {
        if (!column) return;
        const cell = String(cells[i]);
        const type = column.type;
        const code = type.kind === 'category' ? type.options.find((o) => o.vi === cell)?.code : cell;
        row.set(column.key, code ?? `unknown label ${cell}`);
      });
      // Version 2 also lists employers that paid everything off: they are no longer debtors.
      if (Number(row.get('so_thang_no')) > 0) rows.push(row);
    }
  }
  return rows;
}

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'vss-gen-status-'));
  const seed = REFERENCE_TARGETS_SEED;
  const result = await generateSamples({ out, from: V1_MONTH, to: V2_MONTH, seed });
  const manifest = JSON.parse(await readFile(result.manifestPath, 'utf8')) as Manifest;
  for (const period of [V1_MONTH, V2_MONTH]) months.set(period, await debtorsOf(manifest, period));
}, 600_000);
afterAll(() => rm(out, { recursive: true, force: true }));

function shareOf(period: string, test: (r: DebtorRow) => boolean): number {
  const rows = months.get(period) ?? [];
  expect(rows.length).toBeGreaterThan(20_000);
  return rows.filter(test).length / rows.length;
}

type Test = (r: DebtorRow) => boolean;
/** [what, version-1 test (null: version 1 cannot tell), version-2 test, low, high] as in CALIBRATION.md. */
const BANDS: [string, Test | null, Test, number, number][] = [
  [
    'referred to the police',
    (r) => r.get('tinh_trang') === 'referred_police',
    (r) => r.get('bien_phap') === 'referred_police',
    0.0003,
    0.003,
  ],
  ['sued', (r) => r.get('tinh_trang') === 'sued', (r) => r.get('bien_phap') === 'sued', 0.002, 0.01],
  [
    'dissolved',
    (r) => r.get('tinh_trang') === 'dissolved',
    (r) => r.get('bien_phap') === 'dissolved',
    0.005,
    0.02,
  ],
  // Version 1 shows "evading" only while no action is taken; version 2 keeps it under any action.
  [
    'evading, no action',
    (r) => r.get('tinh_trang') === 'evading',
    (r) => r.get('tinh_chat') === 'evading' && r.get('bien_phap') === 'none',
    0.02,
    0.06,
  ],
  ['evading, any action', null, (r) => r.get('tinh_chat') === 'evading', 0.02, 0.06],
];

describe('debtor statuses in the default sample', () => {
  for (const [what, v1, v2, low, high] of BANDS) {
    it(`has ${String(100 * low)}-${String(100 * high)} % of debtors ${what}, in both template versions`, () => {
      const shares = [shareOf(V2_MONTH, v2), ...(v1 ? [shareOf(V1_MONTH, v1)] : [])];
      for (const share of shares) {
        expect(share).toBeGreaterThan(low);
        expect(share).toBeLessThan(high);
      }
    });
  }

  it('keeps a debtor the same from the version-1 month to the version-2 month', () => {
    const before = new Map(
      (months.get(V1_MONTH) ?? []).map((r) => [r.get('ma_so_thue'), r.get('tinh_trang')]),
    );
    let compared = 0;
    for (const r of months.get(V2_MONTH) ?? []) {
      const status = before.get(r.get('ma_so_thue'));
      if (status === undefined) continue;
      compared++;
      const [nature, action] = [r.get('tinh_chat'), r.get('bien_phap')];
      // Natures never revert to late, actions are never undone: what version 1 said still holds.
      if (status === 'evading' || status === 'referred_police') expect(nature).toBe('evading');
      if (status !== 'late' && status !== 'evading') expect(action).not.toBe('none');
      if (status === 'dissolved') expect(action).toBe('dissolved');
      // A referral to the police is for evasion (Art. 216).
      if (action === 'referred_police') expect(nature).toBe('evading');
    }
    expect(compared).toBeGreaterThan(10_000);
  });
});
