/** `vss query --engine athena` end to end: the real CLI process, the SDK, and the stand-in. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './athena-harness.ts';

const run = promisify(execFile);
let harness: Harness;
beforeAll(async () => {
  harness = await openHarness({ pageSize: 5 });
});
afterAll(() => harness.close());

function athenaEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_ENDPOINT_URL_ATHENA: harness.standIn.endpoint,
    AWS_ACCESS_KEY_ID: 'STANDIN',
    AWS_SECRET_ACCESS_KEY: 'stand-in-secret',
    AWS_REGION: 'ap-southeast-1',
    AWS_PROFILE: '',
    VSS_ATHENA_WORKGROUP: 'vss-cli',
  };
}

describe('vss query --engine athena', () => {
  it('prints the rows DuckDB gives, and what the query scanned', async () => {
    const args = ['cli/vss.js', 'query', '--engine', 'athena', '--name', 'province_ranking'];
    const { stdout, stderr } = await run('node', [...args, '--param', 'period=2025-07', '--format', 'json'], {
      env: athenaEnv(),
    });
    const expected = await harness.duckdb.runNamed('province_ranking', { period: '2025-07' });
    expect(JSON.parse(stdout)).toEqual(expected.rows);
    expect(stderr).toMatch(/Athena đã quét [\d,.]+ MB/);
    const sent = harness.standIn.store.started.at(-1);
    expect(sent).toMatchObject({ WorkGroup: 'vss-cli', Database: 'vss' });
    expect(sent?.ExecutionParameters?.[0]).toBe("'2025-07'");
  });

  it('runs SQL text with ? parameters as DuckDB does, sending the text byte for byte', async () => {
    // 48 binds as a number, as it would on DuckDB: the cast makes it a code on both engines.
    const sql =
      'SELECT code, name_vi FROM vss.provinces WHERE valid_from <= ? AND current_code = CAST(? AS VARCHAR) ORDER BY code';
    const params = ['--param', 'period=2025-06', '--param', 'province=48', '--format', 'json'];
    const { stdout } = await run('node', ['cli/vss.js', 'query', '--engine', 'athena', sql, ...params], {
      env: athenaEnv(),
    });
    const sent = harness.standIn.store.started.at(-1);
    expect(Buffer.from(sent?.QueryString ?? '').equals(Buffer.from(sql))).toBe(true);
    expect(sent?.ExecutionParameters).toEqual(["'2025-06'", '48']);
    const expected = await harness.duckdb.runQuery(sql, ['2025-06', 48]);
    expect(JSON.parse(stdout)).toEqual(expected.rows);
    // Đà Nẵng (48) and Quảng Nam (49) of the 63, both restated to today's Đà Nẵng.
    expect(expected.rows.map((r) => r.code)).toEqual(['48', '49']);
  });

  it('says a workgroup is needed when none is given', async () => {
    const env = { ...athenaEnv(), VSS_ATHENA_WORKGROUP: '' };
    const failure = run('node', ['cli/vss.js', 'query', '--engine', 'athena', 'SELECT 1 AS one'], { env });
    await expect(failure).rejects.toMatchObject({ stderr: expect.stringMatching(/VSS_ATHENA_WORKGROUP/) });
  });
});
