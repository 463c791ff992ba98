/**
 * A site data file of rows (`[row,row,…]`, the bytes JSON.stringify gives) seen as segments: the
 * runs of rows of one month and one leading key, in the file's order. Every such file is ordered
 * by (leading key, month, …) — the month first for most, the dataset or the province before it for
 * completeness, approvals and reports — so a refresh that recomputed some months can rebuild a
 * file from the bytes of the other months' segments, as written last time, and the rows of the
 * months it recomputed, without parsing or re-serialising the rest. Nothing here knows a column
 * but the month and the leading key, so columns added to a row change nothing.
 */
/** [leading key ('' for month-first files), month, first byte, end byte] of the file's bytes. */
export type Segment = [string, string, number, number];

/** The size of the file the segments were cut from: `[`, the segments with commas between, `]`. */
export const segmentedSize = (segments: readonly Segment[]): number => (segments.at(-1)?.[3] ?? 1) + 1;

/** A run of rows' JSON of one leading key and month, in the file's order. */
export interface RowGroup {
  lead: string;
  period: string;
  json: readonly string[];
}

/** The rows of a table grouped into runs, or undefined when they are not ordered by (lead, month). */
export function groupRows(
  rows: readonly { period: string }[],
  json: readonly string[],
  leadOf: (row: { period: string }) => string,
): RowGroup[] | undefined {
  const groups: RowGroup[] = [];
  let current: { lead: string; period: string; json: string[] } | undefined;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const text = json[i];
    if (row === undefined || text === undefined) return undefined;
    const lead = leadOf(row);
    if (current && current.lead === lead && current.period === row.period) {
      current.json.push(text);
      continue;
    }
    if (current && compareKeys([lead, row.period], [current.lead, current.period]) <= 0) return undefined;
    current = { lead, period: row.period, json: [text] };
    groups.push(current);
  }
  return groups;
}

/** Leading keys and months are codes, names and YYYY-MM: plain code-unit order, as SQL's ORDER BY. */
function compareKeys(a: readonly [string, string], b: readonly [string, string]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}

/** A piece of the file to be: bytes kept from the last file, or rows written anew. */
type Part = { lead: string; period: string } & ({ kept: Buffer } | { json: readonly string[] });

/** The file's bytes and segments from its parts, in (lead, month) order. */
function build(parts: Part[]): { bytes: Buffer; segments: Segment[] } {
  parts.sort((a, b) => compareKeys([a.lead, a.period], [b.lead, b.period]));
  const chunks: Buffer[] = [Buffer.from('[')];
  const segments: Segment[] = [];
  let at = 1;
  for (const part of parts) {
    const body = 'kept' in part ? part.kept : Buffer.from(part.json.join(','));
    if (body.length === 0) continue;
    if (segments.length > 0) {
      chunks.push(Buffer.from(','));
      at += 1;
    }
    chunks.push(body);
    segments.push([part.lead, part.period, at, at + body.length]);
    at += body.length;
  }
  chunks.push(Buffer.from(']'));
  return { bytes: Buffer.concat(chunks), segments };
}

/** A whole file from its groups (already in order): the bytes JSON.stringify(rows) gives. */
export function wholeFile(groups: readonly RowGroup[]): { bytes: Buffer; segments: Segment[] } {
  return build(groups.map((g) => ({ lead: g.lead, period: g.period, json: g.json })));
}

/**
 * The file rebuilt: the last file's segments of months not in `redone` kept as they were, the
 * groups of the months redone in their place (a month redone with no rows leaves none).
 */
export function splicedFile(
  last: { bytes: Buffer; segments: readonly Segment[] },
  redone: ReadonlySet<string>,
  groups: readonly RowGroup[],
): { bytes: Buffer; segments: Segment[] } {
  const parts: Part[] = [];
  for (const [lead, period, start, end] of last.segments) {
    if (!redone.has(period)) parts.push({ lead, period, kept: last.bytes.subarray(start, end) });
  }
  for (const g of groups) {
    if (!redone.has(g.period)) throw new RangeError(`rows of ${g.period} given for a month not redone`);
    parts.push({ lead: g.lead, period: g.period, json: g.json });
  }
  return build(parts);
}

/** Each segment list's positions by month, made once a list: a file left as it was keeps its list. */
const positions = new WeakMap<readonly Segment[], Map<string, number[]>>();

/**
 * The segments whose month `keep` keeps, in the file's order: a refresh asks for a few months of
 * files that hold every month, so it looks up the months, not every segment.
 */
export function segmentsIn(segments: readonly Segment[], keep: (period: string) => boolean): Segment[] {
  let byMonth = positions.get(segments);
  if (!byMonth) {
    byMonth = new Map();
    for (let i = 0; i < segments.length; i++) {
      const period = (segments[i] as Segment)[1];
      const list = byMonth.get(period);
      if (list) list.push(i);
      else byMonth.set(period, [i]);
    }
    positions.set(segments, byMonth);
  }
  const kept: number[] = [];
  for (const [period, list] of byMonth) if (keep(period)) for (const i of list) kept.push(i);
  return kept.sort((a, b) => a - b).map((i) => segments[i] as Segment);
}
