/**
 * One function's synthesized role, read from the template as IAM will hold it once deployed:
 * its identity statements, resolved, and the bucket policies and encryption key of the buckets
 * a test maps to the local buckets the function is run against.
 */
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { simulate, type Decision } from './iam-simulator.ts';
import type { Synthesized } from './synth.ts';
import {
  bucketPolicyStatements,
  createResolver,
  resolveStatement,
  roleStatements,
  type Statement,
} from './template-resolver.ts';

export interface TemplateBucket {
  /** The bucket's name as the resolver spells it (its logical id, lower case). */
  name: string;
  policy: Statement[];
  /** The KMS key its objects are encrypted with, if any. */
  keyArn?: string;
}

export interface FunctionRole {
  label: string;
  principalArn: string;
  statements: Statement[];
  /** By the local bucket name the test runs the function against. */
  buckets: ReadonlyMap<string, TemplateBucket>;
  /** The decision for one request; `resource` is a template ARN. */
  may(action: string, resource: string, context?: Record<string, string | string[]>): Promise<Decision>;
}

const idOf = (s: Synthesized, c: { node: { defaultChild?: unknown } }) =>
  s.stack.getLogicalId(c.node.defaultChild as never);

function keyPolicyStatements(s: Synthesized, keyId: string): Statement[] {
  const key = s.template.toJSON().Resources[keyId] as
    { Properties?: { KeyPolicy?: { Statement?: Statement[] } } } | undefined;
  return key?.Properties?.KeyPolicy?.Statement ?? [];
}

export function functionRole(
  s: Synthesized,
  label: string,
  role: IRole,
  buckets: Record<string, IBucket>,
): FunctionRole {
  const resolve = createResolver(s.template);
  const roleId = idOf(s, role);
  const principalArn = resolve({ 'Fn::GetAtt': [roleId, 'Arn'] });
  const statements = roleStatements(s.template, roleId).map((st) => resolveStatement(st, resolve));
  const byLocal = new Map<string, TemplateBucket>();
  const policyOf = new Map<string, Statement[]>();
  for (const [local, bucket] of Object.entries(buckets)) {
    const key = bucket.encryptionKey;
    const id = idOf(s, bucket);
    const policy = bucketPolicyStatements(s.template, id).map((st) => resolveStatement(st, resolve));
    const name = id.toLowerCase();
    policyOf.set(`arn:aws:s3:::${name}`, policy);
    const keyArn = key ? resolve({ 'Fn::GetAtt': [idOf(s, key), 'Arn'] }) : undefined;
    if (key && keyArn)
      policyOf.set(
        keyArn,
        keyPolicyStatements(s, idOf(s, key)).map((st) => resolveStatement(st, resolve)),
      );
    byLocal.set(local, { name, policy, ...(keyArn ? { keyArn } : {}) });
  }
  return {
    label,
    principalArn,
    statements,
    buckets: byLocal,
    may(action, resource, context) {
      // A bucket's policy, or a key's policy (KMS honours IAM only where the key policy lets it).
      const owner = resource.startsWith('arn:aws:s3:::') ? resource.split('/')[0] : resource;
      const resourcePolicy = policyOf.get(owner ?? '') ?? [];
      return simulate(statements, resourcePolicy, { principalArn, action, resource, context });
    },
  };
}
