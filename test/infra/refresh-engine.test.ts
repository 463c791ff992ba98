import { beforeAll, describe, expect, it } from 'vitest';
import { bucketArn, refreshEnv, refreshMay, SUMMARIES_TABLE_ARN, WORKGROUP_ARN } from './refresh-role.ts';
import { synthForTemplate, type Synthesized } from './synth.ts';

// The default (DuckDB) variant is checked in functions.test.ts, on the synth it already makes.
let s: Synthesized;
beforeAll(() => {
  // The synth runs the nag packs and throws on an unacknowledged finding.
  s = synthForTemplate({ refreshEngine: 'athena' });
});

describe('refresh engine athena', () => {
  it('names the workgroup and database in the environment and may query them only', async () => {
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
      expect(await refreshMay(s, action, WORKGROUP_ARN), action).toBe('Allow');
    }
    expect(
      await refreshMay(s, 'athena:StartQueryExecution', WORKGROUP_ARN.replace('vss-test', 'primary')),
    ).toBe('ImplicitDeny');
    expect(await refreshMay(s, 'glue:GetTable', SUMMARIES_TABLE_ARN)).toBe('Allow');
    expect(await refreshMay(s, 'glue:DeleteTable', SUMMARIES_TABLE_ARN)).toBe('ImplicitDeny');
  });

  it('writes results only where the workgroup puts them, and reads the lake without writing it', async () => {
    const results = bucketArn(s, s.stack.storage.queryResults);
    expect(await refreshMay(s, 's3:PutObject', `${results}/athena/q.csv`)).toBe('Allow');
    expect(await refreshMay(s, 's3:PutObject', `${results}/elsewhere/q.csv`)).toBe('ImplicitDeny');
    const lake = bucketArn(s, s.stack.storage.lake);
    expect(
      await refreshMay(
        s,
        's3:GetObject',
        `${lake}/summaries/debt/period=2025-01/province=79/summary.parquet`,
      ),
    ).toBe('Allow');
    expect(
      await refreshMay(s, 's3:PutObject', `${lake}/lake/debt/period=2025-01/province=79/part.parquet`),
    ).toBe('ImplicitDeny');
  });

  it('refuses an engine it does not know', async () => {
    expect(() => synthForTemplate({ refreshEngine: 'spark' })).toThrow(/refreshEngine/);
  });
});
