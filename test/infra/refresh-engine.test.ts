import { beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  createResolver,
  evaluate,
  REGION,
  roleStatements,
  type Decision,
} from './policy-evaluator.ts';
import { resourcesOfType, synthForTemplate, type Synthesized } from './synth.ts';

const variants: Record<'duckdb' | 'athena', Synthesized> = {} as never;
beforeAll(() => {
  // Each synth runs the nag packs and throws on an unacknowledged finding.
  variants.duckdb = synthForTemplate();
  variants.athena = synthForTemplate({ refreshEngine: 'athena' });
});

const idOf = (s: Synthesized, c: { node: { defaultChild?: unknown } }) =>
  s.stack.getLogicalId(c.node.defaultChild as never);

function refreshEnv(s: Synthesized): Record<string, unknown> {
  const fn = resourcesOfType(s.template, 'AWS::Lambda::Function')[idOf(s, s.stack.refresh.fn.fn)];
  const env = fn?.Properties?.Environment as { Variables: Record<string, unknown> };
  return env.Variables;
}

/** What the refresh role may do, by the synthesized identity policies alone. */
function refreshMay(s: Synthesized, action: string, resource: string): Decision {
  const roleId = idOf(s, s.stack.refresh.fn.role);
  const resolve = createResolver(s.template);
  return evaluate(
    roleStatements(s.template, roleId),
    [],
    { principalArn: resolve({ 'Fn::GetAtt': [roleId, 'Arn'] }), action, resource },
    resolve,
  );
}

const workgroupArn = `arn:aws:athena:${REGION}:${ACCOUNT}:workgroup/vss-test`;
const tableArn = `arn:aws:glue:${REGION}:${ACCOUNT}:table/vss/summaries`;
const bucketArn = (s: Synthesized, bucket: { node: { defaultChild?: unknown } }) =>
  `arn:aws:s3:::${idOf(s, bucket).toLowerCase()}`;

describe('refresh engine', () => {
  it('defaults to DuckDB in the function, with no Athena, Glue or results rights', () => {
    const s = variants.duckdb;
    expect(refreshEnv(s).VSS_REFRESH_ENGINE).toBe('duckdb');
    expect(refreshEnv(s).VSS_ATHENA_WORKGROUP).toBeUndefined();
    expect(refreshMay(s, 'athena:StartQueryExecution', workgroupArn)).toBe('ImplicitDeny');
    expect(refreshMay(s, 'glue:GetTable', tableArn)).toBe('ImplicitDeny');
    const results = bucketArn(s, s.stack.storage.queryResults);
    expect(refreshMay(s, 's3:PutObject', `${results}/athena/q.csv`)).toBe('ImplicitDeny');
  });

  it('with refreshEngine=athena names the workgroup and database and may query them', () => {
    const s = variants.athena;
    expect(refreshEnv(s)).toMatchObject({
      VSS_REFRESH_ENGINE: 'athena',
      VSS_ATHENA_WORKGROUP: 'vss-test',
      VSS_ATHENA_DATABASE: 'vss',
    });
    for (const action of [
      'athena:StartQueryExecution',
      'athena:GetQueryExecution',
      'athena:GetQueryResults',
    ]) {
      expect(refreshMay(s, action, workgroupArn)).toBe('Allow');
    }
    expect(refreshMay(s, 'athena:StartQueryExecution', workgroupArn.replace('vss-test', 'primary'))).toBe(
      'ImplicitDeny',
    );
    expect(refreshMay(s, 'glue:GetTable', tableArn)).toBe('Allow');
    expect(refreshMay(s, 'glue:DeleteTable', tableArn)).toBe('ImplicitDeny');
    const results = bucketArn(s, s.stack.storage.queryResults);
    expect(refreshMay(s, 's3:PutObject', `${results}/athena/q.csv`)).toBe('Allow');
    expect(refreshMay(s, 's3:PutObject', `${results}/elsewhere/q.csv`)).toBe('ImplicitDeny');
    const lake = bucketArn(s, s.stack.storage.lake);
    expect(refreshMay(s, 's3:GetObject', `${lake}/summaries/debt/2025-01/79/part.parquet`)).toBe('Allow');
    expect(refreshMay(s, 's3:PutObject', `${lake}/lake/debt/2025-01/79/part.parquet`)).toBe('ImplicitDeny');
  });

  it('refuses an engine it does not know', () => {
    expect(() => synthForTemplate({ refreshEngine: 'spark' })).toThrow(/refreshEngine/);
  });
});
