import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { presignUpload } from '../../pipeline/upload-api/presign-upload.ts';
import { createS3Client } from '../../pipeline/storage/s3-client.ts';
import { UPLOAD_PUT_HEADERS } from '../../infra/constructs/upload-cors.ts';
import {
  bucketPolicyStatements,
  createResolver,
  REGION,
  keyPolicyStatements,
  roleStatements,
} from './template-resolver.ts';
import { evaluate, type Decision } from './iam-simulator.ts';
import { resourcesOfType, synthForTemplate, type Synthesized } from './synth.ts';

let s: Synthesized;
let resolve: (v: unknown) => string;
beforeAll(() => {
  // The synth runs the nag packs and throws on an unacknowledged finding.
  s = synthForTemplate();
  resolve = createResolver(s.template);
});

const idOf = (c: { node: { defaultChild?: unknown } }) => s.stack.getLogicalId(c.node.defaultChild as never);
const arnOf = (bucket: { node: { defaultChild?: unknown } }) => `arn:aws:s3:::${idOf(bucket).toLowerCase()}`;

/** What the upload API's role may do, with the bucket's own policy (its deletion ban) applied. */
async function apiMay(
  action: string,
  bucket: 'uploads' | 'lake',
  key: string,
  context: Record<string, string> = {},
) {
  const roleId = idOf(s.stack.uploadApi.role);
  const target = s.stack.storage[bucket];
  return evaluate(
    roleStatements(s.template, roleId),
    bucketPolicyStatements(s.template, idOf(target)),
    {
      principalArn: resolve({ 'Fn::GetAtt': [roleId, 'Arn'] }),
      action,
      resource: key === '' ? arnOf(target) : `${arnOf(target)}/${key}`,
      context: { 'aws:SecureTransport': 'true', ...context },
    },
    resolve,
  );
}

interface Behavior {
  PathPattern: string;
  CachePolicyId: string;
  AllowedMethods: string[];
  TargetOriginId: string;
  FunctionAssociations?: { EventType: string }[];
}

function distributionConfig() {
  const dist = Object.values(resourcesOfType(s.template, 'AWS::CloudFront::Distribution'))[0];
  return dist?.Properties?.DistributionConfig as {
    CacheBehaviors: Behavior[];
    Origins: { Id: string; DomainName: unknown; OriginAccessControlId?: unknown }[];
  };
}

