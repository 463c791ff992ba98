import { Annotations, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { provinces } from '../pipeline/reference/provinces.ts';
import { AthenaWorkgroup } from './constructs/athena-workgroup.ts';
import { CompactionSchedule } from './constructs/compaction-schedule.ts';
import { DashboardDistribution } from './constructs/dashboard-distribution.ts';
import { DashboardSignIn } from './constructs/dashboard-sign-in.ts';
import { GlueCatalog } from './constructs/glue-catalog.ts';
import { IngestPipeline } from './constructs/ingest-pipeline.ts';
import { OperationsAlarms } from './constructs/operations-alarms.ts';
import { ReferenceData } from './constructs/reference-data.ts';
import { TargetsSeed } from './constructs/targets-seed.ts';
import { RefreshSchedule, type RefreshEngine } from './constructs/refresh-schedule.ts';
import { RefreshTrigger } from './constructs/refresh-trigger.ts';
import { Storage } from './constructs/storage.ts';
import { UploadAccess } from './constructs/upload-access.ts';
import { UploadApi } from './constructs/upload-api.ts';
import { UploadCors } from './constructs/upload-cors.ts';
import { acknowledgeFrameworkFindings } from './framework-findings.ts';
import { referenceTables } from './reference-rows.ts';
import { removalPolicyFor } from './removal.ts';
import { currentProvinceCodes } from './upload-access.ts';

export interface VssStackProps extends StackProps {
  /** Deployment name (`dev`, `prod`, ...): names the Athena workgroup `vss-<envName>`. */
  readonly envName: string;
  /** Delete buckets, key, queues and logs with the stack (never the uploads). Default: false. */
  readonly destroyOnRemoval?: boolean;
  /** Where the refresh runs the dashboard queries. Default: duckdb (in the function). */
  readonly refreshEngine?: RefreshEngine;
  /** Province codes for partition projection. Default: every code of both generations. */
  readonly provinceCodes?: readonly string[];
  /** Handler files relative to the repository root. Default: functions/<name>.ts. */
  readonly entries?: { ingest?: string; refresh?: string; uploadApi?: string; compact?: string };
}

/** The whole platform in one stack: storage, ingest, refresh, catalog, Athena and dashboard. */
export class VssStack extends Stack {
  readonly storage: Storage;
  readonly ingest: IngestPipeline;
  readonly refresh: RefreshSchedule;
  readonly catalog: GlueCatalog;
  readonly workgroup: AthenaWorkgroup;
  readonly dashboard: DashboardDistribution;
  readonly uploadAccess: UploadAccess;
  readonly signIn: DashboardSignIn;
  readonly refreshTrigger: RefreshTrigger;
  readonly compaction: CompactionSchedule;
  readonly alarms: OperationsAlarms;
  readonly referenceData: ReferenceData;
  readonly targetsSeed: TargetsSeed;
  readonly uploadApi: UploadApi;
  readonly uploadCors: UploadCors;

  constructor(scope: Construct, id: string, props: VssStackProps) {
    super(scope, id, props);
    const removalPolicy = removalPolicyFor(props.destroyOnRemoval ?? false);
    const storage = (this.storage = new Storage(this, 'Storage', { removalPolicy }));
    const { key, uploads, lake, site, logs, queryResults } = storage;

    this.ingest = new IngestPipeline(this, 'IngestPipeline', {
      uploads,
      lake,
      key,
      removalPolicy,
      entry: props.entries?.ingest,
    });
    const reference = referenceTables(provinces());
    this.catalog = new GlueCatalog(this, 'Catalog', {
      lake,
      provinceCodes: props.provinceCodes ?? provinces().units.map((u) => u.code),
      reference,
    });
    this.workgroup = new AthenaWorkgroup(this, 'Athena', {
      name: `vss-${props.envName}`,
      results: queryResults,
      key,
    });
    this.refresh = new RefreshSchedule(this, 'RefreshSchedule', {
      lake,
      site,
      key,
      removalPolicy,
      entry: props.entries?.refresh,
      athena:
        props.refreshEngine === 'athena'
          ? {
              workGroup: this.workgroup.workgroup.name,
              database: this.catalog.databaseName,
              results: queryResults,
            }
          : undefined,
    });
    this.refreshTrigger = new RefreshTrigger(this, 'RefreshTrigger', {
      lake,
      refresh: this.refresh.fn.fn,
      deadLetterQueue: this.refresh.failures.queue,
      removalPolicy,
    });
    this.compaction = new CompactionSchedule(this, 'Compaction', {
      lake,
      key,
      removalPolicy,
      entry: props.entries?.compact,
    });
    this.referenceData = new ReferenceData(this, 'ReferenceData', { lake, key, tables: reference });
    this.targetsSeed = new TargetsSeed(this, 'TargetsSeed', { lake, key, removalPolicy });
    this.uploadAccess = new UploadAccess(this, 'UploadAccess', {
      envName: props.envName,
      uploads,
      key,
      registry: provinces(),
    });
    this.signIn = new DashboardSignIn(this, 'SignIn', {
      envName: props.envName,
      provinceCodes: currentProvinceCodes(provinces()),
      removalPolicy,
    });
    this.uploadApi = new UploadApi(this, 'UploadApi', {
      uploads,
      lake,
      key,
      sessionSecretName: this.signIn.secretName,
      entry: props.entries?.uploadApi,
      removalPolicy,
    });
    this.alarms = new OperationsAlarms(this, 'Alarms', {
      key,
      ingest: this.ingest.fn.fn,
      refresh: this.refresh.fn.fn,
      uploadApi: this.uploadApi.fn,
      compact: this.compaction.fn.fn,
      queueAlarms: [this.ingest.failures.alarm, this.refresh.failures.alarm, this.compaction.failures.alarm],
    });
    this.dashboard = new DashboardDistribution(this, 'Dashboard', {
      site,
      logs,
      signIn: { viewerFunction: this.signIn.viewerFunction, sessionUrl: this.signIn.sessionUrl },
      uploadApi: { url: this.uploadApi.url, uploadsOrigin: `https://${uploads.bucketRegionalDomainName}` },
    });
    this.uploadCors = new UploadCors(this, 'UploadCors', {
      uploads,
      distribution: this.dashboard.distribution,
      removalPolicy,
    });
    this.signIn.attachClient(this.dashboard.distribution);
    acknowledgeFrameworkFindings(this);
    // Naming the distribution in the key policy would make key, bucket and distribution depend
    // on each other; the wildcard is limited to this account's distributions and kms:Decrypt.
    Annotations.of(storage).acknowledgeWarning(
      '@aws-cdk/aws-cloudfront-origins:wildcardKeyPolicyForOac',
      'CloudFront may decrypt with the data key for distributions of this account only.',
    );

    new CfnOutput(this, 'UploadsBucketName', { value: uploads.bucketName });
    new CfnOutput(this, 'LakeBucketName', { value: lake.bucketName });
    new CfnOutput(this, 'SiteBucketName', { value: site.bucketName });
    new CfnOutput(this, 'AthenaWorkGroup', { value: `vss-${props.envName}` });
    // For the checks after a deploy (README): run one refresh by hand.
    new CfnOutput(this, 'RefreshFunctionName', { value: this.refresh.fn.fn.functionName });
    // To compact by hand (README), e.g. a backlog of years in steps of `before`.
    new CfnOutput(this, 'CompactFunctionName', { value: this.compaction.fn.fn.functionName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
    new CfnOutput(this, 'UserPoolId', { value: this.signIn.userPool.userPoolId });
    new CfnOutput(this, 'SessionKeyStoreArn', { value: this.signIn.keyStore.keyValueStoreArn });
    new CfnOutput(this, 'SessionSecretName', { value: this.signIn.secretName });
    new CfnOutput(this, 'DashboardUrl', {
      value: `https://${this.dashboard.distribution.distributionDomainName}/`,
    });
  }
}
