import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface SecureBucketProps {
  /** Customer key for SSE-KMS. Default: none, meaning S3-managed keys (only for the log bucket). */
  readonly encryptionKey?: IKey;
  /** Where S3 server access logs go. Default: none (only the log bucket itself logs nowhere). */
  readonly accessLogs?: { bucket: s3.IBucket; prefix: string };
  /** Keep every version of every object. Default: true. */
  readonly versioned?: boolean;
  /** Default: RETAIN. */
  readonly removalPolicy?: RemovalPolicy;
  /** Default: BUCKET_OWNER_ENFORCED (ACLs disabled). */
  readonly objectOwnership?: s3.ObjectOwnership;
  /** Delete current objects this many days after creation. Default: never. */
  readonly expireAfterDays?: number;
  /** Further lifecycle rules (storage class moves, old versions). Default: none. */
  readonly lifecycleRules?: s3.LifecycleRule[];
}

/**
 * A bucket whose safety does not depend on the caller: TLS-only, no public access, ACLs off,
 * encrypted, noncurrent versions kept (uploads are evidence; nothing ages out unless asked).
 */
export class SecureBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: SecureBucketProps = {}) {
    super(scope, id);
    const key = props.encryptionKey;
    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: key ? s3.BucketEncryption.KMS : s3.BucketEncryption.S3_MANAGED,
      encryptionKey: key,
      // One data key per bucket instead of per object: far fewer KMS calls, same protection.
      bucketKeyEnabled: key !== undefined,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: props.objectOwnership ?? s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: props.versioned ?? true,
      serverAccessLogsBucket: props.accessLogs?.bucket,
      serverAccessLogsPrefix: props.accessLogs?.prefix,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      lifecycleRules: [...expiryRules(props.expireAfterDays), ...(props.lifecycleRules ?? [])],
    });
  }
}

function expiryRules(days: number | undefined): s3.LifecycleRule[] {
  if (days === undefined) return [];
  return [
    {
      id: `expire-after-${days}-days`,
      expiration: Duration.days(days),
      noncurrentVersionExpiration: Duration.days(days),
      abortIncompleteMultipartUploadAfter: Duration.days(1),
    },
  ];
}
