import { fileURLToPath } from 'node:url';
import { ArnFormat, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import {
  ANNOTATED_PREFIX,
  APPROVALS_PREFIX,
  LEDGER_CLOSED_PREFIX,
  LEDGER_PREFIX,
  RECEIPTS_PREFIX,
  UPLOADS_PREFIX,
} from '../../core/contracts/layout.ts';
import { stackEnvironment } from '../../functions/environment.ts';
import { objectPrefixFinding } from '../nag-ids.ts';
import { REFERENCE_DIR_IN_BUNDLE } from './duckdb-function.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface UploadApiProps {
  readonly uploads: s3.IBucket;
  readonly lake: s3.IBucket;
  readonly key: IKey;
  /** Name of the secret holding `sessionKey` (the sign-in's secret), read by name. */
  readonly sessionSecretName: string;
  /** Handler file relative to the repository root. Default: functions/upload-api.ts. */
  readonly entry?: string;
  /** Default: 20 (officers of 34 provinces, a few requests each while a file is checked). */
  readonly reservedConcurrentExecutions?: number;
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The provincial officers' upload API behind CloudFront at /api/*: a function URL that only
 * CloudFront may call (AWS_IAM + origin access control), answering for the province of the
 * signed session cookie. It hands out pre-signed PUT URLs, and a pre-signed URL carries the
 * rights of this function's role: the role may write anywhere under uploads/, so the key check
 * in the handler (the caller's own province, from the cookie) is the province boundary. The
 * role can neither write the lake nor delete anything.
 */
export class UploadApi extends Construct {
  readonly fn: nodejs.NodejsFunction;
  readonly role: iam.Role;
  readonly url: lambda.FunctionUrl;

  constructor(scope: Construct, id: string, props: UploadApiProps) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Upload API: pre-signed upload URLs, receipts and the ledger (execution role)',
    });
    this.grant(props, logGroup);
    this.fn = new nodejs.NodejsFunction(this, 'Function', {
      entry: `${REPO_ROOT}${props.entry ?? 'functions/upload-api.ts'}`,
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: `${REPO_ROOT}package-lock.json`,
      description: 'Upload API for provincial officers: pre-signed uploads, receipts, what is due',
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      // Marking a rejected workbook reads and writes it in memory.
      memorySize: 1024,
      // CloudFront waits 30 seconds for an origin by default.
      timeout: Duration.seconds(30),
      reservedConcurrentExecutions: props.reservedConcurrentExecutions ?? 20,
      role: this.role,
      logGroup,
      tracing: lambda.Tracing.ACTIVE,
      environment: stackEnvironment('uploadApi', {
        UPLOADS_BUCKET: props.uploads.bucketName,
        LAKE_BUCKET: props.lake.bucketName,
        SESSION_SECRET_NAME: props.sessionSecretName,
        VSS_REFERENCE_DIR: REFERENCE_DIR_IN_BUNDLE,
      }),
      bundling: {
        format: nodejs.OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        // Bundled CommonJS dependencies (exceljs) call require(); ESM has none unless we make one.
        banner:
          "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        externalModules: ['@aws-sdk/*'],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          // The province registry (which periods a province may report) is read from files.
          afterBundling: (_in: string, out: string) => [`cp -R "${REPO_ROOT}reference" "${out}/reference"`],
        },
      },
    });
    this.url = this.fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM });
    this.acknowledgeFindings(props);
  }

  private grant(props: UploadApiProps, logGroup: logs.LogGroup): void {
    const stack = Stack.of(this);
    const allow = (actions: string[], resources: string[], conditions?: Record<string, unknown>) =>
      this.role.addToPolicy(new iam.PolicyStatement({ actions, resources, conditions }));
    allow(['logs:CreateLogStream', 'logs:PutLogEvents'], [logGroup.logGroupArn]);
    // Signs the officers' PUTs; reads an upload back to mark its wrong cells.
    allow(['s3:PutObject'], [props.uploads.arnForObjects(`${UPLOADS_PREFIX}*`)]);
    allow(['s3:GetObject', 's3:GetObjectVersion'], [props.uploads.arnForObjects(`${UPLOADS_PREFIX}*`)]);
    // The ledger of a province-month: its JSON records under ledger/, and a compacted month's
    // archived under ledger-closed/ (listLedger reads both).
    allow(
      ['s3:GetObject'],
      [RECEIPTS_PREFIX, LEDGER_PREFIX, LEDGER_CLOSED_PREFIX].map((p) => props.lake.arnForObjects(`${p}*`)),
    );
    // Writes a marked workbook and signs a five-minute GET of it, instead of a body over 6 MB.
    allow(['s3:PutObject', 's3:GetObject'], [props.lake.arnForObjects(`${ANNOTATED_PREFIX}*`)]);
    // Sign-off: reads the month's records to check a request, writes the new one; nothing else.
    allow(['s3:GetObject', 's3:PutObject'], [props.lake.arnForObjects(`${APPROVALS_PREFIX}*`)]);
    allow(['s3:ListBucket'], [props.lake.bucketArn], {
      StringLike: { 's3:prefix': [`${LEDGER_PREFIX}*`, `${LEDGER_CLOSED_PREFIX}*`, `${APPROVALS_PREFIX}*`] },
    });
    allow(['kms:Decrypt', 'kms:GenerateDataKey'], [props.key.keyArn], {
      StringEquals: { 'kms:ViaService': `s3.${stack.region}.amazonaws.com` },
    });
    allow(
      ['secretsmanager:GetSecretValue'],
      [
        stack.formatArn({
          service: 'secretsmanager',
          resource: 'secret',
          resourceName: `${props.sessionSecretName}-??????`,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
    );
  }

  private acknowledgeFindings(props: UploadApiProps): void {
    const objects = 'Object keys under a pipeline prefix are not known in advance (one per upload).';
    Validations.of(this).acknowledge(
      { id: objectPrefixFinding(props.uploads, UPLOADS_PREFIX), reason: objects },
      { id: objectPrefixFinding(props.lake, RECEIPTS_PREFIX), reason: objects },
      { id: objectPrefixFinding(props.lake, LEDGER_PREFIX), reason: objects },
      { id: objectPrefixFinding(props.lake, LEDGER_CLOSED_PREFIX), reason: objects },
      { id: objectPrefixFinding(props.lake, ANNOTATED_PREFIX), reason: objects },
      { id: objectPrefixFinding(props.lake, APPROVALS_PREFIX), reason: objects },
      { id: 'AwsSolutions-L1', reason: 'Pinned to nodejs22.x, the runtime the platform is tested on.' },
      {
        id: 'Serverless-LambdaLatestVersion',
        reason: 'Pinned to nodejs22.x, the runtime the platform is tested on.',
      },
      {
        id: 'Serverless-LambdaDLQ',
        reason:
          'Invoked synchronously through CloudFront for a browser; a failed call is retried by the page.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions.',
      },
    );
  }
}
