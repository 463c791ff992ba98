/**
 * A sign-off record was written (approve, reopen, return): bring each report it covers to the
 * upload that now counts. A reopen puts the latest accepted upload back in the lake; an approval
 * of the upload already in force changes nothing. The upload API only writes the record; the
 * ingest, which alone writes the lake, does this when S3 announces it.
 */
import { approvalRecord } from '../approval/approval-record.ts';
import { StorageError } from '../../core/errors.ts';
import { parseApprovalKey } from '../../core/contracts/layout-parse.ts';
import { provinceMonthName } from '../../core/contracts/layout.ts';
import { readObject } from '../storage/object-bytes.ts';
import type { UploadContext } from './upload-context.ts';
import { reconcileLake } from './reconcile-lake.ts';

/** approvals/<YYYY-MM>/<province>/<id>.json; a month's published snapshot (approvals/<YYYY-MM>/published/) is not one. */
export const isApprovalKey = (key: string) => parseApprovalKey(key) !== null;

export interface ApprovalSettled {
  approvalId: string;
  action: string;
  /** The reports whose lake object this call rewrote. */
  rewritten: string[];
}

export async function settleApproval(
  ctx: UploadContext,
  key: string,
  withLock: <T>(name: string, run: () => Promise<T>) => Promise<T>,
): Promise<ApprovalSettled> {
  const { bytes } = await readObject(ctx.s3, ctx.lakeBucket, key);
  const parsed = approvalRecord.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
  if (!parsed.success) throw new StorageError(`approval record s3://${ctx.lakeBucket}/${key} is malformed`);
  const record = parsed.data;
  const rewritten: string[] = [];
  for (const { dataset } of record.covers) {
    const pm = { dataset, period: record.period, province: record.province };
    // No rows of its own: the lake gets the counted upload's rows, read back and validated again.
    const wrote = await withLock(provinceMonthName(dataset, pm.period, pm.province), () =>
      reconcileLake(ctx, pm, { uploadId: '', rows: [] }),
    );
    if (wrote) rewritten.push(dataset);
  }
  return { approvalId: record.approval_id, action: record.action, rewritten };
}
