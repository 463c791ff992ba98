import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Stack, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { objectPrefixFinding } from '../nag-ids.ts';
import { jsonLines, REFERENCE_PREFIX, referenceObjectKey, type ReferenceTable } from '../reference-rows.ts';

export interface ReferenceDataProps {
  readonly lake: s3.IBucket;
  readonly key: kms.IKey;
  readonly tables: readonly ReferenceTable[];
}

/**
 * Writes the reference tables' rows into the lake bucket at every deploy, so Athena's
 * vss.provinces, vss.datasets and vss.months always match the code that was deployed. Pruning
 * is limited to reference/, which nothing else writes.
 */
export class ReferenceData extends Construct {
  readonly deployment: s3deploy.BucketDeployment;

  constructor(scope: Construct, id: string, props: ReferenceDataProps) {
    super(scope, id);
    this.deployment = new s3deploy.BucketDeployment(this, 'Deployment', {
      sources: props.tables.map((t) =>
        s3deploy.Source.data(referenceObjectKey(t.name).slice(REFERENCE_PREFIX.length), jsonLines(t)),
      ),
      destinationBucket: props.lake,
      destinationKeyPrefix: REFERENCE_PREFIX,
      serverSideEncryption: s3deploy.ServerSideEncryption.AWS_KMS,
      serverSideEncryptionAwsKmsKeyId: props.key.keyId,
      contentType: 'application/x-ndjson',
      prune: true,
      memoryLimit: 256,
    });
    this.acknowledgeHandlerFindings(props.lake);
  }

  /**
   * The copy handler is a CDK singleton at stack level, built by the CDK (Python runtime, role,
   * grants); it runs only during a deploy, with the template's inputs, never on user data.
   */
  private acknowledgeHandlerFindings(lake: s3.IBucket): void {
    const stack = Stack.of(this);
    const handlers = stack.node.children.filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    const deployOnly = 'CDK deploy-time copy handler, run by CloudFormation only while deploying';
    for (const handler of handlers) {
      Validations.of(handler).acknowledge(
        {
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason: `${deployOnly}; the managed policy only lets it write its logs.`,
        },
        ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
          id: `AwsSolutions-IAM5[Action::${action}]`,
          reason: `${deployOnly}: the CDK grant reads the staged asset and writes and prunes reference/ in the lake.`,
        })),
        ...['kms:ReEncrypt*', 'kms:GenerateDataKey*'].map((action) => ({
          id: `AwsSolutions-IAM5[Action::${action}]`,
          reason: `${deployOnly}: writing KMS-encrypted objects needs data keys of the lake key.`,
        })),
        {
          id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
          reason: `${deployOnly}: reads the reference rows the CDK staged in its own assets bucket.`,
        },
        {
          id: objectPrefixFinding(lake, ''),
          reason: `${deployOnly}: the CDK grants the whole bucket; it writes and prunes only under reference/.`,
        },
        {
          id: 'AwsSolutions-L1',
          reason: `${deployOnly}; the CDK picks and updates its Python runtime with the aws-cdk-lib version.`,
        },
        {
          id: 'Serverless-LambdaLatestVersion',
          reason: `${deployOnly}; the CDK picks and updates its Python runtime with the aws-cdk-lib version.`,
        },
        {
          id: 'Serverless-LambdaDLQ',
          reason: `${deployOnly}: a failure fails the deploy and rolls it back, nothing is left to retry.`,
        },
        {
          id: 'Serverless-LambdaTracing',
          reason: `${deployOnly}: a few copies per deploy, its log group suffices.`,
        },
      );
    }
  }
}
