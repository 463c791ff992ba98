import { createHash } from 'node:crypto';

export interface UploadIdentity {
  key: string;
  /** S3 version id where the uploads bucket is versioned. */
  versionId?: string | null;
  sha256: string;
}

/**
 * The id of one upload, derived only from what the stored object itself says (key, version and
 * bytes): a notification delivered twice yields the same id, so it rewrites the same ledger object
 * instead of adding one, and `vss replay`, which sees only the uploads bucket, finds the same id.
 */
export function uploadIdOf(u: UploadIdentity): string {
  const parts = [u.key, u.versionId ?? '', u.sha256];
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}
