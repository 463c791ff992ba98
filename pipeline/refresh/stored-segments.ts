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
  const first = segments.reduce<string | null>((min, [, p]) => (min === null || p < min ? p : min), null);
  const base = first === null ? 0 : monthNumber(first);
  const leads: [string, number][] = [];
  const months: number[] = [];
  const lengths: number[] = [];
  let next = 1;
  for (const [lead, period, start, end] of segments) {
    // Only the lengths are kept: a file of gaps between its segments would not read back.
    if (start !== next) throw new Error(`segments not contiguous at byte ${start}`);
    next = end + 1;
    const run = leads.at(-1);
    if (run && run[0] === lead) run[1]++;
    else leads.push([lead, 1]);
    months.push(monthNumber(period) - base);
    lengths.push(end - start);
  }
  return { from: first, leads, months, lengths };
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

/** Row files' segments by path: stored compact, read back as the segments the writer keeps. */
export const storedSegments = z.codec(
  z.record(z.string(), storedFile),
  z.custom<Record<string, Segment[]>>(),
  {
    decode(stored, ctx) {
      const segments: Record<string, Segment[]> = {};
      for (const [file, kept] of Object.entries(stored)) {
        const restored = restore(kept);
        if (!restored) {
          ctx.issues.push({ code: 'custom', message: `segments of ${file} do not add up`, input: kept });
          return z.NEVER;
        }
        segments[file] = restored;
      }
      return segments;
    },
    encode: (segments) => Object.fromEntries(Object.entries(segments).map(([file, s]) => [file, store(s)])),
  },
);
