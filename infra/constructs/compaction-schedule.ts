import type { RemovalPolicy } from 'aws-cdk-lib';
import { Duration, Size, Stack, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import {
  LAKE_PREFIX,
  LEDGER_CLOSED_PREFIX,
  LEDGER_COMPACTED_PREFIX,
  LEDGER_PREFIX,
  SUMMARIES_PREFIX,
} from '../../core/contracts/layout.ts';
import { stackEnvironment } from '../../functions/environment.ts';
import { objectPrefixFinding } from '../nag-ids.ts';
import { DuckdbFunction } from './duckdb-function.ts';
import { FailureQueue } from './failure-queue.ts';

/**
 * The lake bucket prefixes compaction lists, reads, writes and removes under (pipeline/lake/
 * compaction-sources.ts: the per-province objects and the compacted one beside them, its
 * manifest inside the Parquet object itself). Every grant of the function is built from this
 * one list, so a kind of object compacted later is one more line here.
 */
export const COMPACTION_PREFIXES: readonly string[] = [LAKE_PREFIX, SUMMARIES_PREFIX];

/**
 * What the ledger's compaction does (pipeline/ledger/compact-ledger-month.ts): lists and reads a
 * closed month's JSON records under ledger/ and those archived under ledger-closed/, writes the
 * month's compacted object, copies each record to the archive and removes it from ledger/. It
 * never writes under ledger/: a record is only ever moved out of it.
 */
export const LEDGER_COMPACTION = {
  list: [LEDGER_PREFIX, LEDGER_CLOSED_PREFIX],
  read: [LEDGER_PREFIX, LEDGER_CLOSED_PREFIX],
  write: [LEDGER_CLOSED_PREFIX, LEDGER_COMPACTED_PREFIX],
  remove: [LEDGER_PREFIX],
} as const;

/** Vietnam's offset from UTC; it keeps no daylight saving time, so the offset never moves. */
const VIETNAM_UTC_OFFSET_HOURS = 7;

/**
 * The UTC fields of an EventBridge rule cron (rules have no time zone) that fire on day 1 of every
 * month at `hour`:00 Vietnam time. Before 07:00 in Vietnam it is still the previous day in UTC,
 * the last of the previous month, which cron spells `L`.
 */
export function vietnamDayOneCron(hour: number): { day: string; hour: string; minute: string } {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`not an hour: ${hour}`);
  const utc = hour - VIETNAM_UTC_OFFSET_HOURS;
  return utc >= 0
    ? { day: '1', hour: String(utc), minute: '0' }
    : { day: 'L', hour: String(utc + 24), minute: '0' };
}

