/**
 * What a synthesized role grants, as a table a test can hold against what its function uses:
 * one `action resource` line per pair, the template's names for buckets, keys and queues
 * replaced by what they are (`<lake>`, `<data key>`), so the table reads like the code's needs.
 */
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { Synthesized } from './synth.ts';
import { createResolver, resolveStatement, roleStatements } from './template-resolver.ts';

const idOf = (s: Synthesized, c: { node: { defaultChild?: unknown } }) =>
  s.stack.getLogicalId(c.node.defaultChild as never);

const list = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

export function grantTable(s: Synthesized, role: IRole): string[] {
  const resolve = createResolver(s.template);
  const { storage } = s.stack;
  const names: [string, string][] = [
    [`arn:aws:s3:::${idOf(s, storage.uploads).toLowerCase()}`, '<uploads>'],
    [`arn:aws:s3:::${idOf(s, storage.lake).toLowerCase()}`, '<lake>'],
    [`arn:aws:s3:::${idOf(s, storage.site).toLowerCase()}`, '<site>'],
    [`arn:aws:s3:::${idOf(s, storage.queryResults).toLowerCase()}`, '<results>'],
    [resolve({ 'Fn::GetAtt': [idOf(s, storage.key), 'Arn'] }), '<data key>'],
  ];
  const named = (resource: string) =>
    names
      .reduce((r, [arn, name]) => r.replaceAll(arn, name), resource)
      .replace(/arn:aws:AWS::(\w+)::(\w+):[^:]+:\d+:(\w+)/, '<$1 $2 $3>');
  const rows = roleStatements(s.template, idOf(s, role))
    .map((st) => resolveStatement(st, resolve))
    .flatMap((st) => {
      const condition = st.Condition ? ` if ${JSON.stringify(st.Condition)}` : '';
      return list(st.Action).flatMap((a) =>
        list(st.Resource as string[]).map((r) => `${st.Effect} ${a} ${named(r)}${condition}`),
      );
    });
  return [...new Set(rows)].sort();
}
