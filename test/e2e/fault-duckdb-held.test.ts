/**
 * DuckDB files held by another process: a second process keeps every DuckDB database file in the
 * mirror open (the engine's file cache, and one of its own), as another `vss` command on the same
 * data directory would, and so holds DuckDB's lock on them. The engine — what `vss query` and the
 * refresh open — must still give the same figures: it works in memory and reads the mirror's
 * Parquet files, and a cache it cannot lock is passed over, not waited for.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestHandler } from '../../pipeline/ingest/ingest-handler.ts';
import { openEngine } from '../../pipeline/query/engine.ts';
import { syncMirror } from '../../pipeline/mirror/mirror.ts';
import { LAKE_PREFIX, LEDGER_PREFIX, SUMMARIES_PREFIX } from '../../core/contracts/layout.ts';
import { startLocalS3, type LocalS3 } from '../../local/local-s3.ts';
import { debtCsv, putUpload } from '../pipeline/ingest/ingest-harness.ts';

let dir: string;
let mirrorDir: string;
let s3: LocalS3;
let holder: ChildProcess | undefined;

/** The figures the engine gives with everything materialised, as the refresh opens it. */
async function figures(): Promise<unknown> {
  const engine = await openEngine({ mirrorDir, materialize: true });
  try {
    const national = await engine.runNamed('national_figures', { period: '2025-03' });
    const debt = await engine.runQuery('SELECT count(*) AS n, sum(no_bhxh) AS bhxh FROM vss.debt');
    return { national: national.rows, debt: debt.rows };
  } finally {
    engine.close();
  }
}

/** Starts the holding process on `paths` and resolves once it holds them. */
function holdInAnotherProcess(paths: string[]): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx/esm', 'test/support/fault-duckdb-holder.ts', ...paths],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve(child));
    child.once('exit', (code) => reject(new Error(`the holding process ended early (exit ${code})`)));
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-fault-duckdb-'));
  mirrorDir = join(dir, 'mirror');
  const events: Parameters<ReturnType<typeof createIngestHandler>>[0][] = [];
  s3 = await startLocalS3({ dataDir: dir, onEvent: async (event) => void events.push(event) });
  for (const [province, seed] of [
    ['01', 1],
    ['79', 2],
  ] as const)
    await putUpload(
      s3.client,
      s3.uploadsBucket,
      `uploads/debt/2025-03/${province}/thang-3.csv`,
      debtCsv(6, seed),
    );
  await s3.idle();
  const handle = createIngestHandler({
    s3: s3.client,
    uploadsBucket: s3.uploadsBucket,
    lakeBucket: s3.lakeBucket,
    tmpDir: dir,
    log: () => undefined,
  });
  for (const event of events) await handle(event);
  await syncMirror({
    s3: s3.client,
    bucket: s3.lakeBucket,
    dir: mirrorDir,
    prefixes: [LAKE_PREFIX, SUMMARIES_PREFIX, LEDGER_PREFIX],
  });
}, 120_000);

afterAll(async () => {
  holder?.stdin?.end();
  if (holder && holder.exitCode === null) await new Promise((resolve) => holder!.once('exit', resolve));
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('DuckDB files held by another process', () => {
  it('the engine gives the same figures while another process holds them', async () => {
    const free = await figures();
    const cacheDir = join(mirrorDir, '.engine-cache');
    const cached = existsSync(cacheDir)
      ? readdirSync(cacheDir)
          .filter((f) => f.endsWith('.duckdb'))
          .map((f) => join(cacheDir, f))
      : [];
    holder = await holdInAnotherProcess([...cached, join(mirrorDir, 'another.duckdb')]);
    expect(await figures()).toEqual(free);
    // Debt of both provinces, summed independently of the engine.
    const total = [debtCsv(6, 1), debtCsv(6, 2)]
      .flatMap((csv) => csv.trim().split('\n').slice(1))
      .reduce((sum, line) => sum + Number(line.split(',')[2]), 0);
    expect((free as { debt: { bhxh: unknown }[] }).debt[0]!.bhxh).toBe(total);
  }, 120_000);
});
