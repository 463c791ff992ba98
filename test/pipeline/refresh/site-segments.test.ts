import { describe, expect, it } from 'vitest';
import { segmentsIn, type Segment } from '../../../pipeline/refresh/site-segments.ts';

/** A lead-first file: each unit's months in turn, so a month's segments are far apart. */
const segments: Segment[] = [
  ['01', '2024-12', 1, 10],
  ['01', '2025-01', 11, 20],
  ['01', '2025-02', 21, 30],
  ['79', '2024-12', 31, 40],
  ['79', '2025-02', 41, 50],
];

describe('the segments of some months', () => {
  it('are found in the file order, whatever order the months are asked in', () => {
    expect(segmentsIn(segments, (m) => m === '2025-02' || m === '2024-12')).toEqual(
      [0, 2, 3, 4].map((i) => segments[i]),
    );
    expect(segmentsIn(segments, (m) => m === '2025-01')).toEqual([segments[1]]);
    expect(segmentsIn(segments, () => false)).toEqual([]);
  });

  it('of another list are its own, not those of a list seen before', () => {
    expect(segmentsIn(segments, (m) => m === '2025-01')).toEqual([segments[1]]);
    const other: Segment[] = [['', '2025-01', 1, 5]];
    expect(segmentsIn(other, (m) => m === '2025-01')).toEqual(other);
  });
});
