import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import * as cr from 'aws-cdk-lib/custom-resources';
import * as logs from 'aws-cdk-lib/aws-logs';
import { RemovalPolicy } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { TARGETS_KEY } from '../../core/contracts/layout.ts';
import { referenceDir } from '../../pipeline/reference/provinces.ts';
import { TARGETS_SEED_PARQUET } from '../../pipeline/reference/targets.ts';

export interface TargetsSeedProps {
  readonly lake: s3.IBucket;
  readonly key: kms.IKey;
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Writes the seed targets (reference/targets.parquet, the bytes the loader itself writes for the
 * seed: tools/write-targets.ts) as the lake's targets object when the stack is created, and never
 * again: a later deploy leaves the decisions loaded since alone. One copy, one object.
 */
export class TargetsSeed extends Construct {
  readonly resource: cr.AwsCustomResource;

  constructor(scope: Construct, id: string, props: TargetsSeedProps) {
    super(scope, id);
    const seed = new s3assets.Asset(this, 'Seed', { path: join(referenceDir(), TARGETS_SEED_PARQUET) });
    this.resource = new cr.AwsCustomResource(this, 'Copy', {
      resourceType: 'Custom::TargetsSeed',
      // On create only: an update (a new seed in the code) must not replace loaded decisions.
      onCreate: {
        service: 'S3',
        action: 'copyObject',
        parameters: {
          Bucket: props.lake.bucketName,
          Key: TARGETS_KEY,
          CopySource: `${seed.s3BucketName}/${seed.s3ObjectKey}`,
          ServerSideEncryption: 'aws:kms',
          SSEKMSKeyId: props.key.keyArn,
          ContentType: 'application/vnd.apache.parquet',
          MetadataDirective: 'REPLACE',
        },
        physicalResourceId: cr.PhysicalResourceId.of(`${props.lake.bucketName}-targets-seed`),
      },
      // Reads the staged seed, writes the one targets key; nothing else in the lake.
      policy: cr.AwsCustomResourcePolicy.fromStatements([
        new iam.PolicyStatement({
          actions: ['s3:GetObject'],
          resources: [seed.bucket.arnForObjects(seed.s3ObjectKey)],
        }),
        new iam.PolicyStatement({
          actions: ['s3:PutObject'],
          resources: [props.lake.arnForObjects(TARGETS_KEY)],
        }),
        new iam.PolicyStatement({ actions: ['kms:GenerateDataKey'], resources: [props.key.keyArn] }),
      ]),
      installLatestAwsSdk: false,
      memorySize: 256,
      logGroup: new logs.LogGroup(this, 'Logs', {
        retention: logs.RetentionDays.ONE_YEAR,
        removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      }),
    });
  }
}
