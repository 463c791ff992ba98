/**
 * The upload whose rows the lake holds for a province-month: the ledger's winner, unless the
 * report is approved, when the approved upload stays until the month is reopened or returned.
 */
import { listApprovals } from '../approval/approval-store.ts';
import { reportStanding, type ReportStanding } from '../approval/standing.ts';
import type { LedgerRecord } from '../../core/contracts/ledger-record.ts';
import { listLedger, type ProvinceMonth } from '../ledger/ledger-store.ts';
import { APPROVAL_MESSAGES } from '../../core/messages/index.ts';
import type { Receipt } from '../../core/contracts/receipt.ts';
import type { UploadContext } from './upload-context.ts';

export async function standingOf(ctx: Pick<UploadContext, 's3' | 'lakeBucket'>, pm: ProvinceMonth) {
  const [ledger, approvals] = await Promise.all([
    listLedger(ctx.s3, ctx.lakeBucket, pm),
    listApprovals(ctx.s3, ctx.lakeBucket, pm),
  ]);
  return reportStanding(pm, ledger, approvals);
}

export async function countedUpload(
  ctx: Pick<UploadContext, 's3' | 'lakeBucket'>,
  pm: ProvinceMonth,
): Promise<LedgerRecord | undefined> {
  return (await standingOf(ctx, pm)).counted;
}

/**
 * The report's standing once this upload's record is written: `ledger` is the province-month's
 * ledger before this upload, `own` its record as it will be written.
 */
export function standingWithOwn(
  pm: ProvinceMonth,
  ledger: readonly LedgerRecord[],
  own: LedgerRecord,
  approvals: Parameters<typeof reportStanding>[2],
): ReportStanding {
  return reportStanding(pm, [...ledger.filter((r) => r.upload_id !== own.upload_id), own], approvals);
}

/**
 * The approved upload that `own` is held against: set when the report is approved and this
 * upload would otherwise have become the one in force. Its ledger record names it in
 * `supersedes` (the upload it would replace once reopened), as its receipt's hold note does.
 */
export function heldAgainst(own: LedgerRecord, standing: ReportStanding): LedgerRecord | undefined {
  if (own.status !== 'accepted' || !standing.approved) return undefined;
  return standing.held.some((r) => r.upload_id === own.upload_id) ? standing.approved : undefined;
}

/**
 * The receipt of an accepted upload, with the note that it is held when the report is approved
 * and this upload would otherwise have become the one in force.
 */
export function withHoldNote(receipt: Receipt, own: LedgerRecord, standing: ReportStanding): Receipt {
  const approved = heldAgainst(own, standing);
  if (receipt.status !== 'accepted' || !approved) return receipt;
  const approvedAt = standing.lastAction?.at ?? own.received_at;
  const words = APPROVAL_MESSAGES.heldUntilReopened(approvedAt);
  return {
    ...receipt,
    held: {
      approved_upload_id: approved.upload_id,
      approved_at: approvedAt,
      message_vi: words.vi,
      message_en: words.en,
    },
  };
}
