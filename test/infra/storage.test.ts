import { beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { resourcesOfType, synthForTemplate, type Synthesized } from './synth.ts';

let s: Synthesized;
let destroyable: Synthesized;
beforeAll(() => {
  s = synthForTemplate();
  destroyable = synthForTemplate({ destroyOnRemoval: 'true' });
});

const logicalIdOf = (syn: Synthesized, bucket: { node: { defaultChild?: unknown } }) =>
  syn.stack.getLogicalId(bucket.node.defaultChild as never);

describe('buckets', () => {
  it('has the five buckets, all with public access blocked', () => {
    const buckets = resourcesOfType(s.template, 'AWS::S3::Bucket');
    expect(Object.keys(buckets)).toHaveLength(5);
    for (const b of Object.values(buckets)) {
      expect(b.Properties?.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
  });

  it('encrypts every data bucket with the one rotating customer key; only the log bucket uses S3 keys', () => {
    const buckets = resourcesOfType(s.template, 'AWS::S3::Bucket');
    const keys = resourcesOfType(s.template, 'AWS::KMS::Key');
    expect(Object.values(keys).map((k) => k.Properties?.EnableKeyRotation)).toEqual([true]);
    const keyId = Object.keys(keys)[0];
    const logsId = logicalIdOf(s, s.stack.storage.logs);
    for (const [id, b] of Object.entries(buckets)) {
      const rule = (b.Properties?.BucketEncryption as { ServerSideEncryptionConfiguration: unknown[] })
        .ServerSideEncryptionConfiguration[0];
      if (id === logsId) {
        expect(rule).toMatchObject({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } });
      } else {
        expect(rule).toMatchObject({
          ServerSideEncryptionByDefault: {
            SSEAlgorithm: 'aws:kms',
            KMSMasterKeyID: { 'Fn::GetAtt': [keyId, 'Arn'] },
          },
        });
      }
    }
  });

  it('denies every request without TLS on every bucket', () => {
    const buckets = Object.keys(resourcesOfType(s.template, 'AWS::S3::Bucket'));
    const policies = Object.values(resourcesOfType(s.template, 'AWS::S3::BucketPolicy'));
    for (const id of buckets) {
      const policy = policies.find(
        (p) => JSON.stringify(p.Properties?.Bucket) === JSON.stringify({ Ref: id }),
      );
      expect(policy, `bucket policy of ${id}`).toBeDefined();
      expect(policy?.Properties?.PolicyDocument).toMatchObject({
        Statement: expect.arrayContaining([
          expect.objectContaining({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      });
    }
  });

  it('disables ACLs everywhere but the log bucket, and logs every other bucket to it', () => {
    const buckets = resourcesOfType(s.template, 'AWS::S3::Bucket');
    const logsId = logicalIdOf(s, s.stack.storage.logs);
    for (const [id, b] of Object.entries(buckets)) {
      const ownership = (b.Properties?.OwnershipControls as { Rules: { ObjectOwnership: string }[] })
        .Rules[0];
      if (id === logsId) {
        expect(ownership?.ObjectOwnership).toBe('BucketOwnerPreferred');
        expect(b.Properties?.LoggingConfiguration).toBeUndefined();
      } else {
        expect(ownership?.ObjectOwnership).toBe('BucketOwnerEnforced');
        expect(b.Properties?.LoggingConfiguration).toMatchObject({ DestinationBucketName: { Ref: logsId } });
      }
    }
  });

  it('versions the uploads bucket and keeps it even when destruction is opted in', () => {
    for (const syn of [s, destroyable]) {
      syn.template.hasResource('AWS::S3::Bucket', {
        Properties: Match.objectLike({ VersioningConfiguration: { Status: 'Enabled' } }),
        DeletionPolicy: 'Retain',
      });
      const uploads = resourcesOfType(syn.template, 'AWS::S3::Bucket')[
        logicalIdOf(syn, syn.stack.storage.uploads)
      ];
      expect(uploads?.DeletionPolicy).toBe('Retain');
      expect(uploads?.Properties?.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    }
  });

  it('retains data by default and deletes it only with destroyOnRemoval=true', () => {
    const lakeOf = (syn: Synthesized) =>
      resourcesOfType(syn.template, 'AWS::S3::Bucket')[logicalIdOf(syn, syn.stack.storage.lake)];
    expect(lakeOf(s)?.DeletionPolicy).toBe('Retain');
    expect(lakeOf(destroyable)?.DeletionPolicy).toBe('Delete');
  });
});

describe('lifecycle rules', () => {
  type Rule = Record<string, unknown> & { Status: string };
  const rulesOf = (bucket: { node: { defaultChild?: unknown } }): Rule[] => {
    const b = resourcesOfType(s.template, 'AWS::S3::Bucket')[logicalIdOf(s, bucket)];
    return (b?.Properties?.LifecycleConfiguration as { Rules: Rule[] } | undefined)?.Rules ?? [];
  };

  it('moves uploads and their old versions to Glacier Instant Retrieval after 90 days and never expires them', () => {
    const rules = rulesOf(s.stack.storage.uploads);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      Status: 'Enabled',
      Transitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 90 }],
      NoncurrentVersionTransitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 90 }],
    });
    for (const rule of rules) {
      expect(Object.keys(rule).filter((k) => k.includes('Expiration'))).toEqual([]);
    }
  });

  it('expires Athena results after 30 days, access logs after a year, replaced lake Parquet after 90, marked workbooks after 1', () => {
    expect(rulesOf(s.stack.storage.queryResults)[0]).toMatchObject({ ExpirationInDays: 30 });
    expect(rulesOf(s.stack.storage.logs)[0]).toMatchObject({ ExpirationInDays: 365 });
    const lake = rulesOf(s.stack.storage.lake);
    expect(lake).toEqual([
      expect.objectContaining({
        Prefix: 'lake/',
        NoncurrentVersionExpiration: { NoncurrentDays: 90 },
      }),
      expect.objectContaining({
        Prefix: 'annotated/',
        ExpirationInDays: 1,
        NoncurrentVersionExpiration: { NoncurrentDays: 1 },
      }),
    ]);
    expect(lake[0]).not.toHaveProperty('ExpirationInDays');
  });
});
