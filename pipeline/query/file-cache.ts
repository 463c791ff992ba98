/**
 * The engine's relations over many small mirror files, kept in a DuckDB file inside the mirror and
 * brought up to date file by file. Opening a DuckDB file on every small Parquet or JSON object cost
 * the refresh a few milliseconds each, and their number grows every month; with the cache a run
 * reads only the files added or changed since the last one, so its cost follows what changed, not
 * the years of history. A file is known by its path and a stamp: size and ETag from the mirror's
 * index (mirror-listing.ts), or, in a mirror without one, size, inode and nanosecond mtime (the
 * mirror replaces files by rename, which changes at least the inode). When neither index was
 * rewritten since the last update, nothing is listed or compared at all; when the mirror's journal
 * (mirror-journal.ts) names what changed since, only those files are dropped and read again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { changesSince, type MirrorChanges } from '../mirror/mirror-journal.ts';
import { listingFingerprint, mirrorFiles } from '../mirror/mirror-listing.ts';
import { quoteIdentifier, quoteLiteral, type FileSource } from './views.ts';
import { visibleRowsSql, type HeldShape } from './compacted-views.ts';

export interface CachedRelation {
  /** The table's name in the `vss` schema. */
  name: string;
  /** Where its files are, and which of the paths under it (relative, with `/`) it reads. */
  dir: string;
  matches: RegExp;
  /** The SELECT over a list of files, with each row's `filename`. */
  select: (source: FileSource) => string;
  /** Set when its files may be compacted objects too: which of their rows count (compacted-views.ts). */
  held?: HeldShape;
}

export const CACHE_DIR = '.engine-cache';
/** Files per read: one DuckDB statement over thousands of paths is fast, a very long one is not. */
const BATCH = 2000;

/** The mirror key prefix ("lake/coverage/") of a relation's folder. */
const prefixOf = (mirrorDir: string, relation: CachedRelation) =>
  `${relative(mirrorDir, relation.dir).split(sep).join('/')}/`;

/** The relation's files (absolute path -> stamp), from the mirror's index when it has one. */
function filesOf(mirrorDir: string, relation: CachedRelation): Map<string, string> {
  const prefix = prefixOf(mirrorDir, relation);
  const found = new Map<string, string>();
  for (const [key, stamp] of mirrorFiles(mirrorDir, prefix)) {
    if (relation.matches.test(key.slice(prefix.length))) found.set(join(mirrorDir, key), stamp);
  }
  return found;
}

const list = (paths: readonly string[]) => paths.map(quoteLiteral).join(', ');

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type Differences = { gone: string[]; fresh: Map<string, string> };

/** Compares the whole listing with the cache, inside DuckDB: only the differences come back. */
async function compareAll(
  connection: DuckDBConnection,
  mirrorDir: string,
  relation: CachedRelation,
): Promise<Differences> {
  const current = filesOf(mirrorDir, relation);
  await connection.run('CREATE OR REPLACE TEMP TABLE listing (path VARCHAR, stamp VARCHAR)');
  const appender = await connection.createAppender('listing', 'main', 'temp');
  for (const [path, stamp] of current) {
    appender.appendVarchar(path);
    appender.appendVarchar(stamp);
    appender.endRow();
  }
  appender.closeSync();
  const known = `(SELECT path, stamp FROM cache.files WHERE relation = ${quoteLiteral(relation.name)})`;
  const differ = async (sql: string) =>
    (await connection.runAndReadAll(sql)).getRowsJS().map(([path]) => String(path));
  const gone = await differ(
    `SELECT k.path FROM ${known} k ANTI JOIN temp.listing c ON c.path = k.path AND c.stamp = k.stamp`,
  );
  const fresh = await differ(
    `SELECT c.path FROM temp.listing c ANTI JOIN ${known} k ON c.path = k.path AND c.stamp = k.stamp`,
  );
  return { gone, fresh: new Map(fresh.map((p) => [p, current.get(p) ?? ''])) };
}

/** The differences the mirror's journal names: every changed key is dropped, then read again. */
async function journalDifferences(
  connection: DuckDBConnection,
  mirrorDir: string,
  relation: CachedRelation,
  changes: MirrorChanges,
): Promise<Differences> {
  const prefix = prefixOf(mirrorDir, relation);
  const fresh = new Map<string, string>();
  const changed: string[] = [];
  for (const [key, stamp] of changes) {
    if (!key.startsWith(prefix) || !relation.matches.test(key.slice(prefix.length))) continue;
    changed.push(join(mirrorDir, key));
    if (stamp !== null) fresh.set(join(mirrorDir, key), stamp);
  }
  const gone: string[] = [];
  for (const batch of chunks(changed, BATCH)) {
    const reader = await connection.runAndReadAll(
      `SELECT path FROM cache.files WHERE relation = ${quoteLiteral(relation.name)} AND path IN (${list(batch)})`,
    );
    gone.push(...reader.getRowsJS().map(([path]) => String(path)));
  }
  return { gone, fresh };
}

