import type { RemovalPolicy } from 'aws-cdk-lib';
import { Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import { Construct } from 'constructs';
import {
  APPROVALS_PREFIX,
  ATTEMPTS_PREFIX,
  LAKE_PREFIX,
  LEDGER_CLOSED_PREFIX,
  LEDGER_PREFIX,
  RECEIPTS_PREFIX,
  SUMMARIES_PREFIX,
  TARGETS_KEY,
  UPLOADS_PREFIX,
} from '../../core/contracts/layout.ts';
import { stackEnvironment } from '../../functions/environment.ts';
import { DuckdbFunction, REFERENCE_DIR_IN_BUNDLE } from './duckdb-function.ts';
import { FailureQueue } from './failure-queue.ts';
import { objectPrefixFinding } from '../nag-ids.ts';

export interface IngestPipelineProps {
  readonly uploads: s3.IBucket;
  readonly lake: s3.IBucket;
  readonly key: IKey;
  /** Default: functions/ingest.ts. */
  readonly entry?: string;
  /** Async retries before an event goes to the dead-letter queue. Default: 2 (Lambda's maximum). */
  readonly retryAttempts?: number;
  /** Default: RETAIN. */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Every object created under uploads/ invokes the ingest function once; it validates the file
 * and writes lake, ledger and receipt objects. Events it still fails on after retries wait in
 * a dead-letter queue with an alarm, to be replayed.
 */
export class IngestPipeline extends Construct {
  readonly fn: DuckdbFunction;
  readonly failures: FailureQueue;

  constructor(scope: Construct, id: string, props: IngestPipelineProps) {
    super(scope, id);
    this.failures = new FailureQueue(this, 'Failures', {
      encryptionKey: props.key,
      purpose: 'ingest',
      removalPolicy: props.removalPolicy,
    });
    this.fn = new DuckdbFunction(this, 'Ingest', {
      entry: props.entry ?? 'functions/ingest.ts',
      description: 'Validates a province upload and writes lake, ledger and receipt',
      environment: stackEnvironment('ingest', {
        UPLOADS_BUCKET: props.uploads.bucketName,
        LAKE_BUCKET: props.lake.bucketName,
        VSS_REFERENCE_DIR: REFERENCE_DIR_IN_BUNDLE,
      }),
      // Measured locally: a 190,028-row, 19 MB debt CSV (Ho Chi Minh City at 1.5 M debtors
      // nationwide) took 185 s on a busy 2-core machine with 454 MB peak RSS for the whole
      // process. 2048 MB buys more than one vCPU and headroom; 10 minutes covers the largest file.
      memorySize: 2048,
      timeout: Duration.minutes(10),
      // Bounded so a mass re-upload cannot take the account's concurrency from other functions.
      reservedConcurrentExecutions: 10,
      failureQueue: this.failures.queue,
      retryAttempts: props.retryAttempts,
      removalPolicy: props.removalPolicy,
    });
    props.uploads.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(this.fn.fn), {
      prefix: UPLOADS_PREFIX,
    });
    // A sign-off record (written by the upload API) changes which upload counts: the ingest,
    // which alone writes the lake, settles the reports it covers (pipeline/ingest/settle-approval.ts).
    props.lake.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(this.fn.fn), {
      prefix: APPROVALS_PREFIX,
    });
    this.grantAccess(props);
  }

  private grantAccess(props: IngestPipelineProps): void {
    const role = this.fn.role;
    const uploadObjects = props.uploads.arnForObjects(`${UPLOADS_PREFIX}*`);
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [uploadObjects],
      }),
    );
    // summaries/: the province-month's summary the ingest writes beside each lake object.
    const lakePrefixes = [LAKE_PREFIX, SUMMARIES_PREFIX, LEDGER_PREFIX, RECEIPTS_PREFIX];
    const lakeObjects = lakePrefixes.map((p) => props.lake.arnForObjects(`${p}*`));
    role.addToPolicy(
      new iam.PolicyStatement({
        // The ingest reads and writes lake objects; it never deletes one (replay, run by an operator, does).
        actions: ['s3:GetObject', 's3:PutObject'],
        resources: lakeObjects,
      }),
    );
    // The national targets a coverage upload is checked against: the one object, read only.
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [props.lake.arnForObjects(TARGETS_KEY)],
      }),
    );
    // A compacted month's records, archived (pipeline/ledger/compact-ledger-month.ts): read, as the
    // ledger of their province-month, never written by the ingest (compaction moves them there).
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [props.lake.arnForObjects(`${LEDGER_CLOSED_PREFIX}*`)],
      }),
    );
    // Sign-off records are read, never written, by the ingest: they decide which upload counts.
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [props.lake.arnForObjects(`${APPROVALS_PREFIX}*`)],
      }),
    );
    // attempts/: one marker per validation, written before and deleted once the validator returns,
    // so a file that kills the validator is parked, not retried forever. The one delete the ingest makes.
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject', 's3:DeleteObject'],
        resources: [props.lake.arnForObjects(`${ATTEMPTS_PREFIX}*`)],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.lake.bucketArn] }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
        resources: [props.key.keyArn],
      }),
    );
    const reason = 'Object keys under a pipeline prefix are not known in advance (one per province upload).';
    Validations.of(role).acknowledge(
      { id: objectPrefixFinding(props.uploads, UPLOADS_PREFIX), reason },
      ...[...lakePrefixes, LEDGER_CLOSED_PREFIX, ATTEMPTS_PREFIX, APPROVALS_PREFIX].map((p) => ({
        id: objectPrefixFinding(props.lake, p),
        reason,
      })),
    );
  }
}
