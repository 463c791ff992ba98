import type { LedgerRecord } from '../ledger-record.ts';

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

/** The accepted upload whose rows are in the lake: the latest-arrived accepted one. */
export function uploadInForce(records: readonly LedgerRecord[]): LedgerRecord | undefined {
  let inForce: LedgerRecord | undefined;
  for (const r of records) if (r.status === 'accepted' && (!inForce || isLater(r, inForce))) inForce = r;
  return inForce;
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
  // An event that arrives after a newer upload was handled: keep it on record, leave the lake alone.
  if (!isLater(me, inForce)) return { status: 'accepted', supersedes: null, writeLake: false };
  return { status: 'accepted', supersedes: inForce.upload_id, writeLake: true };
}