export interface CompactionScheduleProps {
  readonly lake: s3.IBucket;
  /** The data key: the lake's objects and the failure queue are encrypted with it. */
  readonly key: IKey;
  /** Default: functions/compact.ts. */
  readonly entry?: string;
  /**
   * The hour of day 1 of every month, Vietnam time, when the closed months are compacted.
   * Default: 2 (02:00), when no province uploads, so the run is done before the working day.
   */
  readonly vietnamHour?: number;
  /** Default: 15 minutes, Lambda's maximum (a busy month is minutes of GETs, a DuckDB write and DELETEs). */
  readonly timeout?: Duration;
  /** Default: 3008 MB (DuckDB holds one dataset-month's rows while it writes them in one object). */
  readonly memorySize?: number;
  /**
   * Default: 2 GiB: one dataset-month at a time in /tmp, downloaded (its per-province objects
   * and the compacted one) and written again, about three times the month's Parquet.
   */
  readonly ephemeralStorageSize?: Size;
  /**
   * Retries of a failed run. Default: 1: a rerun is safe (months done are passed over, a month
   * stopped halfway converges) and continues a run that timed out; then the failure queue.
   */
  readonly retryAttempts?: number;
  /** Default: one year. */
  readonly logRetention?: logs.RetentionDays;
  /** Default: RETAIN. */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The compaction function (every closed month of the lake into one object per dataset-month)
 * and its monthly rule. One run at a time: two compactions of the same month would each write
 * the compacted object from what they read, and the later could drop the rows of a province the
 * earlier removed, so the function's reserved concurrency is 1.
 */
export class CompactionSchedule extends Construct {
  readonly fn: DuckdbFunction;
  readonly failures: FailureQueue;
  readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: CompactionScheduleProps) {
    super(scope, id);
    this.failures = new FailureQueue(this, 'Failures', {
      encryptionKey: props.key,
      purpose: 'lake compaction',
      removalPolicy: props.removalPolicy,
    });
    this.fn = new DuckdbFunction(this, 'Compact', {
      entry: props.entry ?? 'functions/compact.ts',
      description: 'Compacts the closed months of the lake into one object per dataset and month',
      environment: stackEnvironment('compact', { LAKE_BUCKET: props.lake.bucketName }),
      memorySize: props.memorySize ?? 3008,
      timeout: props.timeout ?? Duration.minutes(15),
      ephemeralStorageSize: props.ephemeralStorageSize ?? Size.gibibytes(2),
      reservedConcurrentExecutions: 1,
      retryAttempts: props.retryAttempts ?? 1,
      failureQueue: this.failures.queue,
      logRetention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    // Named, so the data key's policy can name the rule without depending on it (the key would
    // otherwise wait for the rule, which waits for the function, whose policy names the key).
    const ruleName = `${Stack.of(this).stackName}-lake-compaction`;
    this.rule = new events.Rule(this, 'Monthly', {
      ruleName,
      description: 'Monthly compaction of the closed months of the lake, day 1 Vietnam time',
      schedule: events.Schedule.cron(vietnamDayOneCron(props.vietnamHour ?? 2)),
      targets: [
        new targets.LambdaFunction(this.fn.fn, {
          retryAttempts: 2,
          maxEventAge: Duration.hours(6),
          deadLetterQueue: this.failures.queue,
        }),
      ],
    });
    this.allowUndeliveredEvents(props.key, ruleName);
    this.grantAccess(props);
  }

  /** EventBridge puts an event it could not deliver in the KMS-encrypted queue: the key must let it. */
  private allowUndeliveredEvents(key: IKey, ruleName: string): void {
    const ruleArn = Stack.of(this).formatArn({ service: 'events', resource: 'rule', resourceName: ruleName });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('events.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { ArnEquals: { 'aws:SourceArn': ruleArn } },
      }),
    );
  }

  private grantAccess(props: CompactionScheduleProps): void {
    const role = this.fn.role;
    const objects = COMPACTION_PREFIXES.map((p) => props.lake.arnForObjects(`${p}*`));
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [props.lake.bucketArn],
        conditions: {
          StringLike: {
            's3:prefix': [...COMPACTION_PREFIXES, ...LEDGER_COMPACTION.list].map((p) => `${p}*`),
          },
        },
      }),
    );
    // GetObject also answers the HEAD that checks a folded object is unchanged before removal.
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: objects,
      }),
    );
    const ledger = (prefixes: readonly string[]) => prefixes.map((p) => props.lake.arnForObjects(`${p}*`));
    // The copy to the archive is a GetObject of the record and a PutObject of its archived key.
    role.addToPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ledger(LEDGER_COMPACTION.read) }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: ledger(LEDGER_COMPACTION.write) }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({ actions: ['s3:DeleteObject'], resources: ledger(LEDGER_COMPACTION.remove) }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: [props.key.keyArn],
      }),
    );
    const reason =
      'Compaction reads, writes and removes the objects of every closed dataset-month under this prefix.';
    const ledgerPrefixes = new Set([
      ...LEDGER_COMPACTION.read,
      ...LEDGER_COMPACTION.write,
      ...LEDGER_COMPACTION.remove,
    ]);
    Validations.of(role).acknowledge(
      ...[...COMPACTION_PREFIXES, ...ledgerPrefixes].map((p) => ({
        id: objectPrefixFinding(props.lake, p),
        reason,
      })),
    );
  }
}
