/**
 * The refresh state kept in the lake bucket (REFRESH_STATE_KEY) after each refresh that published,
 * so a new container (no /tmp mirror, no state, no site folder) can recompute only the months that
 * changed instead of copying six years of the lake. Beside the state a by-month refresh needs
 * (refresh-state.ts) it records each month's inputs as the lake listing gives them (a stamp over
 * the keys, sizes and ETags of its objects: the changed months are found without a GET) and the
 * SHA-256 of the published manifest it goes with. It is written after the manifest, so a refresh
 * that failed after publishing leaves a state naming another manifest, which is then not trusted.
 * The object is read as untrusted input: anything but a well-formed state of this code means a
 * full refresh.
 */
import { createHash } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { REFRESH_STATE_KEY, TARGETS_PREFIX } from '../../core/contracts/layout.ts';
import { periodOfKey } from '../../core/contracts/layout-parse.ts';
import { StorageError } from '../../core/errors.ts';
import { remoteStamp } from '../mirror/mirror-journal.ts';
import type { ListedObject } from '../mirror/mirror.ts';
import { stateSchema, storedForm } from './refresh-state.ts';

/** Raised by hand when the meaning of the stored state changes without its schema changing. */
const STORED_FORMAT = 'stored-site-state/2';
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const storedStateSchema = z.object({
  format: z.literal(STORED_FORMAT),
  /** The code that wrote it (refreshVersion in refresh.ts). */
  version: z.string(),
  /** SHA-256 of the bytes of data/.published.json the state describes. */
  manifest: sha256,
  /** Each month's stamp over its lake objects as listed (monthInputs). */
  inputs: z.record(z.string().regex(/^\d{4}-\d{2}$/), sha256),
  state: stateSchema,
});
export type StoredState = z.output<typeof storedStateSchema>;
export type StoredStateFields = Omit<StoredState, 'format'>;

export type StoredStateRead = { ok: true; stored: StoredState } | { ok: false; reason: string };

/** The state in the bucket, if it is one this code wrote; else why not. Never throws. */
export async function readStoredState(
  s3: S3Client,
  bucket: string,
  version: string,
): Promise<StoredStateRead> {
  let text: string;
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: REFRESH_STATE_KEY }));
    text = (await object.Body?.transformToString()) ?? '';
  } catch (error) {
    const missing = (error as { name?: unknown }).name === 'NoSuchKey';
    return { ok: false, reason: missing ? 'no stored state' : `stored state unreadable: ${String(error)}` };
  }
  let parsed;
  try {
    parsed = storedStateSchema.safeParse(JSON.parse(text));
  } catch {
    return { ok: false, reason: 'stored state is not JSON' };
  }
  if (!parsed.success) return { ok: false, reason: 'stored state is damaged' };
  if (parsed.data.version !== version) return { ok: false, reason: 'stored state of other code' };
  return { ok: true, stored: parsed.data };
}

export async function writeStoredState(
  s3: S3Client,
  bucket: string,
  fields: StoredStateFields,
): Promise<void> {
  const stored: StoredState = { format: STORED_FORMAT, ...fields };
  try {
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: REFRESH_STATE_KEY,
        Body: JSON.stringify({ ...stored, state: storedForm(stored.state) }),
        ContentType: 'application/json',
      }),
    );
  } catch (error) {
    throw new StorageError(`cannot keep the refresh state in s3://${bucket}/${REFRESH_STATE_KEY}`, {
      cause: error,
    });
  }
}

/**
 * Each month's stamp over the keys, sizes and ETags of its objects; undefined when an object
 * belongs to no month (then the changed months cannot be told: refresh in full).
 */
export function monthInputs(listing: ReadonlyMap<string, ListedObject>): Record<string, string> | undefined {
  const lines = new Map<string, string[]>();
  for (const [key, meta] of listing) {
    // The national targets are in the state's version (refreshVersionOf), not in any month's.
    if (key.startsWith(TARGETS_PREFIX)) continue;
    const month = periodOfKey(key);
    if (month === null) return undefined;
    const list = lines.get(month) ?? [];
    if (list.length === 0) lines.set(month, list);
    list.push(`${key}\t${remoteStamp(meta)}`);
  }
  const stamps: Record<string, string> = {};
  for (const [month, list] of [...lines].sort(([a], [b]) => (a < b ? -1 : 1))) {
    stamps[month] = createHash('sha256').update(list.sort().join('\n')).digest('hex');
  }
  return stamps;
}

/** The months whose stamp differs between two sets of inputs (added, changed or gone). */
export function changedInputs(
  before: Readonly<Record<string, string>>,
  now: Readonly<Record<string, string>>,
): Set<string> {
  const months = new Set([...Object.keys(before), ...Object.keys(now)]);
  return new Set([...months].filter((m) => before[m] !== now[m]));
}
