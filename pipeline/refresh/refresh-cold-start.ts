/**
 * What a container needs for a refresh by month when it holds nothing of the last one: the state
 * kept in the lake bucket (stored-state.ts), the lake listed (no GET) to find the months whose
 * objects changed since, those months' objects alone fetched into a folder of their own (the
 * by-month path reads no other month from the mirror: the kept months' rows come from the site
 * files), and the site files it splices fetched from the site bucket, each checked against the
 * published manifest. Any doubt answers `ok: false` with the reason, and the caller refreshes in
 * full; the site keys found with other bytes than the manifest claims are named for re-sending.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { periodOfKey } from '../../core/contracts/layout-parse.ts';
import { TARGETS_PREFIX } from '../../core/contracts/layout.ts';
import { PROVINCE_FILES, provinceBundleDir } from '../../core/contracts/site-data.ts';
import { StorageError } from '../../core/errors.ts';
import { inPool, localPath, writeAtomically, type ListedObject } from '../mirror/mirror.ts';
import { readManifest, SITE_DATA_PREFIX, type Manifest } from './publish-site-data.ts';
import { debtMonthPrefix } from './refresh-bundles.ts';
import { listRefreshInputs } from './refresh-inputs.ts';
import type { RefreshState } from './refresh-state.ts';
import { changedInputs, monthInputs, readStoredState } from './stored-state.ts';

/** The folder of the changed months' objects, under the container's /tmp; emptied at each start. */
export const CHANGED_MONTHS_DIR = 'changed-months';
const CONCURRENCY = 16;

export interface ColdStartDeps {
  s3: S3Client;
  lakeBucket: string;
  siteBucket: string;
  tmpDir: string;
  /** The site folder, kept between warm invocations. */
  outDir: string;
  version: string;
  /** SHA-256 of the manifest the site folder matched when this container last published it. */
  publishedRecord: string | undefined;
}

export type ColdStart =
  | {
      ok: true;
      mirrorDir: string;
      state: RefreshState;
      changed: Set<string>;
      /** This listing's per-month inputs: the next stored state's. */
      inputs: Record<string, string>;
      /** SHA-256 of the manifest the site folder now matches. */
      manifest: string;
      /** Lake objects fetched, and those listed but not fetched. */
      downloaded: number;
      unchanged: number;
      siteFetched: number;
    }
  | { ok: false; reason: string; resend: string[] };

const doubt = (reason: string, resend: string[] = []): ColdStart => ({ ok: false, reason, resend });

export async function coldStart(deps: ColdStartDeps): Promise<ColdStart> {
  const read = await readStoredState(deps.s3, deps.lakeBucket, deps.version);
  if (!read.ok) return doubt(read.reason);
  const { stored } = read;
  const published = await readManifest(deps.s3, deps.siteBucket);
  if (published.sha256 !== stored.manifest) return doubt('the published manifest is not the stored state’s');
  const listed = await listRefreshInputs(deps.s3, deps.lakeBucket);
  const inputs = monthInputs(listed.objects);
  if (!inputs) return doubt('a lake object of no month');
  const changed = changedInputs(stored.inputs, inputs);
  const inChanged = (key: string) => changed.has(periodOfKey(key) ?? '');
  // The national targets belong to no month: always fetched, as the state's version vouches for them.
  const wanted = [...listed.objects].filter(([key]) => inChanged(key) || key.startsWith(TARGETS_PREFIX));
  const mirrorDir = join(deps.tmpDir, CHANGED_MONTHS_DIR);
  await rm(mirrorDir, { recursive: true, force: true });
  const { debtMonth } = listed;
  if (debtMonth !== undefined && !changed.has(debtMonth)) {
    const prefix = debtMonthPrefix(debtMonth);
    const debt = [...listed.objects].filter(([key]) => key.startsWith(prefix));
    // The by-month path reads that month's debt detail only if the police lists' month moved;
    // otherwise it needs to know the month holds some (latestDebtDetailPeriod), not the rows.
    if (debtMonth !== stored.state.police.period) wanted.push(...debt);
    else if (debt.length > 0) await mkdir(localPath(mirrorDir, prefix), { recursive: true });
  }
  await fetchLakeObjects(deps, mirrorDir, wanted);
  let siteFetched = 0;
  if (deps.publishedRecord !== stored.manifest || !existsSync(deps.outDir)) {
    await rm(deps.outDir, { recursive: true, force: true });
    const keys = spliced(stored.state, published.entries);
    if (typeof keys === 'string') return doubt(keys);
    const mismatched = await fetchSiteFiles(deps, keys, published.entries);
    if (mismatched.length > 0) return doubt('site files differ from the manifest', mismatched);
    siteFetched = keys.length;
  }
  const debtKeys = (key: string) =>
    listed.debtMonth !== undefined && key.startsWith(debtMonthPrefix(listed.debtMonth));
  const fetchedOutsideDebt = wanted.filter(([key]) => !debtKeys(key)).length;
  return {
    ok: true,
    mirrorDir,
    state: stored.state,
    changed,
    inputs,
    manifest: stored.manifest,
    downloaded: wanted.length,
    unchanged: [...listed.objects.keys()].filter((k) => !debtKeys(k)).length - fetchedOutsideDebt,
    siteFetched,
  };
}

