/**
 * Reads the synthesized template the way AWS would see it once deployed: CloudFormation
 * intrinsics turned into strings (each resource named predictably), and the identity and bucket
 * policy statements of one role or bucket. Whether a statement allows a request is decided by
 * the IAM simulator (iam-simulator.ts), not here.
 */
import type { Template } from 'aws-cdk-lib/assertions';

export interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

export const ACCOUNT = '111122223333';
export const REGION = 'ap-southeast-1';

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

/** Turns CloudFormation intrinsics into strings, naming each resource predictably. */
export function createResolver(template: Template): (value: unknown) => string {
  const resources = template.toJSON().Resources as Resources;
  const arnOf = (id: string): string => {
    const r = resources[id];
    if (!r) throw new Error(`no resource ${id}`);
    if (r.Type === 'AWS::S3::Bucket') return `arn:aws:s3:::${id.toLowerCase()}`;
    if (r.Type === 'AWS::IAM::Role') {
      const name = typeof r.Properties?.RoleName === 'string' ? r.Properties.RoleName : id;
      return `arn:aws:iam::${ACCOUNT}:role/${name}`;
    }
    if (r.Type === 'AWS::KMS::Key') return `arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}`;
    return `arn:aws:${r.Type}:${REGION}:${ACCOUNT}:${id}`;
  };
  const pseudo: Record<string, string> = {
    'AWS::Partition': 'aws',
    'AWS::Region': REGION,
    'AWS::AccountId': ACCOUNT,
    'AWS::URLSuffix': 'amazonaws.com',
  };
  const resolve = (value: unknown): string => {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    const v = value as Record<string, unknown>;
    if ('Ref' in v) {
      const ref = String(v.Ref);
      return pseudo[ref] ?? (resources[ref]?.Type === 'AWS::S3::Bucket' ? ref.toLowerCase() : ref);
    }
    if ('Fn::GetAtt' in v) {
      const [id, attr] = v['Fn::GetAtt'] as [string, string];
      if (attr === 'Arn') return arnOf(id);
      throw new Error(`unsupported attribute ${id}.${attr}`);
    }
    if ('Fn::Sub' in v && typeof v['Fn::Sub'] === 'string') {
      return v['Fn::Sub'].replace(/\$\{([^}]+)\}/g, (_, name: string) => {
        const [id, attr] = name.split('.');
        return attr ? resolve({ 'Fn::GetAtt': [id, attr] }) : resolve({ Ref: name });
      });
    }
    if ('Fn::Join' in v) {
      const [sep, parts] = v['Fn::Join'] as [string, unknown[]];
      return parts.map(resolve).join(sep);
    }
    throw new Error(`unsupported intrinsic ${JSON.stringify(value)}`);
  };
  return resolve;
}

const list = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

/** A statement with every intrinsic of its resources, principals and conditions resolved. */
export function resolveStatement(st: Statement, resolve: (v: unknown) => string): Statement {
  const principal = (p: unknown): unknown => {
    if (p === undefined || p === '*') return p;
    return Object.fromEntries(
      Object.entries(p as Record<string, unknown>).map(([k, v]) => [k, list(v).map(resolve)]),
    );
  };
  return {
    ...st,
    Resource: list(st.Resource).map(resolve),
    ...(st.Principal === undefined ? {} : { Principal: principal(st.Principal) }),
    ...(st.Condition
      ? {
          Condition: Object.fromEntries(
            Object.entries(st.Condition).map(([op, byKey]) => [
              op,
              Object.fromEntries(Object.entries(byKey).map(([k, v]) => [k, list(v).map(resolve)])),
            ]),
          ),
        }
      : {}),
  };
}

/** Every statement of the identity policies attached to a role (by its logical id). */
export function roleStatements(template: Template, roleId: string): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy') as Record<
    string,
    { Properties: { Roles: unknown[]; PolicyDocument: { Statement: Statement[] } } }
  >;
  return Object.values(policies)
    .filter((p) => p.Properties.Roles.some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
}

/** The statements of the bucket policy on one bucket (by its logical id). */
export function bucketPolicyStatements(template: Template, bucketId: string): Statement[] {
  const policies = template.findResources('AWS::S3::BucketPolicy') as Record<
    string,
    { Properties: { Bucket: unknown; PolicyDocument: { Statement: Statement[] } } }
  >;
  return Object.values(policies)
    .filter((p) => JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: bucketId }))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
}

/** The key policy of a KMS key (by its logical id): KMS honours IAM only where it lets it. */
export function keyPolicyStatements(template: Template, keyId: string): Statement[] {
  const key = (template.toJSON().Resources as Record<string, { Properties?: Record<string, unknown> }>)[
    keyId
  ];
  const policy = key?.Properties?.KeyPolicy as { Statement?: Statement[] } | undefined;
  return policy?.Statement ?? [];
}
