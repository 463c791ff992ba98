import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { SecureBucket } from './secure-bucket.ts';

export interface StorageProps {
  /** Removal policy of everything here except the uploads bucket. Default: RETAIN. */
  readonly removalPolicy?: RemovalPolicy;
  /** Days Athena query results are kept. Default: 30. */
  readonly queryResultDays?: number;
}

/**
 * The platform's buckets and their one customer key:
 * uploads (what provinces sent, versioned, kept forever whatever the removal policy),
 * lake (lake/, ledger/, receipts/), site (dashboard files), query results (Athena output),
 * and the access-log bucket every other bucket and the CDN log to.
 */
export class Storage extends Construct {
  readonly key: kms.Key;
  readonly logs: s3.Bucket;
  readonly uploads: s3.Bucket;
  readonly lake: s3.Bucket;
  readonly site: s3.Bucket;
  readonly queryResults: s3.Bucket;

  constructor(scope: Construct, id: string, props: StorageProps = {}) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.key = new kms.Key(this, 'DataKey', {
      description: 'Encrypts VSS uploads, lake, site data, query results and queues',
      enableKeyRotation: true,
      removalPolicy,
    });

    // S3 server access logging cannot deliver to SSE-KMS buckets, and CloudFront standard logging
    // writes through ACLs: this one bucket uses S3-managed keys and keeps ACLs for log delivery.
    const logs = new SecureBucket(this, 'AccessLogs', {
      removalPolicy,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
    });
    this.logs = logs.bucket;
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log target; logging it to itself would loop.',
    });

    const logged = (prefix: string) => ({ bucket: this.logs, prefix: `s3/${prefix}/` });
    this.uploads = new SecureBucket(this, 'Uploads', {
      encryptionKey: this.key,
      accessLogs: logged('uploads'),
      // Uploads are the evidence of what each province reported: never deleted with the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    }).bucket;
    this.lake = new SecureBucket(this, 'Lake', {
      encryptionKey: this.key,
      accessLogs: logged('lake'),
      removalPolicy,
    }).bucket;
    this.site = new SecureBucket(this, 'Site', {
      encryptionKey: this.key,
      accessLogs: logged('site'),
      removalPolicy,
    }).bucket;
    this.queryResults = new SecureBucket(this, 'QueryResults', {
      encryptionKey: this.key,
      accessLogs: logged('query-results'),
      versioned: false,
      expireAfterDays: props.queryResultDays ?? 30,
      removalPolicy,
    }).bucket;
  }
}
