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

export const MIRROR_INDEX = '.mirror-index.json';
/** Files the backfill wrote into the mirror (not from the bucket): key -> size and a local stamp. */
export const LOCAL_INDEX = '.local-index.json';

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
  for (const [key, meta] of Object.entries(local)) files.set(key, `local:${meta.size}:${meta.etag}`);
  for (const [key, meta] of Object.entries(remote)) files.set(key, `${meta.size}:${meta.etag}`);
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
  const remotePath = join(mirrorDir, MIRROR_INDEX);
  const remote = readIndexFile(remotePath);
  if (!remote) return; // walked mirrors need no record
  if (written.length === 0 && removed.length === 0) return;
  const path = join(mirrorDir, LOCAL_INDEX);
  const local = readIndexFile(path) ?? {};
  for (const key of written) {
    const s = statSync(join(mirrorDir, key), { bigint: true });
    local[key] = { size: Number(s.size), etag: `${s.ino}:${s.mtimeNs}` };
  }
  for (const key of removed) delete local[key];
  if (removed.some((key) => key in remote)) {
    for (const key of removed) delete remote[key];
    await writeIndexFile(remotePath, remote);
  }
  await writeIndexFile(path, local);
}
