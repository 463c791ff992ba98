import type { RemovalPolicy } from 'aws-cdk-lib';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import { TimeZone } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DATASET_NAMES } from '../../core/datasets/index.ts';
import {
  APPROVALS_PREFIX,
  lakeDatasetPrefix,
  lakeMonthPrefix,
  LEDGER_COMPACTED_PREFIX,
  LEDGER_PREFIX,
  REFRESH_STATE_KEY,
  SUMMARIES_PREFIX,
  TARGETS_PREFIX,
} from '../../core/contracts/layout.ts';
import { PUBLISHED_MANIFEST_KEY } from '../../pipeline/refresh/publish-site-data.ts';
import { grantAthenaQueries, type AthenaQueryAccess } from '../athena-query-access.ts';
import { stackEnvironment } from '../../functions/environment.ts';
import { DuckdbFunction, REFERENCE_DIR_IN_BUNDLE } from './duckdb-function.ts';
import { FailureQueue } from './failure-queue.ts';
import { functionVersionsFinding, objectPrefixFinding } from '../nag-ids.ts';

/** The site bucket prefix the dashboard's data is written under. */
export const SITE_DATA_PREFIX = 'data/';

/** Which engine runs the dashboard queries: DuckDB in the function, or Athena over the catalog. */
export type RefreshEngine = 'duckdb' | 'athena';

export interface RefreshScheduleProps {
  readonly lake: s3.IBucket;
  readonly site: s3.IBucket;
  readonly key: IKey;
  /** Default: functions/refresh.ts. */
  readonly entry?: string;
  /**
   * When the monthly run happens, Vietnam time. Default: 01:00 on the 11th, after the reporting
   * deadline of the 10th, so the dashboard shows the closed month.
   */
  readonly schedule?: scheduler.ScheduleExpression;
  /** Default: 5 minutes (every query over the whole lake). */
  readonly timeout?: Duration;
  /** Default: RETAIN. */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Run the queries on Athena (workgroup, catalog, results bucket) instead of DuckDB over a copy
   * of the lake in /tmp. Without it the function gets no Athena, Glue or results rights.
   */
  readonly athena?: Omit<AthenaQueryAccess, 'lake'>;
}

/** The refresh function's environment: the buckets, and the engine with what it needs. */
export function refreshEnvironment(props: RefreshScheduleProps): Record<string, string> {
  const buckets = { LAKE_BUCKET: props.lake.bucketName, SITE_BUCKET: props.site.bucketName };
  if (!props.athena) {
    return stackEnvironment('refresh', {
      ...buckets,
      VSS_REFRESH_ENGINE: 'duckdb',
      VSS_REFERENCE_DIR: REFERENCE_DIR_IN_BUNDLE,
    });
  }
  return stackEnvironment('refresh', {
    ...buckets,
    VSS_REFRESH_ENGINE: 'athena',
    VSS_ATHENA_WORKGROUP: props.athena.workGroup,
    VSS_ATHENA_DATABASE: props.athena.database,
    VSS_REFERENCE_DIR: REFERENCE_DIR_IN_BUNDLE,
  });
}

