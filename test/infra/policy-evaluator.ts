/**
 * A small IAM evaluator for the policies this stack synthesizes, so tests can ask "may this
 * principal do this?" instead of pattern-matching JSON. It follows the same-account rules:
 * an explicit Deny in any policy wins; otherwise an Allow in the identity or resource policy
 * grants. It knows only the condition operators the stack uses and throws on any other, so a
 * new kind of statement makes the tests fail rather than pass by accident.
 */
import type { Template } from 'aws-cdk-lib/assertions';

export type Decision = 'Allow' | 'ImplicitDeny' | 'ExplicitDeny';

export interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

export interface Request {
  principalArn: string;
  action: string;
  resource: string;
  /** Condition keys of the request, e.g. `aws:SecureTransport`. */
  context?: Record<string, string>;
}

export const ACCOUNT = '111122223333';
export const REGION = 'ap-southeast-1';

const list = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

/** IAM wildcard match: `*` any run of characters (slashes too), `?` exactly one. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '').test(value);
}

/** Turns CloudFormation intrinsics into strings, naming each resource predictably. */
export function createResolver(template: Template): (value: unknown) => string {
  const resources = template.toJSON().Resources as Record<
    string,
    { Type: string; Properties?: Record<string, unknown> }
  >;
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
    if ('Fn::Join' in v) {
      const [sep, parts] = v['Fn::Join'] as [string, unknown[]];
      return parts.map(resolve).join(sep);
    }
    throw new Error(`unsupported intrinsic ${JSON.stringify(value)}`);
  };
  return resolve;
}

function conditionHolds(
  op: string,
  key: string,
  expected: unknown,
  context: Record<string, string>,
): boolean {
  const actual = context[key];
  const values = list(expected as string | string[]).map(String);
  switch (op) {
    case 'Bool':
    case 'StringEquals':
    case 'ArnEquals':
      return actual !== undefined && values.includes(actual);
    case 'StringLike':
    case 'ArnLike':
      return actual !== undefined && values.some((p) => wildcardMatch(p, actual));
    // Negated operators hold when the key is absent, as in IAM.
    case 'StringNotEquals':
    case 'ArnNotEquals':
      return actual === undefined || !values.includes(actual);
    case 'ArnNotLike':
      return actual === undefined || !values.some((p) => wildcardMatch(p, actual));
    case 'NumericLessThan':
      return actual !== undefined && values.some((v) => Number(actual) < Number(v));
    default:
      throw new Error(`the evaluator does not know condition operator ${op}`);
  }
}

function principalMatches(principal: unknown, principalArn: string): boolean {
  if (principal === undefined || principal === '*') return true;
  const aws = (principal as { AWS?: unknown }).AWS;
  if (aws === undefined) return false; // service principals are not people or roles
  return list(aws as string | string[]).some((p) => p === '*' || p === principalArn);
}

function applies(st: Statement, req: Request, resolve: (v: unknown) => string, isResourcePolicy: boolean) {
  const context = { 'aws:PrincipalArn': req.principalArn, ...req.context };
  if (isResourcePolicy && !principalMatches(st.Principal, req.principalArn)) return false;
  if (!list(st.Action).some((a) => wildcardMatch(a, req.action, true))) return false;
  const resources = list(st.Resource as unknown[]).map(resolve);
  if (!resources.some((r) => wildcardMatch(r, req.resource))) return false;
  return Object.entries(st.Condition ?? {}).every(([op, byKey]) =>
    Object.entries(byKey).every(([key, expected]) =>
      conditionHolds(op, key, list(expected as unknown[]).map(resolve), context),
    ),
  );
}

/** The decision for one request, given the principal's identity statements and the resource policy. */
export function evaluate(
  identity: Statement[],
  resourcePolicy: Statement[],
  req: Request,
  resolve: (v: unknown) => string,
): Decision {
  const matching = [
    ...identity.filter((st) => applies(st, req, resolve, false)),
    ...resourcePolicy.filter((st) => applies(st, req, resolve, true)),
  ];
  if (matching.some((st) => st.Effect === 'Deny')) return 'ExplicitDeny';
  return matching.some((st) => st.Effect === 'Allow') ? 'Allow' : 'ImplicitDeny';
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
