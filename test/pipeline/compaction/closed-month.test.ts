/**
 * Which months are closed, and the compacted keys read back: the month rule never lets an
 * operator's --before compact a month still open, and every reader's key parser knows the shape.
 */
import { describe, expect, it } from 'vitest';
import { compactedLakeKey, compactedSummaryKey, lakeKey } from '../../../core/contracts/layout.ts';
import {
  parseCompactedLakeKey,
  parseCompactedSummaryKey,
  parseLakeKey,
} from '../../../core/contracts/layout-parse.ts';
import { closedMonthsOf, firstOpenMonth, isClosedMonth } from '../../../pipeline/lake/closed-month.ts';

const NOW = new Date('2026-12-04T10:00:00.000Z');

describe('closed months', () => {
  it('closes a month three behind the current one (Vietnam calendar)', () => {
    expect(firstOpenMonth(NOW)).toBe('2026-10');
    expect(isClosedMonth('2026-09', { now: NOW })).toBe(true);
    expect(isClosedMonth('2026-10', { now: NOW })).toBe(false);
    // 31 December 18:00 UTC is already January in Vietnam.
    expect(firstOpenMonth(new Date('2026-12-31T18:00:00.000Z'))).toBe('2026-11');
  });

  it('an operator may compact later than the rule, never sooner', () => {
    expect(isClosedMonth('2026-05', { now: NOW, before: '2026-05' })).toBe(false);
    expect(isClosedMonth('2026-04', { now: NOW, before: '2026-05' })).toBe(true);
    expect(isClosedMonth('2026-10', { now: NOW, before: '2027-01' })).toBe(false);
    expect(closedMonthsOf(['2026-11', '2026-01', '2025-12', '2026-01'], { now: NOW })).toEqual([
      '2025-12',
      '2026-01',
    ]);
  });
});

describe('compacted keys', () => {
  it('are read back by their own parsers, and by no per-province one', () => {
    const lake = compactedLakeKey('debt', '2025-08');
    const summary = compactedSummaryKey('coverage', '2025-08');
    expect(lake).toBe('lake/debt/compacted/period=2025-08/data.parquet');
    expect(parseCompactedLakeKey(lake)).toEqual({ dataset: 'debt', period: '2025-08' });
    expect(parseCompactedSummaryKey(summary)).toEqual({ dataset: 'coverage', period: '2025-08' });
    expect(parseLakeKey(lake)).toBeNull();
    expect(parseCompactedLakeKey(lakeKey('debt', '2025-08', '01'))).toBeNull();
    expect(parseCompactedLakeKey('lake/nope/compacted/period=2025-08/data.parquet')).toBeNull();
    expect(parseCompactedLakeKey('lake/debt/compacted/period=2025-13/data.parquet')).toBeNull();
  });
});
