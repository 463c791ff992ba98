/**
 * What a mirror holds, without walking it. syncMirror keeps an index of every object it copied
 * (key, size, ETag) and the summaries backfill keeps one of the files it wrote; together they list
 * the mirror in one read, where walking and `stat`-ing tens of thousands of small files cost the
 * refresh seconds and grew with every month of history. A mirror without an index (fixtures
 * written straight to disk) is walked, as before. A file put by hand into a synced mirror is not
 * listed: the mirror is the bucket's copy, changed only by syncMirror and the backfill.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import {
  journaled,
  listingFingerprint,
  LOCAL_INDEX,
  localStamp,
  MIRROR_INDEX,
  remoteStamp,
} from './mirror-journal.ts';

export { listingFingerprint, LOCAL_INDEX, MIRROR_INDEX } from './mirror-journal.ts';

export const indexSchema = z.record(z.string(), z.object({ size: z.number(), etag: z.string() }));
export type MirrorIndex = z.infer<typeof indexSchema>;

/** Key (relative path with `/`) -> a stamp that changes whenever the file's content may have. */
export type Listing = ReadonlyMap<string, string>;

function readIndexFile(path: string): MirrorIndex | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return indexSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return undefined; // damaged: the caller walks the mirror instead
  }
}

/** The last listing read, by mirror and fingerprint: a refresh asks for several prefixes. */
let lastRead: { mirrorDir: string; fingerprint: string; files: Map<string, string> } | undefined;

function indexedListing(mirrorDir: string): Map<string, string> | undefined {
  const fingerprint = listingFingerprint(mirrorDir);
  if (fingerprint === undefined) return undefined;
  if (lastRead?.mirrorDir === mirrorDir && lastRead.fingerprint === fingerprint) return lastRead.files;
  const remote = readIndexFile(join(mirrorDir, MIRROR_INDEX));
  if (!remote) return undefined;
  const local = readIndexFile(join(mirrorDir, LOCAL_INDEX)) ?? {};
  const files = new Map<string, string>();
  for (const [key, meta] of Object.entries(local)) files.set(key, localStamp(meta));
  for (const [key, meta] of Object.entries(remote)) files.set(key, remoteStamp(meta));
  lastRead = { mirrorDir, fingerprint, files };
  return files;
}

/** The mirror's files under `prefix` from its indexes, or undefined when it has no (usable) index. */
export function indexedFiles(mirrorDir: string, prefix: string): Listing | undefined {
  const files = indexedListing(mirrorDir);
  if (!files) return undefined;
  const found = new Map<string, string>();
  for (const [key, stamp] of files) if (key.startsWith(prefix)) found.set(key, stamp);
  return found;
}

/** Every file under `prefix` by walking, stamped by size, inode and nanosecond mtime. */
export function walkedFiles(mirrorDir: string, prefix: string, stamped = true): Listing {
  const found = new Map<string, string>();
  const dir = join(mirrorDir, prefix);
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const key = `${prefix}${relative(dir, path).split(sep).join('/')}`;
    if (!stamped) {
      found.set(key, '');
      continue;
    }
    const s = statSync(path, { bigint: true });
    found.set(key, `${s.size}:${s.ino}:${s.mtimeNs}`);
  }
  return found;
}

/**
 * The files under `prefix` (a key prefix ending in `/`): from the indexes when there are some.
 * Unstamped, a walk only names the files (empty stamps), for callers that ask what exists.
 */
export function mirrorFiles(mirrorDir: string, prefix: string, stamped = true): Listing {
  return indexedFiles(mirrorDir, prefix) ?? walkedFiles(mirrorDir, prefix, stamped);
}

async function writeIndexFile(path: string, index: MirrorIndex): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(index));
  await rename(temporary, path);
}

/**
 * Records files the backfill wrote into, or removed from, a mirror that has an index. A removed
 * file leaves the mirror's index too, so nothing lists it; should the bucket still hold it, the
 * next sync copies it again and the backfill removes it again.
 */
export async function recordLocalFiles(
  mirrorDir: string,
  written: readonly string[],
  removed: readonly string[],
): Promise<void> {
  if (written.length === 0 && removed.length === 0) return;
  const remotePath = join(mirrorDir, MIRROR_INDEX);
  const remote = readIndexFile(remotePath);
  if (!remote) return; // walked mirrors need no record
  const path = join(mirrorDir, LOCAL_INDEX);
  const local = readIndexFile(path) ?? {};
  const changes = new Map<string, string | null>();
  for (const key of written) {
    const s = statSync(join(mirrorDir, key), { bigint: true });
    const meta = { size: Number(s.size), etag: `${s.ino}:${s.mtimeNs}` };
    local[key] = meta;
    // the listing gives the bucket's stamp for a key both indexes hold
    const known = remote[key];
    changes.set(key, known ? remoteStamp(known) : localStamp(meta));
  }
  for (const key of removed) {
    delete local[key];
    changes.set(key, null);
  }
  await journaled(mirrorDir, changes, async () => {
    if (removed.some((key) => key in remote)) {
      for (const key of removed) delete remote[key];
      await writeIndexFile(remotePath, remote);
    }
    await writeIndexFile(path, local);
  });
}
