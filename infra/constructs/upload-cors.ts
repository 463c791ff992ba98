import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

export interface UploadCorsProps {
  readonly uploads: s3.IBucket;
  readonly distribution: cloudfront.IDistribution;
  readonly removalPolicy?: RemovalPolicy;
}

/** Headers the portal's PUT carries (the pre-signed URL signs them; the browser adds the rest). */
export const UPLOAD_PUT_HEADERS = ['content-type', 'x-amz-checksum-sha256', 'x-amz-sdk-checksum-algorithm'];

/** The one CORS rule of the uploads bucket: PUT from the dashboard's origin, nothing else. */
export function uploadCorsRules(origin: string) {
  return [
    {
      ID: 'portal-put',
      AllowedMethods: ['PUT'],
      AllowedOrigins: [origin],
      AllowedHeaders: UPLOAD_PUT_HEADERS,
      ExposeHeaders: ['ETag', 'x-amz-version-id'],
      MaxAgeSeconds: 600,
    },
  ];
}

/**
 * Lets the portal page PUT into the uploads bucket from the distribution's origin. Set at deploy
 * time rather than on the bucket resource: the bucket would then name the distribution, whose
 * /api/* origin is the upload function, whose settings name the bucket, a circle CloudFormation
 * refuses. The bucket resource declares no CORS, so its own updates leave this rule alone.
 */
export class UploadCors extends Construct {
  readonly resource: cr.AwsCustomResource;

  constructor(scope: Construct, id: string, props: UploadCorsProps) {
    super(scope, id);
    const origin = `https://${props.distribution.distributionDomainName}`;
    const put: cr.AwsSdkCall = {
      service: 'S3',
      action: 'putBucketCors',
      parameters: {
        Bucket: props.uploads.bucketName,
        CORSConfiguration: { CORSRules: uploadCorsRules(origin) },
      },
      physicalResourceId: cr.PhysicalResourceId.of(`${props.uploads.bucketName}-cors`),
    };
    this.resource = new cr.AwsCustomResource(this, 'Rule', {
      resourceType: 'Custom::UploadsBucketCors',
      onCreate: put,
      onUpdate: put,
      onDelete: {
        service: 'S3',
        action: 'deleteBucketCors',
        parameters: { Bucket: props.uploads.bucketName },
      },
      // CORS is set with s3:PutBucketCORS (deleting it too); nothing else is granted.
      policy: cr.AwsCustomResourcePolicy.fromStatements([
        new iam.PolicyStatement({ actions: ['s3:PutBucketCORS'], resources: [props.uploads.bucketArn] }),
      ]),
      installLatestAwsSdk: false,
      memorySize: 256,
      logGroup: new logs.LogGroup(this, 'Logs', {
        retention: logs.RetentionDays.ONE_YEAR,
        removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      }),
    });
    this.acknowledgeHandlerFindings();
  }

  /** The handler is the CDK's singleton for AwsCustomResource, built and configured by the CDK. */
  private acknowledgeHandlerFindings(): void {
    const deployOnly = 'CDK deploy-time handler that sets the uploads bucket CORS rule while deploying';
    const handlers = Stack.of(this).node.children.filter((c) =>
      c.node.id.startsWith('AWS679f53fac002430cb0da5b7982bd2287'),
    );
    for (const handler of handlers) {
      Validations.of(handler).acknowledge(
        {
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason: `${deployOnly}; the managed policy only lets it write its logs.`,
        },
        {
          id: 'AwsSolutions-L1',
          reason: `${deployOnly}; the CDK picks its runtime with the aws-cdk-lib version.`,
        },
        {
          id: 'Serverless-LambdaLatestVersion',
          reason: `${deployOnly}; the CDK picks its runtime with the aws-cdk-lib version.`,
        },
        {
          id: 'Serverless-LambdaDLQ',
          reason: `${deployOnly}: a failure fails the deploy and rolls it back, nothing is left to retry.`,
        },
        {
          id: 'Serverless-LambdaTracing',
          reason: `${deployOnly}: one call per deploy, its log group suffices.`,
        },
      );
    }
  }
}
