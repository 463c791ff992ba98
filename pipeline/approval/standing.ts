/**
 * Which upload counts for one report of a province-month, under the sign-off rules. Pure: the
 * ingest (what the lake holds), the portal (what the director sees) and the refresh (how many
 * units are approved) all call it with the ledger and approval records they listed.
 *
 * Approval is given for the month and recorded per report (`covers`): the lock holds for the
 * reports the director read, and a report that arrives after the sign-off waits for its own.
 */
import type { DatasetName } from '../../core/datasets/index.ts';
import type { LedgerRecord } from '../../core/contracts/ledger-record.ts';
import { uploadInForce, type UploadFacts } from '../ledger/decide.ts';
import type { ApprovalRecord } from './approval-record.ts';

export type ApprovalState = 'missing' | 'pending' | 'approved' | 'reopened';

/** An upload as the decision reads it: a ledger record, or a site data report row. */
type StandingUpload = UploadFacts & Pick<LedgerRecord, 'dataset' | 'period' | 'province'>;

export interface ReportStanding<R extends StandingUpload = LedgerRecord> {
  state: ApprovalState;
  /** The province's last word: the accepted upload in force, approvals aside. */
  latestAccepted: R | undefined;
  /** The upload the standing approval covers; set only while the report is approved. */
  approved: R | undefined;
  /** What counts in the lake and the national figures: approved while locked, else latest accepted. */
  counted: R | undefined;
  /** Accepted uploads kept but not counted because the report is locked, oldest first. */
  held: R[];
  /** The last sign-off action on this report, if any. */
  lastAction: ApprovalRecord | undefined;
}

/** Later action wins; the id breaks ties so every reader of the records agrees. */
function byTime(a: ApprovalRecord, b: ApprovalRecord): number {
  const d = Date.parse(a.at) - Date.parse(b.at);
  return d !== 0 ? d : a.approval_id < b.approval_id ? -1 : a.approval_id > b.approval_id ? 1 : 0;
}

const arrival = (r: StandingUpload) => Date.parse(r.received_at);

/**
 * `uploads` are the ledger records of (dataset, period, province); `approvals` those of the
 * province-month (any report). Records of other province-months are ignored, whatever the caller
 * passes, and so is the order of both lists.
 */
export function reportStanding<R extends StandingUpload = LedgerRecord>(
  report: { dataset: DatasetName; period: string; province: string },
  uploads: readonly R[],
  approvals: readonly ApprovalRecord[],
): ReportStanding<R> {
  const mine = uploads.filter(
    (r) => r.dataset === report.dataset && r.period === report.period && r.province === report.province,
  );
  const latestAccepted = uploadInForce(mine);
  const actions = approvals
    .filter((a) => a.period === report.period && a.province === report.province && a.action !== 'publish')
    .filter((a) => a.covers.some((c) => c.dataset === report.dataset))
    .sort(byTime);
  const lastAction = actions.at(-1);
  const none = { latestAccepted, approved: undefined, counted: latestAccepted, held: [] as R[], lastAction };
  if (!lastAction) return { ...none, state: latestAccepted ? 'pending' : 'missing' };
  if (lastAction.action !== 'approve') return { ...none, state: latestAccepted ? 'reopened' : 'missing' };

  const coveredId = lastAction.covers.find((c) => c.dataset === report.dataset)?.upload_id;
  const approved = mine.find((r) => r.upload_id === coveredId && r.status === 'accepted');
  // An approval naming an upload this report never accepted approves nothing: it cannot lock
  // figures nobody read. The API refuses such requests; this guards against a hand-written record.
  if (!approved) return { ...none, state: latestAccepted ? 'pending' : 'missing' };
  const held = mine
    .filter(
      (r) => r.status === 'accepted' && r.sha256 !== approved.sha256 && r.upload_id !== approved.upload_id,
    )
    .filter(
      (r) =>
        arrival(r) > arrival(approved) ||
        (arrival(r) === arrival(approved) && r.upload_id > approved.upload_id),
    )
    .sort((a, b) => arrival(a) - arrival(b));
  return { state: 'approved', latestAccepted, approved, counted: approved, held, lastAction };
}

/** The figures served "approved only": the approved upload, or nothing while not approved. */
export function approvedOnly<R extends StandingUpload>(standing: ReportStanding<R>): R | undefined {
  return standing.state === 'approved' ? standing.approved : undefined;
}
