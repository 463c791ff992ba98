/**
 * The ingest Lambda: for every upload S3 announces, validate it, answer with a receipt, write the
 * accepted rows to the lake (one Parquet object per province-month) and add a ledger record.
 * The same handler runs in AWS (functions/ingest.ts) and, fed by the local S3's events, on a laptop.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3Event, S3EventRecord } from 'aws-lambda';
import { StorageError } from '../../core/errors.ts';
import { provinceMonthName } from '../../core/contracts/layout.ts';
import { summaryWriter } from '../summary/write-summary.ts';
import { validateUpload } from '../validate/index.ts';
import { s3TargetsObject, targetsOf } from '../reference/targets-object.ts';
import type { Targets } from '../../core/reference/targets.ts';
import { uploadOfRecord } from './event-key.ts';
import { createKeyedLock } from './keyed-lock.ts';
import { refuseOffContract } from './park-upload.ts';
import { processUpload, type UploadOutcome } from './process-upload.ts';
import type { BesideLake } from './upload-context.ts';
import { isApprovalKey, settleApproval } from './settle-approval.ts';
import type { ValidateUpload } from './validate-port.ts';

export type { UploadOutcome };

export interface IngestDeps {
  s3: S3Client;
  uploadsBucket: string;
  lakeBucket: string;
  now?: () => Date;
  tmpDir?: string;
  /** Local sample runs only: take received_at from the object's `submitted-at` metadata. */
  trustSubmittedAt?: boolean;
  validate?: ValidateUpload;
  /**
   * The national targets coverage uploads are checked against. Default: the lake's targets object
   * (TARGETS_KEY), read for each coverage upload, so a decision loaded meanwhile counts at once;
   * the seed while the lake has none.
   */
  targets?: () => Targets | Promise<Targets>;
  /** Written after every lake write from the same rows (the province-month's summary). */
  besideLake?: BesideLake;
  log?: (entry: Record<string, unknown>) => void;
  /** Called after each upload is handled (the local runner counts outcomes with it). */
  onOutcome?: (outcome: UploadOutcome) => void;
  /** Uploads larger than this are refused from the size the GET answers with, the body unread. Default: limitsFromEnv(). */
  maxBytes?: number;
}

const jsonLog = (entry: Record<string, unknown>) => console.log(JSON.stringify(entry));

export function createIngestHandler(deps: IngestDeps): (event: S3Event) => Promise<void> {
  const log = deps.log ?? jsonLog;
  const withLock = createKeyedLock();
  const ctx = {
    s3: deps.s3,
    uploadsBucket: deps.uploadsBucket,
    lakeBucket: deps.lakeBucket,
    validate: deps.validate ?? validateUpload,
    targets: deps.targets ?? (() => targetsOf(s3TargetsObject(deps.s3, deps.lakeBucket))),
    now: deps.now ?? (() => new Date()),
    tmpDir: deps.tmpDir,
    trustSubmittedAt: deps.trustSubmittedAt ?? false,
    maxBytes: deps.maxBytes,
    // The province-month's summary beside its lake object, so the refresh reads no employer rows.
    besideLake: deps.besideLake ?? summaryWriter(deps.s3, deps.lakeBucket, deps.tmpDir),
  };

  return async function ingest(event: S3Event): Promise<void> {
    const failures: unknown[] = [];
    /** A sign-off record in the lake bucket: settle the reports it covers. True when it was one. */
    const approvalEvent = async (record: S3EventRecord): Promise<boolean> => {
      if (record.s3.bucket.name !== deps.lakeBucket) return false;
      // Approval keys are plain ASCII (core/contracts/layout.ts); anything else in the lake bucket is not ours.
      const key = record.s3.object.key;
      if (!isApprovalKey(key)) return false;
      if (!record.eventName.startsWith('ObjectCreated:')) return true;
      try {
        log({
          level: 'INFO',
          message: 'approval settled',
          key,
          ...(await settleApproval(ctx, key, withLock)),
        });
      } catch (error) {
        log({ level: 'ERROR', message: 'approval not settled', key, error: String(error) });
        failures.push(error);
      }
      return true;
    };
    for (const record of event.Records ?? []) {
      if (await approvalEvent(record)) continue;
      if (record.s3.bucket.name !== deps.uploadsBucket || !record.eventName.startsWith('ObjectCreated:'))
        continue;
      const upload = uploadOfRecord(record);
      if (!upload) {
        try {
          const refusal = await refuseOffContract(
            deps.s3,
            deps.lakeBucket,
            record.s3.object.key,
            record.eventTime,
          );
          log({ level: 'WARN', message: 'not an upload key, refused', key: record.s3.object.key, refusal });
        } catch (error) {
          log({
            level: 'ERROR',
            message: 'refusal not written',
            key: record.s3.object.key,
            error: String(error),
          });
          failures.push(error);
        }
        continue;
      }
      const { dataset, period, province } = upload.location;
      try {
        const outcome = await withLock(provinceMonthName(dataset, period, province), () =>
          processUpload(ctx, record, upload),
        );
        const { receipt: _receipt, ...logged } = outcome;
        log({ level: 'INFO', message: 'upload ingested', key: upload.key, ...logged });
        deps.onOutcome?.(outcome);
      } catch (error) {
        log({ level: 'ERROR', message: 'upload failed', key: upload.key, error: String(error) });
        failures.push(error);
      }
    }
    // Every record was tried; failing now lets the platform retry the event and then dead-letter it.
    if (failures.length > 0) {
      throw new StorageError(`${failures.length} of ${event.Records.length} uploads failed`, {
        cause: failures[0],
      });
    }
  };
}
