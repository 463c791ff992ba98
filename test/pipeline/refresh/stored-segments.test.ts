import { describe, expect, it } from 'vitest';
import { storedSegments, storeSegments } from '../../../pipeline/refresh/stored-segments.ts';
import { groupRows, wholeFile } from '../../../pipeline/refresh/site-segments.ts';

/** A lead-first file as the writer cuts it: two units, months across a year's turn, one gap. */
const rows = [
  { unit: '01', period: '2024-11', v: 1 },
  { unit: '01', period: '2024-12', v: 22 },
  { unit: '01', period: '2025-01', v: 333 },
  { unit: '79', period: '2024-12', v: 4 },
  { unit: '79', period: '2025-02', v: 5 },
  { unit: '79', period: '2025-02', v: 66 },
];

describe('segments as the state stores them', () => {
  const groups = groupRows(
    rows,
    rows.map((r) => JSON.stringify(r)),
    (r) => (r as (typeof rows)[number]).unit,
  );
  const file = groups && wholeFile(groups);

  it('read back as the segments of the file written, offsets and all', () => {
    expect(file).toBeDefined();
    const segments = { 'reports.json': file?.segments ?? [], 'empty.json': [] };
    const stored = storeSegments(segments);
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
    expect(storedSegments.parse(stored)).toEqual(segments);
    // Each segment's bytes are its rows: the offsets follow from the lengths alone.
    const text = file?.bytes.toString('utf8') ?? '';
    const restored = storedSegments.parse(stored)['reports.json'] ?? [];
    expect(
      restored.map(([lead, period, start, end]) => [lead, period, JSON.parse(`[${text.slice(start, end)}]`)]),
    ).toEqual([
      ['01', '2024-11', [rows[0]]],
      ['01', '2024-12', [rows[1]]],
      ['01', '2025-01', [rows[2]]],
      ['79', '2024-12', [rows[3]]],
      ['79', '2025-02', [rows[4], rows[5]]],
    ]);
  });

  it('refuses stored segments whose runs do not count their lengths', () => {
    const stored = storeSegments({ 'reports.json': file?.segments ?? [] });
    const entry = stored['reports.json'];
    if (!entry) throw new Error('no entry');
    entry.leads[0] = ['01', 2];
    expect(storedSegments.safeParse(stored).success).toBe(false);
  });

  it('will not store segments with a gap between them', () => {
    expect(() =>
      storeSegments({
        'a.json': [
          ['', '2025-01', 1, 9],
          ['', '2025-02', 11, 20],
        ],
      }),
    ).toThrow(/not contiguous/);
  });
});
