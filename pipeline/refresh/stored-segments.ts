/**
 * How the state stores each row file's segments (site-segments.ts): 50,000 of them at six years,
 * `[lead, month, start, end]` each, were 1.6 MB of JSON written after every refresh (≈ 10 ms) and
 * parsed by every new process (≈ 25 ms). Stored, a file's segments are the runs of their leading
 * key, their months counted from the file's first and their byte lengths: a segment starts a comma
 * after the one before it, the first after the `[`, so the offsets follow from the lengths.
 */
import { z } from 'zod';
import type { Segment } from './site-segments.ts';

/** Whole numbers ≥ 0, checked by hand: zod takes milliseconds over 10^5 elements. */
const counts = z.custom<number[]>(
  (value) => Array.isArray(value) && value.every((n) => Number.isInteger(n) && (n as number) >= 0),
);

const storedFile = z.object({
  /** The month the `months` count from; null for a file of no rows. */
  from: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .nullable(),
  /** [leading key, how many segments in a row have it]. */
  leads: z.array(z.tuple([z.string(), z.number().int().nonnegative()])),
  months: counts,
  lengths: counts,
});
type StoredFile = z.infer<typeof storedFile>;

const monthNumber = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
const monthText = (n: number) => `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;

function store(segments: readonly Segment[]): StoredFile {
  // A file has a few dozen distinct months among thousands of segments: each is read once.
  const numbers = new Map<string, number>();
  let base = Infinity;
  for (const segment of segments) {
    if (numbers.has(segment[1])) continue;
    const n = monthNumber(segment[1]);
    numbers.set(segment[1], n);
    if (n < base) base = n;
  }
  const leads: [string, number][] = [];
  const months: number[] = [];
  const lengths: number[] = [];
  let run: [string, number] | undefined;
  let next = 1;
  for (const [lead, period, start, end] of segments) {
    // Only the lengths are kept: a file of gaps between its segments would not read back.
    if (start !== next) throw new Error(`segments not contiguous at byte ${start}`);
    next = end + 1;
    if (run?.[0] === lead) run[1]++;
    else leads.push((run = [lead, 1]));
    months.push((numbers.get(period) as number) - base);
    lengths.push(end - start);
  }
  return { from: base === Infinity ? null : monthText(base), leads, months, lengths };
}

/** The segments again, or undefined when the runs do not count as many as there are lengths. */
function restore({ from, leads, months, lengths }: StoredFile): Segment[] | undefined {
  if (months.length !== lengths.length) return undefined;
  if (leads.reduce((sum, [, count]) => sum + count, 0) !== lengths.length) return undefined;
  const base = from === null ? 0 : monthNumber(from);
  const texts = new Map<number, string>();
  const segments: Segment[] = [];
  let start = 1;
  let i = 0;
  for (const [lead, count] of leads) {
    for (let k = 0; k < count; k++, i++) {
      const month = base + (months[i] as number);
      let period = texts.get(month);
      if (period === undefined) texts.set(month, (period = monthText(month)));
      const end = start + (lengths[i] as number);
      segments.push([lead, period, start, end]);
      start = end + 1;
    }
  }
  return segments;
}

/** Each file's stored form by its segments: a file a refresh left as it was keeps its array. */
const stored = new WeakMap<readonly Segment[], StoredFile>();

function storedOnce(segments: readonly Segment[]): StoredFile {
  let form = stored.get(segments);
  if (!form) stored.set(segments, (form = store(segments)));
  return form;
}

/** Row files' segments by path as stored, for JSON.stringify. */
export const storeSegments = (segments: Readonly<Record<string, readonly Segment[]>>) =>
  Object.fromEntries(Object.entries(segments).map(([file, s]) => [file, storedOnce(s)]));

/**
 * Row files' segments by path, read from their stored form. (Written by storeSegments, not
 * z.encode: a schema's encoding checks the whole state first, which cost more than it saved.)
 */
export const storedSegments = z.record(z.string(), storedFile).transform((files, ctx) => {
  const segments: Record<string, readonly Segment[]> = {};
  for (const [file, kept] of Object.entries(files)) {
    const restored = restore(kept);
    if (!restored) {
      ctx.issues.push({ code: 'custom', message: `segments of ${file} do not add up`, input: kept });
      return z.NEVER;
    }
    stored.set(restored, kept); // what it was read from is its stored form already
    segments[file] = restored;
  }
  return segments;
});
