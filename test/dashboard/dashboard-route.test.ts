import { describe, expect, it } from 'vitest';
import { hashFor, routeFromHash, type Route } from '../../dashboard/src/route.ts';

const periods = ['2025-06', '2025-07'];
const base: Route = {
  page: 'overview',
  period: '2025-06',
  geography: 'as_reported',
  region: '',
  province: '',
  dataset: 'debt',
  measure: 'debt_total',
  basis: 'latest',
  lang: 'vi',
};

describe('state in the URL hash', () => {
  it('reads a known month and falls back for anything else', () => {
    const month = (hash: string) => routeFromHash(hash, periods, '2025-07').period;
    expect(month(hashFor(base))).toBe('2025-06');
    expect(month('#2024-01')).toBe('2025-07');
    expect(month('#page=debt&month=2030-01')).toBe('2025-07');
    expect(month('')).toBe('2025-07');
    expect(month('#%E0%A4%A')).toBe('2025-07');
  });

  it('still opens the first version\'s links "#2025-06" and "#2025-06/34" on the overview', () => {
    expect(routeFromHash('#2025-06/34', periods, '2025-07')).toEqual({ ...base, geography: 'current' });
    expect(routeFromHash('#2025-06/63', periods, '2025-07').geography).toBe('as_reported');
  });

  it('round-trips every choice a reader can make', () => {
    const route: Route = {
      page: 'province',
      period: '2025-07',
      geography: 'current',
      region: 'Đồng bằng sông Hồng',
      province: '01',
      dataset: 'debt',
      measure: 'debt_total',
      basis: 'approved',
      lang: 'en',
    };
    expect(routeFromHash(hashFor(route), periods, '2025-06')).toEqual(route);
    const reporting: Route = { ...base, page: 'reporting', dataset: 'procedures' };
    expect(routeFromHash(hashFor(reporting), periods, '2025-07')).toEqual(reporting);
    const map: Route = { ...base, measure: 'hi_rate' };
    expect(hashFor(map)).toContain('measure=hi_rate');
    expect(routeFromHash(hashFor(map), periods, '2025-07')).toEqual(map);
    expect(hashFor(base)).not.toContain('basis');
    expect(hashFor({ ...base, basis: 'approved' })).toContain('basis=approved');
  });

  it('ignores an unknown page, a malformed province code and an unknown language', () => {
    const route = routeFromHash(
      '#page=admin&province=1%3B&lang=fr&month=2025-06&measure=salary&basis=draft',
      periods,
      '2025-07',
    );
    expect(route).toEqual(base);
  });
});
