import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations, type Size } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where the bundles carry reference/ (runtimeCopyCommands): the functions' VSS_REFERENCE_DIR. */
export const REFERENCE_DIR_IN_BUNDLE = '/var/task/reference';

/**
 * Packages copied into the bundle as they are: esbuild cannot bundle DuckDB's native binding,
 * so @duckdb/node-bindings stays external and its runtime closure travels beside the code.
 * @duckdb/node-api, 124 CommonJS modules, is bundled: imported from an ES module, Node would
 * scan each one's source for its export names at every cold start.
 */
export const DUCKDB_RUNTIME_PACKAGES = [
  '@duckdb/node-bindings',
  '@duckdb/node-bindings-linux-x64',
  'detect-libc',
] as const;

export interface DuckdbFunctionProps {
  /** Handler file, relative to the repository root (it must export `handler`). */
  readonly entry: string;
  readonly description: string;
  /** From stackEnvironment (functions/environment.ts), with VSS_REFERENCE_DIR: REFERENCE_DIR_IN_BUNDLE. */
  readonly environment: Record<string, string>;
  /** Where asynchronous invocations go once retries are spent (with the event, for replay). */
  readonly failureQueue: sqs.IQueue;
  /** Retries of a failed asynchronous invocation. Default: 2 (Lambda's maximum). */
  readonly retryAttempts?: number;
  /** Default: 1024 MB (DuckDB's working memory comes out of this). */
  readonly memorySize?: number;
  /** Default: 2 minutes. */
  readonly timeout?: Duration;
  /** Space in /tmp. Default: 512 MiB, Lambda's own (what costs nothing extra). */
  readonly ephemeralStorageSize?: Size;
  /** Concurrent executions kept for (and allowed to) this function. Default: none reserved. */
  readonly reservedConcurrentExecutions?: number;
  /** Days the function's logs are kept. Default: one year. */
  readonly logRetention?: logs.RetentionDays;
  /** Removal policy of the log group. Default: RETAIN. */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A Node.js Lambda bundled as ESM with DuckDB and the province reference files beside it.
 * Its role starts empty but for writing to its own log group: callers grant the rest.
 */
export class DuckdbFunction extends Construct {
  readonly fn: nodejs.NodejsFunction;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: DuckdbFunctionProps) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.description} (execution role)`,
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    this.acknowledgeFindings();
    this.fn = new nodejs.NodejsFunction(this, 'Function', {
      entry: `${REPO_ROOT}${props.entry}`,
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: `${REPO_ROOT}package-lock.json`,
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      // The registry's arm64 DuckDB binding lags the x64 one.
      architecture: lambda.Architecture.X86_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.minutes(2),
      ephemeralStorageSize: props.ephemeralStorageSize,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      role: this.role,
      logGroup,
      onFailure: new destinations.SqsDestination(props.failureQueue),
      retryAttempts: props.retryAttempts ?? 2,
      maxEventAge: Duration.hours(6),
      tracing: lambda.Tracing.ACTIVE,
      environment: props.environment,
      bundling: {
        format: nodejs.OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        // Bundled CommonJS dependencies call require(); ESM has none unless we make one.
        banner:
          "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        // The AWS SDK is bundled too: the version tested here rather than the runtime's, and a
        // shorter cold start (the ingest module's import 0.249 → 0.221 s, measured).
        externalModules: ['@duckdb/node-bindings'],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) => runtimeCopyCommands(outputDir),
        },
      },
    });
  }

  private acknowledgeFindings(): void {
    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-L1',
        reason: 'Pinned to nodejs22.x, the newest runtime the DuckDB binding and our code are tested on.',
      },
      {
        id: 'Serverless-LambdaLatestVersion',
        reason: 'Pinned to nodejs22.x, the newest runtime the DuckDB binding and our code are tested on.',
      },
      {
        id: 'Serverless-LambdaDLQ',
        reason: 'Failed asynchronous events go to an on-failure destination queue, which supersedes a DLQ.',
      },
      {
        id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
        reason: 'Granted by the CDK so the function can send to its KMS-encrypted failure queue.',
      },
      {
        id: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]',
        reason: 'Granted by the CDK so the function can send to its KMS-encrypted failure queue.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions.',
      },
    );
  }
}

/** Shell commands that put DuckDB's packages and the reference data into a bundle folder. */
export function runtimeCopyCommands(outputDir: string): string[] {
  const modules = `${outputDir}/node_modules`;
  return [
    `mkdir -p "${modules}/@duckdb"`,
    ...DUCKDB_RUNTIME_PACKAGES.map((pkg) => `cp -R "${REPO_ROOT}node_modules/${pkg}" "${modules}/${pkg}"`),
    `cp -R "${REPO_ROOT}reference" "${outputDir}/reference"`,
  ];
}
