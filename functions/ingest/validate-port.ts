/**
 * What ingest needs from validation (lib/validate): bytes and location in, a receipt and the
 * accepted rows out. Kept as a type so tests can count calls or feed a fixed answer.
 */
import type { UploadLocation } from '../../lib/layout.ts';
import type { Receipt } from '../../lib/receipt.ts';

export interface ValidateUploadInput {
  bytes: Uint8Array;
  key: string;
  location: UploadLocation;
  receivedAt: string;
  now?: Date;
}

export interface ValidatedUpload {
  receipt: Receipt;
  /** Present when the upload is accepted; keys are the dataset's column keys. */
  rows: Array<Record<string, string | number | null>>;
}

export type ValidateUpload = (input: ValidateUploadInput) => Promise<ValidatedUpload>;
