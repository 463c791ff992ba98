/** Questions about the refresh function shared by the default and the Athena synth tests. */
import { ACCOUNT, createResolver, REGION, roleStatements } from './template-resolver.ts';
import { evaluate, type Decision } from './iam-simulator.ts';
import { resourcesOfType, type Synthesized } from './synth.ts';

const idOf = (s: Synthesized, c: { node: { defaultChild?: unknown } }) =>
  s.stack.getLogicalId(c.node.defaultChild as never);

export const WORKGROUP_ARN = `arn:aws:athena:${REGION}:${ACCOUNT}:workgroup/vss-test`;
export const SUMMARIES_TABLE_ARN = `arn:aws:glue:${REGION}:${ACCOUNT}:table/vss/summaries`;

export function refreshEnv(s: Synthesized): Record<string, unknown> {
  const fn = resourcesOfType(s.template, 'AWS::Lambda::Function')[idOf(s, s.stack.refresh.fn.fn)];
  const env = fn?.Properties?.Environment as { Variables: Record<string, unknown> };
  return env.Variables;
}

/** What the refresh role may do, by the synthesized identity policies alone. */
export function refreshMay(s: Synthesized, action: string, resource: string): Promise<Decision> {
  const roleId = idOf(s, s.stack.refresh.fn.role);
  const resolve = createResolver(s.template);
  return evaluate(
    roleStatements(s.template, roleId),
    [],
    { principalArn: resolve({ 'Fn::GetAtt': [roleId, 'Arn'] }), action, resource },
    resolve,
  );
}

export const bucketArn = (s: Synthesized, bucket: { node: { defaultChild?: unknown } }) =>
  `arn:aws:s3:::${idOf(s, bucket).toLowerCase()}`;
