/**
 * What changed in a mirror between two states of its indexes. Whoever rewrites an index (syncMirror,
 * the summaries backfill) appends the keys it added, replaced or removed, with the fingerprint of
 * the indexes before and after; a reader that remembers the fingerprint it last caught up with (the
 * engine's file cache, the backfill's check) then follows the chain and handles those keys only,
 * instead of parsing an index of every file and comparing tens of thousands of them after each
 * upload. When the chain does not lead from the reader's fingerprint to the current one (an index
 * rewritten by something else, entries dropped, a first sync), the reader compares in full.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export const MIRROR_INDEX = '.mirror-index.json';
/** Files the backfill wrote into the mirror (not from the bucket): key -> size and a local stamp. */
export const LOCAL_INDEX = '.local-index.json';
export const MIRROR_JOURNAL = '.mirror-journal.json';

/** Entries kept: a reader further behind than this compares in full. */
const KEEP = 64;
/** A change bigger than this (a first sync) is not journaled: comparing in full costs the same. */
const MAX_CHANGES = 5000;

/** A key's stamp as the listing gives it: new whenever the file's content may have changed. */
export const remoteStamp = (meta: { size: number; etag: string }) => `${meta.size}:${meta.etag}`;
export const localStamp = (meta: { size: number; etag: string }) => `local:${meta.size}:${meta.etag}`;

/** Key -> its stamp now, or null when it left the mirror. */
export type MirrorChanges = ReadonlyMap<string, string | null>;

const journalSchema = z.array(
  z.object({
    before: z.string(),
    after: z.string(),
    changes: z.record(z.string(), z.string().nullable()),
  }),
);
type Journal = z.infer<typeof journalSchema>;

/** Changes whenever either index is rewritten (both are replaced by rename). */
export function listingFingerprint(mirrorDir: string): string | undefined {
  const stamps = [MIRROR_INDEX, LOCAL_INDEX].map((name) => {
    const path = join(mirrorDir, name);
    if (!existsSync(path)) return '-';
    const s = statSync(path, { bigint: true });
    return `${s.size}:${s.ino}:${s.mtimeNs}`;
  });
  return stamps[0] === '-' ? undefined : stamps.join('|');
}

function readJournal(mirrorDir: string): Journal {
  const path = join(mirrorDir, MIRROR_JOURNAL);
  if (!existsSync(path)) return [];
  try {
    return journalSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return []; // damaged: every reader compares in full once
  }
}

async function writeJournal(mirrorDir: string, journal: Journal): Promise<void> {
  const path = join(mirrorDir, MIRROR_JOURNAL);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(journal));
  await rename(temporary, path);
}

/**
 * Runs `rewrite` (which replaces one or both indexes) and journals `changes` as what it did. A
 * change too big to be worth following, or one made to a mirror without an index before, empties
 * the journal, so no reader follows a chain across it.
 */
export async function journaled(
  mirrorDir: string,
  changes: MirrorChanges,
  rewrite: () => Promise<void>,
): Promise<void> {
  const before = listingFingerprint(mirrorDir);
  await rewrite();
  const after = listingFingerprint(mirrorDir);
  if (before === undefined || after === undefined || changes.size > MAX_CHANGES) {
    if (existsSync(join(mirrorDir, MIRROR_JOURNAL))) await writeJournal(mirrorDir, []);
    return;
  }
  const entry = { before, after, changes: Object.fromEntries(changes) };
  await writeJournal(mirrorDir, [...readJournal(mirrorDir), entry].slice(-KEEP));
}

/**
 * The keys changed since the indexes had fingerprint `from` (the last that is true of each key),
 * or undefined when the journal cannot say: the caller then compares the whole listing.
 */
export function changesSince(mirrorDir: string, from: string | undefined): MirrorChanges | undefined {
  const current = listingFingerprint(mirrorDir);
  if (from === undefined || current === undefined) return undefined;
  const changes = new Map<string, string | null>();
  if (from === current) return changes;
  const journal = readJournal(mirrorDir);
  let at = from;
  for (let i = journal.findIndex((e) => e.before === at); i >= 0 && i < journal.length; i++) {
    const entry = journal[i];
    if (entry === undefined || entry.before !== at) return undefined;
    for (const [key, stamp] of Object.entries(entry.changes)) changes.set(key, stamp);
    at = entry.after;
    if (at === current) return changes;
  }
  return undefined;
}
