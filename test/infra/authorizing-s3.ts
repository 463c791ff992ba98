/**
 * An S3 client that asks IAM first: every command is authorized against one function's
 * synthesized role (function-role.ts) before it is sent, and a denied one fails with S3's own
 * AccessDenied (403) instead of reaching the local server, as it would in AWS. Reads and writes
 * of an encrypted bucket also need the KMS rights S3 uses on the caller's behalf. A command this
 * file does not map to IAM actions throws, so a new kind of call cannot slip through unchecked.
 */
import { S3ServiceException, type S3Client } from '@aws-sdk/client-s3';
import type { FunctionRole, TemplateBucket } from './function-role.ts';
import { REGION } from './template-resolver.ts';

export interface AuthorizedCall {
  action: string;
  resource: string;
  decision: string;
}

interface Input {
  Bucket?: string;
  Key?: string;
  Prefix?: string;
  CopySource?: string;
  Delete?: { Objects?: { Key?: string }[] };
}

type Need = { action: string; resource: string; context?: Record<string, string> };

const object = (b: TemplateBucket, key: string | undefined) => `arn:aws:s3:::${b.name}/${key ?? ''}`;

function needs(command: string, input: Input, bucket: TemplateBucket, of: FunctionRole): Need[] {
  const key = input.Key;
  // S3 calls KMS on the caller's behalf, with the caller's rights.
  const via = { 'kms:ViaService': `s3.${REGION}.amazonaws.com` };
  const kms = (action: string) => (bucket.keyArn ? [{ action, resource: bucket.keyArn, context: via }] : []);
  const decrypt = kms('kms:Decrypt');
  const encrypt = kms('kms:GenerateDataKey');
  switch (command) {
    case 'GetObjectCommand':
    case 'HeadObjectCommand':
      return [{ action: 's3:GetObject', resource: object(bucket, key) }, ...decrypt];
    case 'PutObjectCommand':
    case 'CreateMultipartUploadCommand':
    case 'UploadPartCommand':
    case 'CompleteMultipartUploadCommand':
      return [{ action: 's3:PutObject', resource: object(bucket, key) }, ...encrypt];
    case 'AbortMultipartUploadCommand':
      return [{ action: 's3:AbortMultipartUpload', resource: object(bucket, key) }];
    case 'DeleteObjectCommand':
      return [{ action: 's3:DeleteObject', resource: object(bucket, key) }];
    case 'DeleteObjectsCommand':
      return (input.Delete?.Objects ?? []).map((o) => ({
        action: 's3:DeleteObject',
        resource: object(bucket, o.Key),
      }));
    case 'ListObjectsV2Command':
    case 'ListObjectsCommand':
      return [
        {
          action: 's3:ListBucket',
          resource: `arn:aws:s3:::${bucket.name}`,
          context: { 's3:prefix': input.Prefix ?? '' },
        },
      ];
    case 'HeadBucketCommand':
      return [{ action: 's3:ListBucket', resource: `arn:aws:s3:::${bucket.name}` }];
    case 'GetObjectTaggingCommand':
      return [{ action: 's3:GetObjectTagging', resource: object(bucket, key) }];
    case 'PutObjectTaggingCommand':
      return [{ action: 's3:PutObjectTagging', resource: object(bucket, key) }];
    case 'CopyObjectCommand': {
      const [sourceBucket, ...sourceKey] = decodeURIComponent(input.CopySource ?? '').split('/');
      const source = of.buckets.get(sourceBucket ?? '');
      if (!source) throw new Error(`${of.label}: copy from a bucket the test did not map: ${sourceBucket}`);
      return [
        ...needs('GetObjectCommand', { Bucket: sourceBucket, Key: sourceKey.join('/') }, source, of),
        ...needs('PutObjectCommand', input, bucket, of),
      ];
    }
    default:
      throw new Error(`${of.label}: no IAM mapping for ${command}; add it to authorizing-s3.ts`);
  }
}

function accessDenied(of: FunctionRole, need: Need, decision: string): S3ServiceException {
  const reason = decision === 'ExplicitDeny' ? 'with an explicit deny' : 'because no policy allows it';
  return new S3ServiceException({
    name: 'AccessDenied',
    $fault: 'client',
    $metadata: { httpStatusCode: 403 },
    message: `User: ${of.principalArn} is not authorized to perform: ${need.action} on resource: "${need.resource}" ${reason}`,
  });
}

/** Makes `client` authorize every command against `role`; returns the calls it judged. */
export function authorizeS3(client: S3Client, role: FunctionRole): { calls: AuthorizedCall[] } {
  const calls: AuthorizedCall[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Input;
      const bucket = role.buckets.get(input.Bucket ?? '');
      if (!bucket) throw new Error(`${role.label}: a call to a bucket the test did not map: ${input.Bucket}`);
      for (const need of needs(context.commandName ?? '', input, bucket, role)) {
        const decision = await role.may(need.action, need.resource, need.context);
        calls.push({ action: need.action, resource: need.resource, decision });
        if (decision !== 'Allow') throw accessDenied(role, need, decision);
      }
      return next(args);
    },
    { step: 'initialize', name: 'authorizeAgainstSynthesizedRole' },
  );
  return { calls };
}
