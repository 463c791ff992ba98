import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatPeriod,
  formatShare,
  formatTimestamp,
  formatVnd,
  formatVndCompact,
} from '../../core/format.ts';
import { generationOf } from '../../core/unit-names.ts';

describe('dashboard formats (vi-VN)', () => {
  it('writes whole đồng with dots between thousands', () => {
    expect(formatVnd(1_234_567)).toBe('1.234.567 đ');
    expect(formatVnd(0)).toBe('0 đ');
  });

  it('rounds large amounts to nghìn tỷ, tỷ and triệu with a decimal comma', () => {
    expect(formatVndCompact(12_345_000_000_000)).toBe('12,3 nghìn tỷ đồng');
    expect(formatVndCompact(12_345_000_000)).toBe('12,3 tỷ đồng');
    expect(formatVndCompact(45_600_000)).toBe('45,6 triệu đồng');
    expect(formatVndCompact(999_999)).toBe('999.999 đồng');
  });

  it('gives shares and changes one decimal, and a dash when the base is zero', () => {
    expect(formatShare(877, 1000)).toBe('87,7%');
    expect(formatShare(1, 0)).toBe('—');
    expect(formatChange(105, 100)).toBe('+5,0%');
    expect(formatChange(95, 100)).toBe('-5,0%');
    expect(formatChange(5, 0)).toBe('—');
  });

  it('writes months as mm/yyyy and timestamps as dd/mm/yyyy HH:MM in Vietnam time', () => {
    expect(formatPeriod('2025-07')).toBe('07/2025');
    expect(formatTimestamp('2025-12-31T17:30:00Z')).toBe('01/01/2026 00:30');
    expect(formatTimestamp('not a date')).toBe('not a date');
  });
});

describe('geography of a month', () => {
  it('switches the map geography in July 2025', () => {
    expect(generationOf('2025-06')).toBe('63');
    expect(generationOf('2025-07')).toBe('34');
  });
});
