/**
 * Turns a sign-off request into the record to write, or a refusal. The caller's province and role
 * come from the signed session (`caller`), never from the request; the request only says what to
 * do to which month. An approval names the uploads the director read, and each must still be the
 * one in force, so an upload that arrived while the director was reading is never approved unseen.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { DATASET_NAMES, type DatasetName } from '../../core/datasets/index.ts';
import { listLedger } from '../ledger/ledger-store.ts';
import { type Bilingual, APPROVAL_MESSAGES } from '../../core/messages/index.ts';
import type { Approver } from '../../core/contracts/approver.ts';
import { approvalIdOf, approvalRecord, type ApprovalRecord } from './approval-record.ts';
import { listApprovals } from './approval-store.ts';
import { reportStanding, type ReportStanding } from './standing.ts';

const datasetName = z.enum(DATASET_NAMES as [DatasetName, ...DatasetName[]]);

export const signOffRequest = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('approve'),
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/u),
    province: z.string().regex(/^\d{2}$/u),
    covers: z.array(z.object({ dataset: datasetName, upload_id: z.string().min(1) })).min(1),
  }),
  z.object({
    action: z.enum(['reopen', 'return']),
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/u),
    province: z.string().regex(/^\d{2}$/u),
    datasets: z.array(datasetName).min(1),
    reason: z.string().max(2000),
  }),
]);
export type SignOffRequest = z.infer<typeof signOffRequest>;

export type SignOffOutcome =
  { ok: true; record: ApprovalRecord } | { ok: false; status: number; error: string; message: Bilingual };

const no = (status: number, error: string, message: Bilingual): SignOffOutcome => ({
  ok: false,
  status,
  error,
  message,
});

/** Who may do what: a director to their own province only; the national level to any. */
function refusalOf(caller: Approver, request: SignOffRequest): SignOffOutcome | undefined {
  if (request.action === 'return') {
    if (caller.role !== 'national' || caller.scope !== 'all')
      return no(403, 'not_national', APPROVAL_MESSAGES.notNational());
  } else if (caller.role !== 'director') {
    return no(403, 'not_director', APPROVAL_MESSAGES.notDirector());
  } else if (caller.scope !== request.province) {
    return no(403, 'other_province', APPROVAL_MESSAGES.otherProvince(request.province));
  }
  if (request.action !== 'approve' && request.reason.trim() === '')
    return no(400, 'reason_required', APPROVAL_MESSAGES.reasonRequired());
  return undefined;
}

export async function signOff(
  s3: S3Client,
  lakeBucket: string,
  caller: Approver,
  request: SignOffRequest,
  now: Date,
): Promise<SignOffOutcome> {
  const refused = refusalOf(caller, request);
  if (refused) return refused;
  const { period, province } = request;
  const approvals = await listApprovals(s3, lakeBucket, { period, province });
  const standingOf = async (dataset: DatasetName): Promise<ReportStanding> =>
    reportStanding(
      { dataset, period, province },
      await listLedger(s3, lakeBucket, { dataset, period, province }),
      approvals,
    );

  const covers: ApprovalRecord['covers'] = [];
  if (request.action === 'approve') {
    for (const { dataset, upload_id } of request.covers) {
      const standing = await standingOf(dataset);
      if (!standing.latestAccepted)
        return no(409, 'nothing_to_approve', APPROVAL_MESSAGES.nothingToApprove(dataset));
      // A held upload needs a reopen with a reason first; approving the approved one again is harmless.
      const inForce = standing.state === 'approved' ? standing.approved : standing.latestAccepted;
      if (inForce?.upload_id !== upload_id)
        return no(409, 'not_in_force', APPROVAL_MESSAGES.notInForce(dataset));
      covers.push({ dataset, upload_id });
    }
  } else {
    for (const dataset of request.datasets) {
      const standing = await standingOf(dataset);
      if (standing.state !== 'approved' || !standing.approved)
        return no(409, 'not_approved', APPROVAL_MESSAGES.notApproved(dataset));
      covers.push({ dataset, upload_id: standing.approved.upload_id });
    }
  }
  const body = {
    action: request.action,
    period,
    province,
    covers,
    actor: caller.actor,
    role: caller.role,
    at: now.toISOString(),
    reason: request.action === 'approve' ? null : request.reason.trim(),
  };
  return { ok: true, record: approvalRecord.parse({ ...body, approval_id: approvalIdOf(body) }) };
}
