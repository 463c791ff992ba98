/**
 * The Athena stand-in fails what Athena refuses the way GetQueryExecution reports it (state
 * FAILED, a StateChangeReason), through the real AthenaClient, while DuckDB runs the same text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetQueryExecutionCommand } from '@aws-sdk/client-athena';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAthenaClient } from '../../../../pipeline/query/athena/athena-client.ts';
import { parseNamedQuery } from '../../../../pipeline/query/named-query.ts';
import { openHarness, type Harness } from './athena-harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await openHarness({ pageSize: 50 });
});
afterAll(() => harness.close());

async function failedStatus(): Promise<{ State?: string; StateChangeReason?: string }> {
  const id = harness.standIn.store.latest()?.id;
  const client = createAthenaClient({
    region: 'ap-southeast-1',
    endpoint: harness.standIn.endpoint,
    credentials: { accessKeyId: 'STANDIN', secretAccessKey: 'stand-in-secret' },
  });
  try {
    const answer = await client.send(new GetQueryExecutionCommand({ QueryExecutionId: id }));
    return answer.QueryExecution?.Status ?? {};
  } finally {
    client.destroy();
  }
}

describe('the strict Athena stand-in', () => {
  it('fails a query of before the rewrite that DuckDB answers', async () => {
    const sql = readFileSync(
      join(import.meta.dirname, '../../../fixtures/queries-before/national_figures.sql'),
      'utf8',
    );
    const values = parseNamedQuery('national_figures', sql).bind({ period: '2025-07' });
    expect((await harness.duckdb.runQuery(sql, values)).rows.length).toBeGreaterThan(0);
    await expect(harness.athena().runQuery(sql, values)).rejects.toThrow(/FAILED: NOT_SUPPORTED/);
    const status = await failedStatus();
    expect(status.State).toBe('FAILED');
    expect(status.StateChangeReason).toMatch(/outside a WHERE clause/);
  });

  it('refuses varchar = integer, which DuckDB casts', async () => {
    const sql = 'SELECT COUNT(*) AS n FROM vss.summaries WHERE province = 8';
    expect((await harness.duckdb.runQuery(sql)).rows[0]?.n).toBeGreaterThan(0);
    await expect(harness.athena().runQuery(sql)).rejects.toThrow(/TYPE_MISMATCH: .*varchar = integer/);
    expect((await failedStatus()).State).toBe('FAILED');
  });

  it('refuses concat, whose NULL handling differs, and takes ||', async () => {
    const refused = "SELECT concat(province, '-', period) AS k FROM vss.summaries WHERE period = ?";
    await expect(harness.athena().runQuery(refused, ['2025-07'])).rejects.toThrow(/concat returns NULL/);
    const taken =
      "SELECT DISTINCT province || '-' || period AS k FROM vss.summaries WHERE period = ? ORDER BY k";
    const athena = await harness.athena().runQuery(taken, ['2025-07']);
    expect(athena.rows).toEqual((await harness.duckdb.runQuery(taken, ['2025-07'])).rows);
    expect(athena.rows.length).toBeGreaterThan(0);
  });
});
