/**
 * Path data of a drawing made ahead, shortened: numbers to a tenth of a pixel, and in an outline
 * of straight lines only, vertices within a pixel of the last one kept left out (each outline's
 * first and last kept, so rings close where they did). Other paths only lose digits.
 */
import { describe, expect, it } from 'vitest';
import { roundPaths } from '../../../pipeline/site/svg-precision.ts';

const path = (d: string) => `<svg><path class="x" d="${d}"/></svg>`;

describe('path precision of the drawings made ahead', () => {
  it('rounds every number to 0.1 px and writes it short', () => {
    expect(roundPaths(path('M0.04,10.06L20.449999,-0.04L5e-7,3.95Z'))).toBe(path('M0,10.1L20.4,0L0,4Z'));
  });

  it('leaves out a vertex within 1 px of the last kept, keeping each ring first and last', () => {
    // (10,10) -> (10.5,10.5): 0.71 px, left out; (11,11): 1.41 px from (10,10), kept;
    // (11.3,11) is the ring's last vertex and stays although 0.3 px from (11,11)
    const d = 'M10,10L10.5,10.5L11,11L11.3,11ZM50,50L50.2,50L60,60';
    expect(roundPaths(path(d))).toBe(path('M10,10L11,11L11.3,11ZM50,50L60,60'));
  });

  it('only rounds path data with other commands (a rectangle), and nothing outside d', () => {
    const svg =
      '<svg width="314.123"><path transform="translate(0.333,1)" d="M0.333,0h292.66v510.04h-292.66Z"/></svg>';
    expect(roundPaths(svg)).toBe(
      '<svg width="314.123"><path transform="translate(0.333,1)" d="M0.3,0h292.7v510h-292.7Z"/></svg>',
    );
  });
});
