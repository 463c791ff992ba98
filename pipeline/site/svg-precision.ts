/**
 * Fewer digits and points in the paths of a drawing made ahead. Vega's SVG renderer writes a
 * geoshape's outline with every vertex of the boundary file, each coordinate as the projection
 * computes it (up to 16 digits); at the 314 px the first screen is drawn at, most vertices of a
 * province fall within a pixel of the one before. So path numbers are rounded to PATH_DECIMALS
 * places, and within an outline made only of straight lines a vertex closer than MIN_STEP_PX to
 * the last one kept is left out (the first and last of each outline stay, so every ring still
 * closes where it did). An outline strays by at most a pixel, on a drawing the live view replaces
 * within a second; the map's drawing goes from 120 KB (37 KB gzip) with rounding alone to 50 KB
 * (16 KB gzip). Whole pixels would save a little more but make the heatmap's cells uneven.
 */

/** Decimal places kept in path data: a tenth of a pixel. */
export const PATH_DECIMALS = 1;

/** Vertices closer than this (px) to the last one kept are left out of a straight-line outline. */
export const MIN_STEP_PX = 1;

const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;
const PATH_DATA = / d="([^"]*)"/g;
/** Path data of absolute moves, lines and closes only: what a geoshape is drawn with. */
const LINES_ONLY = /^[MLZ\d.,eE\s-]*$/;
const SEGMENT = /([MLZ])([^MLZ]*)/g;

const scale = 10 ** PATH_DECIMALS;

/** `value` rounded to PATH_DECIMALS places, written as short as it reads ("12", "-0.5"). */
function rounded(value: number): string {
  const out = String(Math.round(value * scale) / scale);
  return out === '-0' ? '0' : out;
}

const roundedText = (text: string) => {
  const n = Number(text);
  return Number.isFinite(n) ? rounded(n) : text;
};

type Point = [number, number];

/** One outline's vertices with those too close to the last kept left out (the last always stays). */
function thinned(points: readonly Point[]): Point[] {
  const kept: Point[] = [];
  points.forEach((p, i) => {
    const last = kept.at(-1);
    const isLast = i === points.length - 1;
    if (!last || isLast || Math.hypot(p[0] - last[0], p[1] - last[1]) >= MIN_STEP_PX) kept.push(p);
  });
  return kept;
}

/** Straight-line path data, thinned and rounded; undefined when it is not of that form. */
function thinnedLines(data: string): string | undefined {
  if (!LINES_ONLY.test(data)) return undefined;
  const rings: { points: Point[]; closed: boolean }[] = [];
  for (const [, command = '', args = ''] of data.matchAll(SEGMENT)) {
    const numbers = (args.match(NUMBER) ?? []).map(Number);
    if (command === 'Z') {
      const ring = rings.at(-1);
      if (!ring || numbers.length > 0) return undefined;
      ring.closed = true;
      continue;
    }
    if (numbers.length !== 2 || numbers.some((n) => !Number.isFinite(n))) return undefined;
    const point: Point = [numbers[0] ?? 0, numbers[1] ?? 0];
    if (command === 'M') rings.push({ points: [point], closed: false });
    else if (rings.length === 0) return undefined;
    else rings.at(-1)?.points.push(point);
  }
  return rings
    .map(
      ({ points, closed }) =>
        thinned(points)
          .map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${rounded(x)},${rounded(y)}`)
          .join('') + (closed ? 'Z' : ''),
    )
    .join('');
}

/** The SVG with its path data (`d` attributes) rounded and its straight outlines thinned. */
export function roundPaths(svg: string): string {
  return svg.replace(
    PATH_DATA,
    (_, data: string) => ` d="${thinnedLines(data) ?? data.replace(NUMBER, roundedText)}"`,
  );
}
