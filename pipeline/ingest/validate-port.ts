/**
 * What ingest needs from validation (pipeline/validate): bytes and location in, a receipt and the
 * accepted rows out. Kept as a type so tests can count calls or feed a fixed answer.
 */
import type { PreparedLake } from '../lake/prepared-lake.ts';
import type { UploadLocation } from '../../core/contracts/layout.ts';
import type { Receipt } from '../../core/contracts/receipt.ts';
import type { Targets } from '../../core/reference/targets.ts';

export interface ValidateUploadInput {
  bytes: Uint8Array;
  key: string;
  location: UploadLocation;
  receivedAt: string;
  now?: Date;
  /** Lets a large clean CSV come back as a ready lake file (`lake`) instead of `rows`. */
  fastPath?: { tmpDir: string };
  /** The national targets a coverage upload's chi_tieu_giao is checked against (warnings only). */
  targets?: Targets;
}

export interface ValidatedUpload {
  receipt: Receipt;
  /** Present when the upload is accepted; keys are the dataset's column keys. */
  rows: Array<Record<string, string | number | null>>;
  /** Instead of `rows`, when asked for with `fastPath`: the accepted rows as a lake file. */
  lake?: PreparedLake;
}

export type ValidateUpload = (input: ValidateUploadInput) => Promise<ValidatedUpload>;
