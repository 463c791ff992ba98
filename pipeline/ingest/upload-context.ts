/**
 * What every step of handling an upload is given: the buckets, the validator, the clock and
 * the limits, built once by the ingest handler (pipeline/ingest/ingest-handler.ts).
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { LakeRow } from '../lake/parquet-writer.ts';
import type { ProvinceMonth } from '../ledger/ledger-store.ts';
import type { ValidateUpload } from './validate-port.ts';
import type { Targets } from '../../core/reference/targets.ts';

/** What follows every lake write with the same rows (the province-month's summary). */
export type BesideLake = (
  write: ProvinceMonth & { uploadId: string; rows: readonly LakeRow[] },
) => Promise<void>;

export interface UploadContext {
  s3: S3Client;
  uploadsBucket: string;
  lakeBucket: string;
  validate: ValidateUpload;
  /** The national targets, read for each coverage upload checked against them (the lake's object). */
  targets: () => Targets | Promise<Targets>;
  now: () => Date;
  tmpDir?: string;
  trustSubmittedAt: boolean;
  /** Written after every lake write from the same rows (the province-month's summary). */
  besideLake?: BesideLake;
  /** Uploads larger than this are refused from the size the GET answers with, the body unread. Default: limitsFromEnv(). */
  maxBytes?: number;
}
