import type { LedgerRecord } from '../../core/contracts/ledger-record.ts';

/** What the decision reads of a ledger record (the site data's report rows carry these too). */
export type UploadFacts = Pick<LedgerRecord, 'upload_id' | 'sha256' | 'received_at' | 'status'>;

export interface Decision {
  status: LedgerRecord['status'];
  /** upload_id of the accepted upload this one replaces in the lake. */
  supersedes: string | null;
  /** Whether this upload's rows become the province-month in the lake. */
  writeLake: boolean;
}

export interface Candidate {
  uploadId: string;
  sha256: string;
  receivedAt: string;
  validation: 'accepted' | 'rejected';
}

/** Later arrival wins; the id breaks ties so every replica of the decision agrees. */
function isLater(
  a: { received_at: string; upload_id: string },
  b: { received_at: string; upload_id: string },
) {
  const ta = Date.parse(a.received_at);
  const tb = Date.parse(b.received_at);
  return ta !== tb ? ta > tb : a.upload_id > b.upload_id;
}

/** The latest-arrived of `records` with one of the given statuses. */
function latest<R extends UploadFacts>(records: readonly R[], statuses: readonly LedgerRecord['status'][]) {
  let found: R | undefined;
  for (const r of records) if (statuses.includes(r.status) && (!found || isLater(r, found))) found = r;
  return found;
}

/**
 * The accepted upload whose rows are in the lake: the rows of the latest-arrived upload that
 * passed validation. When that one is a resend recorded as `duplicate`, its rows are those of the
 * accepted upload with the same checksum. Whether a resend is judged `duplicate` depends on which
 * events came first, so the latest-arrived accepted record alone is not enough: after A, B, and a
 * resend of A handled before B, the province's last word is A's rows, not B's.
 */
export function uploadInForce<R extends UploadFacts>(records: readonly R[]): R | undefined {
  const last = latest(records, ['accepted', 'duplicate']);
  if (!last || last.status === 'accepted') return last;
  const twin = latest(
    records.filter((r) => r.sha256 === last.sha256),
    ['accepted'],
  );
  return twin ?? latest(records, ['accepted']);
}

/**
 * What one upload does to its province-month, given the ledger so far. The upload's own earlier
 * record (a repeated event) is left out, so handling an event twice reaches the same decision.
 */
export function decide(candidate: Candidate, ledger: readonly LedgerRecord[]): Decision {
  if (candidate.validation === 'rejected') return { status: 'rejected', supersedes: null, writeLake: false };
  const inForce = uploadInForce(ledger.filter((r) => r.upload_id !== candidate.uploadId));
  if (!inForce) return { status: 'accepted', supersedes: null, writeLake: true };
  if (inForce.sha256 === candidate.sha256) return { status: 'duplicate', supersedes: null, writeLake: false };
  const me = { received_at: candidate.receivedAt, upload_id: candidate.uploadId };
  // An event that arrives after a newer upload was handled (a resend counts): keep it on record,
  // leave the lake alone.
  const newest = latest(
    ledger.filter((r) => r.upload_id !== candidate.uploadId),
    ['accepted', 'duplicate'],
  );
  if (!isLater(me, newest ?? inForce)) return { status: 'accepted', supersedes: null, writeLake: false };
  return { status: 'accepted', supersedes: inForce.upload_id, writeLake: true };
}