/** The refresh function (dashboard queries → site data) and its monthly schedule. */
export class RefreshSchedule extends Construct {
  readonly fn: DuckdbFunction;
  readonly failures: FailureQueue;
  readonly schedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: RefreshScheduleProps) {
    super(scope, id);
    this.failures = new FailureQueue(this, 'Failures', {
      encryptionKey: props.key,
      purpose: 'dashboard refresh',
      removalPolicy: props.removalPolicy,
    });
    this.fn = new DuckdbFunction(this, 'Refresh', {
      entry: props.entry ?? 'functions/refresh.ts',
      description: 'Runs the dashboard queries over the lake and writes the site data',
      environment: refreshEnvironment(props),
      memorySize: 2048,
      timeout: props.timeout ?? Duration.minutes(5),
      failureQueue: this.failures.queue,
      removalPolicy: props.removalPolicy,
    });
    this.schedule = new scheduler.Schedule(this, 'Monthly', {
      description: 'Monthly dashboard refresh after the reporting deadline',
      schedule:
        props.schedule ??
        scheduler.ScheduleExpression.cron({
          minute: '0',
          hour: '1',
          day: '11',
          timeZone: TimeZone.ASIA_HO_CHI_MINH,
        }),
      target: new targets.LambdaInvoke(this.fn.fn, {
        retryAttempts: 2,
        deadLetterQueue: this.failures.queue,
      }),
    });
    this.grantAccess(props);
    if (props.athena) grantAthenaQueries(this.fn.role, { ...props.athena, lake: props.lake });
  }

  private grantAccess(props: RefreshScheduleProps): void {
    const role = this.fn.role;
    // On Athena the queries read the lake in place (grantAthenaQueries): only the sign-off
    // records are mirrored (they have no table), so only their prefix may be listed.
    const readPrefixes = props.athena ? [APPROVALS_PREFIX] : refreshReadPrefixes();
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: readPrefixes.map((p) => props.lake.arnForObjects(`${p}*`)),
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [props.lake.bucketArn],
        ...(props.athena ? { conditions: { StringLike: { 's3:prefix': [`${APPROVALS_PREFIX}*`] } } } : {}),
      }),
    );
    // Publishing writes data/ and reads back the manifest of what it last sent
    // (pipeline/refresh/publish-site-data.ts); it never lists or deletes there. On DuckDB a
    // container without the last refresh's files also reads the published files it splices
    // (pipeline/refresh/refresh-cold-start.ts, each checked against the manifest), and reads and
    // replaces the one object of the refresh state kept in the lake bucket (stored-state.ts).
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [props.site.arnForObjects(`${SITE_DATA_PREFIX}*`)],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [props.site.arnForObjects(props.athena ? PUBLISHED_MANIFEST_KEY : `${SITE_DATA_PREFIX}*`)],
      }),
    );
    if (!props.athena) {
      role.addToPolicy(
        new iam.PolicyStatement({
          actions: ['s3:GetObject', 's3:PutObject'],
          resources: [props.lake.arnForObjects(REFRESH_STATE_KEY)],
        }),
      );
    }
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
        resources: [props.key.keyArn],
      }),
    );
    const reason =
      'Object keys under a pipeline prefix are not known in advance (one per province-month or chart).';
    Validations.of(role).acknowledge(
      ...readPrefixes.map((p) => ({ id: objectPrefixFinding(props.lake, p), reason })),
      { id: objectPrefixFinding(props.site, SITE_DATA_PREFIX), reason },
    );
    // The scheduler's role is created by the CDK beside the stack's other children.
    const schedulerRole = this.schedule.node.scope === undefined ? undefined : findSchedulerRole(this);
    if (schedulerRole) {
      Validations.of(schedulerRole).acknowledge({
        id: functionVersionsFinding(this.fn.fn),
        reason:
          'The CDK grants invoke on the function and its versions; the schedule targets this function only.',
      });
    }
  }
}

/**
 * The lake prefixes the refresh reads: what it mirrors (refreshMirrorPrefixes in
 * pipeline/refresh/refresh.ts: the detail datasets but debt, summaries/, ledger/, ledger-compacted/, approvals/, targets/) and the employer-level
 * debt of one month (debtMonthPrefix). Spelled here so the app does not load the query engine;
 * test/infra/role-grants.test.ts holds the two equal.
 */
export function refreshReadPrefixes(): string[] {
  const detail = DATASET_NAMES.filter((d) => d !== 'debt').map(lakeDatasetPrefix);
  return [
    ...detail,
    SUMMARIES_PREFIX,
    LEDGER_PREFIX,
    LEDGER_COMPACTED_PREFIX,
    APPROVALS_PREFIX,
    TARGETS_PREFIX,
    lakeMonthPrefix('debt', ''),
  ];
}

function findSchedulerRole(scope: IConstruct): IConstruct | undefined {
  return Stack.of(scope).node.children.find((c) => c.node.id.startsWith('SchedulerRoleForTarget'));
}
