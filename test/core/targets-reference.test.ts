import { describe, expect, it } from 'vitest';
import { nationalMonthlyDue } from '../../pipeline/generate/collection.ts';
import { oldUnitsOf, rowsFor } from '../../pipeline/generate/province-month.ts';
import { sampleTargets } from '../../pipeline/generate/targets.ts';
import { checkCoverageTargets } from '../../core/reference/check-targets.ts';
import { provinces } from '../../pipeline/reference/provinces.ts';
import { TARGET_SCHEMES, Targets } from '../../core/reference/targets.ts';

const SEED = 7;
const targets = new Targets(sampleTargets(SEED, '2025-01', '2025-12'));
const registry = provinces();
const noRegisters = { debt: new Map(), prosecution: new Map() };

/** A unit's coverage rows as the generator writes them, with the fields the check reads. */
function coverageOf(code: string, period: string) {
  const unit = registry.validIn(period).find((u) => u.code === code);
  if (!unit) throw new Error(`no unit ${code} in ${period}`);
  return rowsFor('coverage', SEED, oldUnitsOf(registry, unit), period, noRegisters).map((r) => ({
    loai_hinh: String(r.loai_hinh),
    chi_tieu_giao: Number(r.chi_tieu_giao),
  }));
}

describe('the national targets reference', () => {
  it('holds one row per unit in force in 2025: the 63 until June and the 34 from July', () => {
    const rows = targets.rows();
    expect(rows.filter((r) => r.generation === '63')).toHaveLength(63);
    expect(rows.filter((r) => r.generation === '34')).toHaveLength(34);
    for (const r of rows) expect(r.decision_no).toContain('(sample)');
  });

  it.each(['2025-03', '2025-06', '2025-07', '2025-11'])(
    "agrees with every unit's generated chi_tieu_giao in %s",
    (period) => {
      for (const unit of registry.validIn(period)) {
        const rows = coverageOf(unit.code, period);
        expect(rows.map((r) => r.loai_hinh).sort()).toEqual([...TARGET_SCHEMES].sort());
        expect(checkCoverageTargets(rows, targets, unit.code, period), `${unit.code} ${period}`).toEqual([]);
      }
    },
  );

  it("gives a merged unit the sum of its old units' targets, to the person", () => {
    const merged = targets.of(2025, '34', '08'); // Tuyên Quang with Hà Giang
    const parts = registry.predecessorsOf('08').map((u) => targets.of(2025, '63', u.code));
    expect(parts).toHaveLength(2);
    for (const s of TARGET_SCHEMES)
      expect(merged?.participants[s]).toBe(parts.reduce((sum, p) => sum + (p?.participants[s] ?? 0), 0));
  });

  it('warns when a province reports a target other than the assigned one, naming the decision', () => {
    const rows = coverageOf('01', '2025-08');
    const hi = rows.find((r) => r.loai_hinh === 'hi');
    if (!hi) throw new Error('no HI row');
    const tampered = rows.map((r) => (r === hi ? { ...r, chi_tieu_giao: hi.chi_tieu_giao + 1 } : r));
    const findings = checkCoverageTargets(tampered, targets, '01', '2025-08');
    expect(findings.map((f) => [f.code, f.scheme])).toEqual([['target.differs', 'hi']]);
    expect(findings[0]?.message.vi).toContain('MẪU-2025/QĐ-BHXH');
    expect(findings[0]?.message.en).toContain(hi.chi_tieu_giao.toLocaleString('en-US'));
    expect(checkCoverageTargets(rows, targets, '01', '2026-01').map((f) => f.code)).toEqual([
      'target.missing',
    ]);
  });

  it("plans the year's collection at the national dues, within a million đồng a unit", () => {
    for (const generation of ['63', '34'] as const) {
      const plan = targets
        .rows()
        .filter((r) => r.generation === generation)
        .reduce((s, r) => s + r.collection_plan.bhxh + r.collection_plan.bhyt + r.collection_plan.bhtn, 0);
      const units = generation === '63' ? 63 : 34;
      expect(Math.abs(plan - 12 * nationalMonthlyDue('2025-12'))).toBeLessThan(units * 3 * 1e6);
    }
    expect(targets.of(2025, '34', '79')?.late_rate_target_bp).toBe(255);
  });
});
