/**
 * Rebuilds everything in the lake bucket (lake, summaries, receipts, ledger) from the uploads
 * bucket alone, by handing every stored upload to the ingest handler as the notification S3 sent
 * for it. Uploads of one province-month go in the order they arrived, so the ledger's decisions
 * (duplicate, supersedes) come out as they did live; province-months run side by side.
 *
 * Every stored version is replayed (ListObjectVersions), not only the current one, so an upload
 * replaced under the same file name keeps its place in the ledger. Clearing the lake bucket is
 * done only where it can be undone: on a versioned bucket a delete only adds delete markers
 * (remove them to restore); an unversioned one is cleared only when the caller says it may be
 * (the local data directory, whose uploads are the only source anyway). `dryRun` prints the
 * plan and changes nothing.
 */
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { receivedAtOf } from '../ingest/received-at.ts';
import { ConfigError, StorageError } from '../../core/errors.ts';
import { OPS_ERRORS } from '../../core/messages/index.ts';
import { forEachLimited } from '../generate/limited.ts';
import { parseUploadKey, UPLOADS_PREFIX } from '../../core/contracts/layout.ts';
import { uploadGroupOf } from '../../core/contracts/layout-parse.ts';
import { deleteAll, listObjects, type ListedObject } from '../storage/list-objects.ts';
import { bucketVersioning, listVersions } from '../storage/list-versions.ts';
import { replayEvent } from './replay-event.ts';

export interface ReplayOptions {
  s3: S3Client;
  uploadsBucket: string;
  lakeBucket: string;
  /** The ingest handler; it throws when an upload could not be handled. */
  handle: (event: S3Event) => Promise<void>;
  /** Must match the handler's setting, so arrival order is judged as the handler judges it. */
  trustSubmittedAt: boolean;
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
  /** List what would be cleared and replayed; change nothing. */
  dryRun?: boolean;
  /** Let replay clear an unversioned lake bucket (local runs only): its deletes cannot be undone. */
  allowUnversionedLake?: boolean;
}

export interface ReplayPlan {
  /** Lake-bucket keys that would be hidden behind delete markers (or deleted, when unversioned). */
  clear: string[];
  /** Upload versions that would go through ingest, in replay order within each province-month. */
  replay: Array<{ key: string; versionId: string | null }>;
  lakeVersioning: 'enabled' | 'suspended' | 'never';
}

export interface ReplaySummary {
  cleared: number;
  uploads: number;
  provinceMonths: number;
  failed: number;
  /** Only for a dry run. */
  plan?: ReplayPlan;
}

export async function replayUploads(o: ReplayOptions): Promise<ReplaySummary> {
  const lakeVersioning = await bucketVersioning(o.s3, o.lakeBucket);
  if (lakeVersioning !== 'enabled' && !o.allowUnversionedLake && !o.dryRun)
    throw new ConfigError(OPS_ERRORS.lakeUnversioned(o.lakeBucket));
  const uploads = (await listVersions(o.s3, o.uploadsBucket, UPLOADS_PREFIX)).filter((u) =>
    parseUploadKey(u.key),
  );
  if (o.dryRun) return { ...(await planOf(o, uploads, lakeVersioning)), failed: 0 };
  // Everything in the lake bucket derives from uploads; on the versioned bucket it stays restorable.
  const cleared = await deleteAll(o.s3, o.lakeBucket, '');
  const groups = groupByProvinceMonth(uploads);
  let done = 0;
  let failed = 0;
  await forEachLimited([...groups.values()], Math.max(1, o.concurrency ?? 4), async (group) => {
    for (const upload of await inArrivalOrder(o, group)) {
      try {
        await o.handle(replayEvent(o.uploadsBucket, upload));
      } catch {
        failed++;
      }
      o.onProgress?.(++done, uploads.length);
    }
  });
  return { cleared, uploads: uploads.length, provinceMonths: groups.size, failed };
}

async function planOf(
  o: ReplayOptions,
  uploads: ListedObject[],
  lakeVersioning: ReplayPlan['lakeVersioning'],
): Promise<Omit<ReplaySummary, 'failed'>> {
  const clear = (await listObjects(o.s3, o.lakeBucket, '')).map((l) => l.key);
  const groups = groupByProvinceMonth(uploads);
  const replay: ReplayPlan['replay'] = [];
  for (const group of groups.values())
    for (const u of await inArrivalOrder(o, group))
      replay.push({ key: u.key, versionId: u.versionId ?? null });
  return {
    cleared: 0,
    uploads: uploads.length,
    provinceMonths: groups.size,
    plan: { clear, replay, lakeVersioning },
  };
}

function groupByProvinceMonth(uploads: readonly ListedObject[]): Map<string, ListedObject[]> {
  const groups = new Map<string, ListedObject[]>();
  for (const u of uploads) {
    const pm = uploadGroupOf(u.key);
    groups.set(pm, [...(groups.get(pm) ?? []), u]);
  }
  return groups;
}

/** A lone upload needs no order; several are sorted by arrival, then by key for equal times. */
async function inArrivalOrder(o: ReplayOptions, group: ListedObject[]): Promise<ListedObject[]> {
  if (group.length < 2) return group;
  const timed = await Promise.all(group.map(async (u) => ({ u, at: await arrivalOf(o, u) })));
  timed.sort((a, b) => (a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.u.key < b.u.key ? -1 : 1));
  return timed.map((t) => t.u);
}

async function arrivalOf(o: ReplayOptions, upload: ListedObject): Promise<string> {
  const [record] = replayEvent(o.uploadsBucket, upload).Records;
  if (!record) throw new StorageError('replay event without a record');
  let metadata: Record<string, string> = {};
  if (o.trustSubmittedAt) {
    try {
      const head = await o.s3.send(
        new HeadObjectCommand({ Bucket: o.uploadsBucket, Key: upload.key, VersionId: upload.versionId }),
      );
      metadata = head.Metadata ?? {};
    } catch (error) {
      throw new StorageError(`cannot read s3://${o.uploadsBucket}/${upload.key}`, { cause: error });
    }
  }
  return receivedAtOf(record, metadata, o.trustSubmittedAt, () => upload.lastModified);
}