describe('upload API', () => {
  it('is a function on nodejs22.x with reserved concurrency, the buckets and the session secret by name', async () => {
    const fn = resourcesOfType(s.template, 'AWS::Lambda::Function')[idOf(s.stack.uploadApi.fn)];
    expect(fn?.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      ReservedConcurrentExecutions: 20,
      TracingConfig: { Mode: 'Active' },
      Environment: {
        Variables: {
          UPLOADS_BUCKET: { Ref: idOf(s.stack.storage.uploads) },
          LAKE_BUCKET: { Ref: idOf(s.stack.storage.lake) },
          SESSION_SECRET_NAME: 'vss/test/dashboard-session',
        },
      },
    });
  });

  it('is reached through CloudFront at /api/*: never cached, all methods, the session check first', async () => {
    const config = distributionConfig();
    const api = config.CacheBehaviors.find((b) => b.PathPattern === '/api/*');
    // AWS's managed CachingDisabled policy
    expect(api?.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(api?.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'OPTIONS']));
    expect(api?.FunctionAssociations?.map((f) => f.EventType)).toEqual(['viewer-request']);
    const origin = config.Origins.find((o) => o.Id === api?.TargetOriginId);
    expect(JSON.stringify(origin?.DomainName)).toContain(
      s.stack.getLogicalId(s.stack.uploadApi.url.node.defaultChild as never),
    );
    expect(origin?.OriginAccessControlId).toBeDefined();
  });

  it('answers only CloudFront: an IAM-authenticated URL that the distribution alone may invoke', async () => {
    const url = resourcesOfType(s.template, 'AWS::Lambda::Url')[idOf(s.stack.uploadApi.url)];
    expect(url?.Properties?.AuthType).toBe('AWS_IAM');
    const names = [idOf(s.stack.uploadApi.fn), idOf(s.stack.uploadApi.url)];
    const permissions = Object.values(resourcesOfType(s.template, 'AWS::Lambda::Permission')).filter((p) =>
      names.some((n) => JSON.stringify(p.Properties?.FunctionName).includes(`"${n}"`)),
    );
    expect(permissions.map((p) => p.Properties?.Principal)).toEqual(
      permissions.map(() => 'cloudfront.amazonaws.com'),
    );
    expect(permissions.length).toBe(2); // invoke, and invoke through the URL
    for (const p of permissions) {
      expect(JSON.stringify(p.Properties?.SourceArn)).toContain(idOf(s.stack.dashboard.distribution));
    }
  });

  it('may put and read uploads/, but not write the lake, write elsewhere, or delete anything', async () => {
    const key = 'uploads/debt/2026-01/79/bao-cao.xlsx';
    const decisions: Record<string, Decision> = {
      putUpload: await apiMay('s3:PutObject', 'uploads', key),
      readUpload: await apiMay('s3:GetObjectVersion', 'uploads', key),
      putOutsideUploads: await apiMay('s3:PutObject', 'uploads', 'lake/debt/x.parquet'),
      putLake: await apiMay('s3:PutObject', 'lake', 'lake/debt/period=2026-01/province=79/part.parquet'),
      putReceipt: await apiMay('s3:PutObject', 'lake', 'receipts/debt/2026-01/79/r.json'),
      deleteUpload: await apiMay('s3:DeleteObject', 'uploads', key),
      deleteVersion: await apiMay('s3:DeleteObjectVersion', 'uploads', key),
    };
    expect(decisions).toEqual({
      putUpload: 'Allow',
      readUpload: 'Allow',
      putOutsideUploads: 'ImplicitDeny',
      putLake: 'ImplicitDeny',
      putReceipt: 'ImplicitDeny',
      deleteUpload: 'ExplicitDeny',
      deleteVersion: 'ExplicitDeny',
    });
  });

  it("reads receipts and the ledger, not the lake's rows", async () => {
    expect(await apiMay('s3:GetObject', 'lake', 'receipts/debt/2026-01/79/r.json')).toBe('Allow');
    expect(await apiMay('s3:GetObject', 'lake', 'ledger/debt/2026-01/79/u.json')).toBe('Allow');
    expect(await apiMay('s3:ListBucket', 'lake', '', { 's3:prefix': 'ledger/debt/2026-01/79/' })).toBe(
      'Allow',
    );
    // A compacted month's records, archived: read and listed alike.
    expect(await apiMay('s3:GetObject', 'lake', 'ledger-closed/debt/2025-08/79/u.json')).toBe('Allow');
    expect(await apiMay('s3:ListBucket', 'lake', '', { 's3:prefix': 'ledger-closed/debt/2025-08/79/' })).toBe(
      'Allow',
    );
    expect(await apiMay('s3:GetObject', 'lake', 'ledger-compacted/debt/period=2025-08/records.parquet')).toBe(
      'ImplicitDeny',
    );
    expect(await apiMay('s3:ListBucket', 'lake', '', { 's3:prefix': 'lake/' })).toBe('ImplicitDeny');
    expect(await apiMay('s3:GetObject', 'lake', 'lake/debt/period=2026-01/province=79/part.parquet')).toBe(
      'ImplicitDeny',
    );
  });

  it('uses the data key only through S3', async () => {
    const roleId = idOf(s.stack.uploadApi.role);
    const keyArn = resolve({ 'Fn::GetAtt': [idOf(s.stack.storage.key), 'Arn'] });
    const keyPolicy = keyPolicyStatements(s.template, idOf(s.stack.storage.key));
    const may = (viaService?: string) =>
      evaluate(
        roleStatements(s.template, roleId),
        keyPolicy,
        {
          principalArn: resolve({ 'Fn::GetAtt': [roleId, 'Arn'] }),
          action: 'kms:GenerateDataKey',
          resource: keyArn,
          context: viaService ? { 'kms:ViaService': viaService } : {},
        },
        resolve,
      );
    expect(await may(`s3.${REGION}.amazonaws.com`)).toBe('Allow');
    expect(await may()).toBe('ImplicitDeny');
    expect(await may(`sqs.${REGION}.amazonaws.com`)).toBe('ImplicitDeny');
  });

  it("lets the page PUT to the uploads bucket's regional endpoint (CSP) from the distribution's origin (CORS)", async () => {
    const policy = Object.values(resourcesOfType(s.template, 'AWS::CloudFront::ResponseHeadersPolicy'))[0];
    const csp = JSON.stringify(policy?.Properties);
    expect(csp).toContain('connect-src');
    expect(csp).toContain(idOf(s.stack.storage.uploads));
    expect(csp).toContain('RegionalDomainName');
    const cors = Object.values(resourcesOfType(s.template, 'Custom::UploadsBucketCors'));
    expect(cors).toHaveLength(1);
    const create = JSON.stringify(cors[0]?.Properties?.Create);
    expect(create).toContain('putBucketCors');
    expect(create).toContain('\\"AllowedMethods\\":[\\"PUT\\"]');
    expect(create).toContain(idOf(s.stack.dashboard.distribution));
    expect(create).not.toContain('"*"');
  });

  it('notifies the operations topic when it fails a request or turns one away', async () => {
    for (const metric of ['Errors', 'Throttles']) {
      s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: metric,
        Namespace: 'AWS/Lambda',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: idOf(s.stack.uploadApi.fn) } }],
        Threshold: 1,
        AlarmActions: [{ Ref: idOf(s.stack.alarms.topic) }],
      });
    }
  });
});

describe('pre-signed upload URL in AWS', () => {
  afterEach(() => vi.unstubAllEnvs());

  it("points at the bucket's regional endpoint, the origin the CSP and CORS are written for", async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAEXAMPLEEXAMPLE00');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'example-secret-example-secret-example-00');
    const s3 = createS3Client({ region: REGION });
    const grant = await presignUpload(s3, {
      bucket: 'vss-uploads-example',
      key: 'uploads/debt/2026-01/79/bao-cao.csv',
      size: 10,
      sha256Hex: '0'.repeat(64),
      now: new Date('2026-02-03T04:05:06Z'),
    });
    s3.destroy();
    // bucketRegionalDomainName is <bucket>.s3.<region>.amazonaws.com
    expect(new URL(grant.url).origin).toBe(`https://vss-uploads-example.s3.${REGION}.amazonaws.com`);
    expect(Object.keys(grant.headers)).toContain('x-amz-checksum-sha256');
    for (const header of Object.keys(grant.headers)) {
      // Every header the page must send is one the bucket's CORS rule allows.
      expect(UPLOAD_PUT_HEADERS).toContain(header);
    }
  });
});
