import type { S3EventRecord } from 'aws-lambda';
import { parseUploadKey, type UploadLocation } from '../../core/contracts/layout.ts';

/**
 * S3 notifications URL-encode the key, with '+' for a space. A key that does not decode, or that
 * decodes to something outside the upload contract, is not an upload: undefined, never a throw.
 */
export function uploadOfRecord(record: S3EventRecord): { key: string; location: UploadLocation } | undefined {
  const raw = record.s3.object.key;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
  const location = parseUploadKey(decoded);
  return location ? { key: decoded, location } : undefined;
}

/** The encoding S3 applies to keys in notifications (form encoding, '/' kept). */
export function encodeEventKey(key: string): string {
  return key
    .split('/')
    .map((part) => encodeURIComponent(part).replaceAll('%20', '+'))
    .join('/');
}
