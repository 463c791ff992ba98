/**
 * The container's note of the manifest its site folder matched when it last published it
 * (SHA-256 of data/.published.json's bytes), kept beside the folder in /tmp. It vouches that
 * every local file the next refresh does not rewrite holds the bytes that manifest names, so
 * publishing need not hash them (publish-site-data.ts) and a by-month refresh need not fetch
 * them (refresh-cold-start.ts). It is taken (read and removed) before the refresh writes a file
 * and put back only after the last PUT, so a run cut off midway leaves no note behind.
 */
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeAtomically } from '../mirror/mirror.ts';

const RECORD_FILE = 'site-published.json';
const recordSchema = z.object({ manifest: z.string().regex(/^[0-9a-f]{64}$/) });

/** The note, removed from the folder; undefined when there was none (or a damaged one). */
export async function takePublishedRecord(tmpDir: string): Promise<string | undefined> {
  const path = join(tmpDir, RECORD_FILE);
  if (!existsSync(path)) return undefined;
  let manifest: string | undefined;
  try {
    const parsed = recordSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    manifest = parsed.success ? parsed.data.manifest : undefined;
  } catch {
    manifest = undefined;
  }
  await rm(path, { force: true });
  return manifest;
}

export async function keepPublishedRecord(tmpDir: string, manifest: string | undefined): Promise<void> {
  if (manifest === undefined) return;
  await writeAtomically(join(tmpDir, RECORD_FILE), JSON.stringify({ manifest }));
}