/** The site keys a refresh by month reads: every row file the state cuts into months, and the police lists. */
function spliced(state: RefreshState, manifest: Manifest): string[] | string {
  const keys = Object.keys(state.segments).map((file) => `${SITE_DATA_PREFIX}${file}`);
  const missing = keys.find((key) => manifest[key] === undefined);
  if (missing !== undefined) return `${missing} is in the state but not published`;
  // data/provinces/<code>/police.json: kept as they are when the police lists are not read again
  const isPolice = (key: string) => {
    const code = key.split('/')[2] ?? '';
    return key === `${SITE_DATA_PREFIX}${provinceBundleDir(code)}${PROVINCE_FILES.police}`;
  };
  return [...keys, ...Object.keys(manifest).filter(isPolice)];
}

/** Each object as listed: If-Match, so an object replaced since the listing fails instead of mixing. */
async function fetchLakeObjects(
  deps: ColdStartDeps,
  mirrorDir: string,
  wanted: readonly [string, ListedObject][],
): Promise<void> {
  const made = new Set<string>();
  await inPool([...wanted], CONCURRENCY, async ([key, meta]) => {
    const path = localPath(mirrorDir, key);
    try {
      const object = await deps.s3.send(
        new GetObjectCommand({ Bucket: deps.lakeBucket, Key: key, IfMatch: meta.etag }),
      );
      if (!object.Body) throw new Error('empty body');
      await writeAtomically(path, await object.Body.transformToByteArray(), made);
    } catch (error) {
      throw new StorageError(`cannot fetch s3://${deps.lakeBucket}/${key}: ${String(error)}`, {
        cause: error,
      });
    }
  });
}

/** Fetches the site keys into the site folder; returns those whose bytes are not the manifest's. */
async function fetchSiteFiles(
  deps: ColdStartDeps,
  keys: readonly string[],
  manifest: Manifest,
): Promise<string[]> {
  const mismatched: string[] = [];
  const made = new Set<string>();
  await inPool([...keys], CONCURRENCY, async (key) => {
    let body: Uint8Array;
    try {
      const object = await deps.s3.send(new GetObjectCommand({ Bucket: deps.siteBucket, Key: key }));
      body = (await object.Body?.transformToByteArray()) ?? new Uint8Array();
    } catch {
      mismatched.push(key); // named but not there: not what the manifest claims
      return;
    }
    if (createHash('sha256').update(body).digest('hex') !== manifest[key]) {
      mismatched.push(key);
      return;
    }
    // The keys come from the bucket: localPath refuses any that would land outside the folder.
    await writeAtomically(localPath(deps.outDir, key.slice(SITE_DATA_PREFIX.length)), body, made);
  });
  return mismatched.sort();
}
