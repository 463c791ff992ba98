/**
 * What the last refresh left for the next one (state.json beside the mirror's engine cache): the
 * months it showed and held, where in each site data file every month's rows are (site-segments.ts),
 * each month's accepted uploads, and how to tell which months changed since — the mirror's
 * journal position (mirror-journal.ts) or, in a mirror without an index, a stamp of each month's
 * files. It is stamped with a version of the queries and row contracts: state from other code, a
 * different output folder, a damaged file or none at all means a full refresh.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { changesSince, listingFingerprint } from '../mirror/mirror-journal.ts';
import { mirrorFiles } from '../mirror/mirror-listing.ts';
import { loadNamedQuery } from '../query/named-query.ts';
import { periodOfKey } from '../../core/contracts/layout-parse.ts';
import {
  APPROVALS_PREFIX,
  LAKE_PREFIX,
  LEDGER_COMPACTED_PREFIX,
  LEDGER_PREFIX,
  SUMMARIES_PREFIX,
} from '../../core/contracts/layout.ts';
import { storedSegments, storeSegments } from './stored-segments.ts';

export const STATE_DIR = '.site-state';
const STATE_FILE = 'state.json';
/** Raised by hand when the meaning of the state changes without the queries or contracts changing. */
const STATE_FORMAT = 'site-state/2';

const period = z.string().regex(/^\d{4}-\d{2}$/);

export const stateSchema = z.object({
  version: z.string(),
  outDir: z.string(),
  /** The mirror's index fingerprint when the state was written (undefined: a mirror without one). */
  fingerprint: z.string().nullable(),
  /** Without an index: each month's stamp over its files. */
  monthStamps: z.record(period, z.string()),
  periods: z.array(period),
  /** The months holding any data (the shown months run from the first to the last of them). */
  held: z.array(period),
  /** The police lists' month and whether they were read. */
  police: z.object({ period: period.nullable(), withPolice: z.boolean() }),
  /** Accepted uploads per month: '' the ledger's count, else per current unit (the bundles' meta). */
  accepted: z.record(period, z.record(z.string(), z.number().int())),
  /** Row files' segments, by their path under the output folder (stored compact). */
  segments: storedSegments,
});
export type RefreshState = z.output<typeof stateSchema>;

/** The state as it is stored (state.json, the bucket's copy): what stateSchema reads back. */
export const storedForm = (state: RefreshState): z.input<typeof stateSchema> => ({
  ...state,
  segments: storeSegments(state.segments),
});

/** The key prefixes whose files feed the site data, each file belonging to one month. */
const INPUT_PREFIXES = [
  LAKE_PREFIX,
  SUMMARIES_PREFIX,
  LEDGER_PREFIX,
  LEDGER_COMPACTED_PREFIX,
  APPROVALS_PREFIX,
];

/** The code the state was made by: the refresh's queries and the names of its rows' columns. */
export async function stateVersion(queries: readonly string[], contracts: unknown): Promise<string> {
  const hash = createHash('sha256').update(STATE_FORMAT);
  for (const name of [...queries].sort()) hash.update(`\n${name}\n${(await loadNamedQuery(name)).sql}`);
  hash.update(JSON.stringify(contracts));
  return hash.digest('hex');
}

const statePath = (mirrorDir: string) => join(mirrorDir, STATE_DIR, STATE_FILE);

/**
 * The state this process last wrote or read, by path, with the file's identity then: a warm
 * container's next refresh takes it from memory instead of parsing megabytes of segments again
 * (≈ 15 ms at 6 years). A file replaced since (another process, a new deployment's container
 * sharing nothing) has another inode, size or modification time, and is read from disk.
 */
const lastKnown = new Map<string, { identity: string; state: RefreshState }>();
const identityOf = (s: Stats) => `${s.ino}:${s.size}:${s.mtimeMs}`;

export function readState(mirrorDir: string, outDir: string, version: string): RefreshState | undefined {
  const path = statePath(mirrorDir);
  if (!existsSync(path)) return undefined;
  try {
    const identity = identityOf(statSync(path));
    const known = lastKnown.get(path);
    const state =
      known?.identity === identity ? known.state : stateSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    lastKnown.set(path, { identity, state });
    return state.version === version && state.outDir === resolve(outDir) ? state : undefined;
  } catch {
    return undefined; // damaged: a full refresh writes it anew
  }
}

/** Forgotten before the first file is written, so a run cut off midway leaves no state behind. */
export async function forgetState(mirrorDir: string): Promise<void> {
  lastKnown.delete(statePath(mirrorDir));
  await rm(statePath(mirrorDir), { force: true });
}

export async function writeState(mirrorDir: string, state: RefreshState): Promise<void> {
  const path = statePath(mirrorDir);
  await mkdir(join(mirrorDir, STATE_DIR), { recursive: true });
  await writeFile(`${path}.${process.pid}.tmp`, JSON.stringify(storedForm(state)));
  await rename(`${path}.${process.pid}.tmp`, path);
  lastKnown.set(path, { identity: identityOf(statSync(path)), state });
}

/** Each month's stamp over the keys and stamps of its files (a mirror without an index). */
export function monthStamps(mirrorDir: string): Record<string, string> {
  const lines = new Map<string, string[]>();
  for (const prefix of INPUT_PREFIXES) {
    for (const [key, stamp] of mirrorFiles(mirrorDir, prefix)) {
      const month = periodOfKey(key);
      if (month === null) continue;
      lines.set(month, [...(lines.get(month) ?? []), `${key}\t${stamp}`]);
    }
  }
  const stamps: Record<string, string> = {};
  for (const [month, list] of lines) {
    stamps[month] = createHash('sha256').update(list.sort().join('\n')).digest('hex');
  }
  return stamps;
}

/** What the state needs to see the next change: the journal position, or every month's stamp. */
export function listingMark(mirrorDir: string): Pick<RefreshState, 'fingerprint' | 'monthStamps'> {
  const fingerprint = listingFingerprint(mirrorDir) ?? null;
  return { fingerprint, monthStamps: fingerprint === null ? monthStamps(mirrorDir) : {} };
}

/**
 * The months whose files changed since the state was written, or undefined when that cannot be
 * told (the journal does not reach back to it, a changed file of no month): then refresh in full.
 */
export function changedMonths(mirrorDir: string, state: RefreshState): Set<string> | undefined {
  const fingerprint = listingFingerprint(mirrorDir) ?? null;
  if (state.fingerprint === null || fingerprint === null) {
    if (state.fingerprint !== fingerprint) return undefined;
    const now = monthStamps(mirrorDir);
    const months = new Set([...Object.keys(now), ...Object.keys(state.monthStamps)]);
    return new Set([...months].filter((m) => now[m] !== state.monthStamps[m]));
  }
  const changes = changesSince(mirrorDir, state.fingerprint);
  if (!changes) return undefined;
  const changed = new Set<string>();
  for (const key of changes.keys()) {
    if (!INPUT_PREFIXES.some((prefix) => key.startsWith(prefix))) continue;
    const month = periodOfKey(key);
    if (month === null) return undefined;
    changed.add(month);
  }
  return changed;
}