/** Brings one cached table up to date with its files; returns how many files it read. */
async function update(
  connection: DuckDBConnection,
  relation: CachedRelation,
  { gone, fresh }: Differences,
): Promise<number> {
  const table = `cache.${quoteIdentifier(relation.name)}`;
  for (const batch of chunks(gone, BATCH)) {
    await connection.run(`DELETE FROM ${table} WHERE filename IN (${list(batch)})`);
    await connection.run(
      `DELETE FROM cache.files WHERE relation = ${quoteLiteral(relation.name)} AND path IN (${list(batch)})`,
    );
  }
  for (const batch of chunks([...fresh.keys()], BATCH)) {
    const select = relation.select({ files: batch, filename: true });
    await connection.run(`CREATE TABLE IF NOT EXISTS ${table} AS ${select} LIMIT 0`);
    await connection.run(`INSERT INTO ${table} ${select}`);
    const rows = batch.map(
      (p) => `(${quoteLiteral(relation.name)}, ${quoteLiteral(p)}, ${quoteLiteral(fresh.get(p) ?? '')})`,
    );
    await connection.run(`INSERT INTO cache.files VALUES ${rows.join(', ')}`);
  }
  return fresh.size;
}

/** One cache file per shape of the relations: a changed column list starts a new cache. */
function cacheName(mirrorDir: string, relations: readonly CachedRelation[]): string {
  const shape = relations.map((r) => `${r.name}:${r.select({ files: ['f'], filename: true })}`);
  const hash = createHash('sha256').update(shape.join('\n').replaceAll(mirrorDir, '')).digest('hex');
  return `${hash.slice(0, 16)}.duckdb`;
}

function cacheFile(mirrorDir: string, relations: readonly CachedRelation[]): string {
  const dir = join(mirrorDir, CACHE_DIR);
  mkdirSync(dir, { recursive: true });
  const file = cacheName(mirrorDir, relations);
  for (const old of readdirSync(dir)) if (!old.startsWith(file)) rmSync(join(dir, old), { force: true });
  return join(dir, file);
}

/** Whether the mirror holds a cache of these relations (a new container's does not). */
export function cacheExists(mirrorDir: string, relations: readonly CachedRelation[]): boolean {
  return existsSync(join(mirrorDir, CACHE_DIR, cacheName(mirrorDir, relations)));
}

/** What an update looked at: nothing (no index rewritten), the journal's keys, or every file. */
export type Compared = 'nothing' | 'journal' | 'listing';

/**
 * Creates `vss.<name>` as an in-memory table for every relation that has files, from the cache
 * brought up to date first. Returns the names it created, or undefined when the cache cannot be
 * used (another process holds it, a read-only mirror): the caller then reads the files as before.
 */
export async function loadThroughCache(
  connection: DuckDBConnection,
  mirrorDir: string,
  relations: readonly CachedRelation[],
  /** Copy only these months' rows into memory (the cache itself stays whole). */
  months?: readonly string[],
): Promise<{ created: string[]; filesRead: number; compared: Compared } | undefined> {
  let path: string;
  try {
    path = cacheFile(mirrorDir, relations);
    await connection.run(`ATTACH ${quoteLiteral(path)} AS cache`);
  } catch {
    return undefined;
  }
  const created: string[] = [];
  let filesRead = 0;
  let compared: Compared = 'nothing';
  try {
    await connection.run('BEGIN TRANSACTION');
    await connection.run(
      'CREATE TABLE IF NOT EXISTS cache.files (relation VARCHAR, path VARCHAR, stamp VARCHAR)',
    );
    await connection.run('CREATE TABLE IF NOT EXISTS cache.listing (fingerprint VARCHAR)');
    // Neither index rewritten since the last update: the cache holds the mirror as it is. Else the
    // journal names what changed since, or, when it cannot, the whole listing is compared.
    const fingerprint = listingFingerprint(mirrorDir);
    const stored = (await connection.runAndReadAll('SELECT fingerprint FROM cache.listing')).getRowsJS();
    const storedFingerprint = stored[0]?.[0];
    const unchanged = fingerprint !== undefined && storedFingerprint === fingerprint;
    if (!unchanged) {
      const changes = changesSince(
        mirrorDir,
        typeof storedFingerprint === 'string' ? storedFingerprint : undefined,
      );
      compared = changes ? 'journal' : 'listing';
      for (const relation of relations) {
        const differences = changes
          ? await journalDifferences(connection, mirrorDir, relation, changes)
          : await compareAll(connection, mirrorDir, relation);
        filesRead += await update(connection, relation, differences);
      }
      await connection.run('DELETE FROM cache.listing');
      if (fingerprint)
        await connection.run(`INSERT INTO cache.listing VALUES (${quoteLiteral(fingerprint)})`);
    }
    await connection.run('COMMIT');
    const tables = await connection.runAndReadAll(
      "SELECT table_name FROM duckdb_tables() WHERE database_name = 'cache' AND table_name <> 'files'",
    );
    const present = new Set(tables.getRowsJS().map(([name]) => String(name)));
    for (const relation of relations) {
      if (!present.has(relation.name)) continue;
      const name = quoteIdentifier(relation.name);
      // Copied into memory, so the cache file is released at once for the next run.
      await connection.run(`DROP VIEW IF EXISTS vss.${name}`);
      const inMonths = months ? `period IN (${months.map(quoteLiteral).join(', ') || 'NULL'})` : 'true';
      const paths = `SELECT path AS file FROM cache.files WHERE relation = ${quoteLiteral(relation.name)}`;
      const rows = relation.held
        ? visibleRowsSql(relation.held, `cache.${name}`, paths, inMonths)
        : `SELECT * EXCLUDE (filename) FROM cache.${name} WHERE ${inMonths}`;
      await connection.run(`CREATE TABLE vss.${name} AS ${rows}`);
      created.push(relation.name);
    }
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await connection.run('DETACH cache').catch(() => undefined);
  }
  return { created, filesRead, compared };
}
