/**
 * Makes a province-month's lake object hold the rows of the upload the ledger says is in force.
 *
 * Two handlers (two Lambdas) may work on one province-month at once, and a handler may crash
 * between its ledger record and its lake write; no lock spans processes. So every handler, after
 * its ledger record, and again after each lake write of its own, re-reads the ledger and the
 * lake's stamp and rewrites the lake when they disagree. Whoever writes last checks last, so any
 * interleaving ends with the lake holding the ledger's winner, and a rerun does the same again.
 */
import { createHash } from 'node:crypto';
import type { LakeRow } from '../lake/parquet-writer.ts';
import { readPreparedRows, type PreparedLake } from '../lake/prepared-lake.ts';
import { readLakeStamp, writeLakePartition } from '../lake/write-partition.ts';
import { StorageError } from '../../core/errors.ts';
import { parseUploadKey } from '../../core/contracts/layout.ts';
import type { LedgerRecord } from '../../core/contracts/ledger-record.ts';
import type { ProvinceMonth } from '../ledger/ledger-store.ts';
import { readObject } from '../storage/object-bytes.ts';
import { countedUpload } from './counted-upload.ts';
import type { UploadContext } from './upload-context.ts';

/** Enough for every realistic race; beyond it the handler fails and the platform retries. */
const MAX_ROUNDS = 5;

/** The rows of the upload being handled and what the handler already knows of its ledger. */
export interface OwnUpload {
  uploadId: string;
  rows: readonly LakeRow[];
  /** From validation's DuckDB path: its ready lake file (`rows` is then empty). */
  lake?: PreparedLake;
  /**
   * The ledger read for the decision held no record of this upload and the decision writes the
   * lake: nothing of this upload can be in the lake yet, so the first round writes its rows
   * without listing the ledger and reading the stamp again. The round after the write reads both
   * fresh, as after every write, so a concurrent newer upload is still found and put in force.
   */
  writesFirst?: boolean;
}

/** Returns whether this call wrote the lake. */
export async function reconcileLake(ctx: UploadContext, pm: ProvinceMonth, own: OwnUpload): Promise<boolean> {
  let lastWritten: string | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (round === 0 && own.writesFirst) {
      await writeRows(ctx, pm, own.uploadId, own.lake, own.rows);
      lastWritten = own.uploadId;
      continue;
    }
    // The ledger's winner, or the approved upload while the report is locked (pipeline/approval/).
    const winner = await countedUpload(ctx, pm);
    if (!winner) return lastWritten !== undefined;
    // Still the upload just written: done. A stale write landing after ours is its writer's to
    // fix, since every writer checks after writing; so no need to look at the lake again.
    if (lastWritten === winner.upload_id) return true;
    const isOwn = winner.upload_id === own.uploadId;
    // Own rows in memory (the JavaScript path) are used as they are; a DuckDB-path file is read back.
    const ownRows = async () =>
      own.rows.length > 0 || !own.lake ? own.rows : await readPreparedRows(own.lake);
    const rowsOfWinner = async () => (isOwn ? ownRows() : rowsOf(ctx, winner));
    const stamp = await readLakeStamp(ctx.s3, ctx.lakeBucket, pm.dataset, pm.period, pm.province);
    if (stamp?.uploadId === winner.upload_id) {
      // Settled. What follows the lake is redone when this call may have left it stale (it wrote
      // another upload's rows), or when the winner is this upload and a crash may have cut it off.
      const besideStale = lastWritten !== undefined && lastWritten !== winner.upload_id;
      const besideMaybeCut = lastWritten === undefined && winner.upload_id === own.uploadId;
      if (ctx.besideLake && (besideStale || besideMaybeCut)) {
        await ctx.besideLake({ ...pm, uploadId: winner.upload_id, rows: await rowsOfWinner() });
      }
      return lastWritten !== undefined;
    }
    const prepared = isOwn ? own.lake : undefined;
    await writeRows(ctx, pm, winner.upload_id, prepared, prepared ? own.rows : await rowsOfWinner());
    lastWritten = winner.upload_id;
  }
  throw new StorageError(`lake of ${pm.dataset}/${pm.period}/${pm.province} did not settle`);
}

/**
 * One lake write and what follows it (the summary), from the same rows. With a ready lake file the
 * rows are not written again; when they are not in memory either (DuckDB path) they are read back.
 */
async function writeRows(
  ctx: UploadContext,
  pm: ProvinceMonth,
  uploadId: string,
  prepared: PreparedLake | undefined,
  rows: readonly LakeRow[],
): Promise<void> {
  await writeLakePartition({
    s3: ctx.s3,
    bucket: ctx.lakeBucket,
    ...pm,
    rows,
    prepared,
    tmpDir: ctx.tmpDir,
    uploadId,
  });
  if (ctx.besideLake) {
    const written = rows.length > 0 || !prepared ? rows : await readPreparedRows(prepared);
    await ctx.besideLake({ ...pm, uploadId, rows: written });
  }
}

/** The accepted rows of another upload in force, read back from the uploads bucket. */
async function rowsOf(ctx: UploadContext, record: LedgerRecord): Promise<readonly LakeRow[]> {
  const location = parseUploadKey(record.key);
  if (!location) throw new StorageError(`ledger names a key outside the upload contract: ${record.key}`);
  const object = await readObject(ctx.s3, ctx.uploadsBucket, record.key, record.version_id ?? undefined);
  // Without versioning a key may since hold newer bytes, whose own event is still on its way.
  if (createHash('sha256').update(object.bytes).digest('hex') !== record.sha256) {
    throw new StorageError(`${record.key} changed since it was recorded; its newer event will settle it`);
  }
  const { receipt, rows } = await ctx.validate({
    bytes: object.bytes,
    key: record.key,
    location,
    receivedAt: record.received_at,
    now: new Date(record.ingested_at),
  });
  if (receipt.status !== 'accepted') {
    throw new StorageError(`upload in force ${record.key} no longer validates; run vss replay`);
  }
  return rows;
}
