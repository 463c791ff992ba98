import { createHash } from 'node:crypto';

export interface UploadIdentity {
  key: string;
  /** S3 version id where the uploads bucket is versioned. */
  versionId?: string | null;
  /** What tells two PUTs of one key apart without versioning: the event's sequencer, else the eTag. */
  sequencer?: string | null;
  eTag?: string | null;
  sha256: string;
}

/**
 * The id of one upload, derived only from what the S3 event and the bytes say: a notification
 * delivered twice yields the same id, so it rewrites the same ledger object instead of adding one.
 */
export function uploadIdOf(u: UploadIdentity): string {
  const parts = [u.key, u.versionId ?? '', u.sequencer ?? '', (u.eTag ?? '').replaceAll('"', ''), u.sha256];
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}
