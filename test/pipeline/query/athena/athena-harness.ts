/**
 * One lake (the hand-computed scenario of the engine tests), read both ways: by the DuckDB engine
 * directly, and by the Athena engine through the real AthenaClient and the local Athena stand-in.
 * Polls sleep on a fake clock, so backoff costs no time.
 */
import {
  openEngine,
  type Engine,
  type PositionalParams,
  type QueryParams,
} from '../../../../pipeline/query/engine.ts';
import { createAthenaClient } from '../../../../pipeline/query/athena/athena-client.ts';
import {
  openAthenaEngine,
  type AthenaEngine,
  type AthenaEngineOptions,
} from '../../../../pipeline/query/athena/athena-engine.ts';
import {
  startAthenaStandIn,
  type AthenaStandIn,
  type AthenaStandInOptions,
} from '../../../support/athena-stand-in/server.ts';
import { openAthenaSiteEngine } from '../../../../pipeline/refresh/athena-site-engine.ts';
import { refreshSite } from '../../../../pipeline/refresh/refresh.ts';
import { tempDir } from '../engine-fixture.ts';
import { writeScenario } from '../engine-scenario.ts';

export interface FakeClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  slept: number[];
}

export function fakeClock(): FakeClock {
  let time = 0;
  const slept: number[] = [];
  return {
    now: () => time,
    async sleep(ms) {
      slept.push(ms);
      time += ms;
    },
    slept,
  };
}

/** What a client needs to reach the stand-in at `endpoint` (it takes any credentials). */
export function standInClientOptions(endpoint: string) {
  return {
    region: 'ap-southeast-1',
    endpoint,
    credentials: { accessKeyId: 'STANDIN', secretAccessKey: 'stand-in-secret' },
  };
}

/** refreshSite's `openEngine` for the stand-in at `endpoint`: the refresh's Athena engine, polling on a fake clock. */
export function standInSiteEngine(endpoint: string): () => Promise<Engine> {
  const clock = fakeClock();
  return () =>
    openAthenaSiteEngine({
      workGroup: 'vss-test',
      clientOptions: standInClientOptions(endpoint),
      poll: { sleep: clock.sleep, now: clock.now },
    });
}

/**
 * A full refresh into `outDir` through the Athena stand-in reading the lake at `mirrorDir`, as the
 * Lambda runs it: its own mirror folder (`scratchDir`) stays empty, the engine reads the lake.
 */
export async function refreshOnStandIn(
  mirrorDir: string,
  outDir: string,
  scratchDir: string,
  now: () => Date,
): Promise<void> {
  const standIn = await startAthenaStandIn({ mirrorDir });
  try {
    await refreshSite({
      mirrorDir: scratchDir,
      outDir,
      now,
      openEngine: standInSiteEngine(standIn.endpoint),
    });
  } finally {
    await standIn.close();
  }
}

export interface Harness {
  mirror: string;
  duckdb: Engine;
  /** What the DuckDB engine sent to DuckDB, statement by statement. */
  duckdbStatements: { sql: string; values: PositionalParams | QueryParams }[];
  standIn: AthenaStandIn;
  athena(options?: Partial<AthenaEngineOptions>): AthenaEngine;
  close(): Promise<void>;
}

/** `addToLake` writes more into the scenario's lake before either engine opens it. */
export async function openHarness(
  standIn: Partial<AthenaStandInOptions> = {},
  addToLake?: (mirror: string) => Promise<void>,
): Promise<Harness> {
  const mirror = tempDir('athena');
  await writeScenario(mirror);
  await addToLake?.(mirror);
  const duckdbStatements: Harness['duckdbStatements'] = [];
  const duckdb = await openEngine({
    mirrorDir: mirror,
    onStatement: (sql, values) => duckdbStatements.push({ sql, values }),
  });
  const server = await startAthenaStandIn({ mirrorDir: mirror, ...standIn });
  const client = createAthenaClient(standInClientOptions(server.endpoint));
  const engines: AthenaEngine[] = [];
  return {
    mirror,
    duckdb,
    duckdbStatements,
    standIn: server,
    athena(options = {}) {
      const clock = fakeClock();
      const engine = openAthenaEngine({
        workGroup: 'vss-test',
        client,
        poll: { sleep: clock.sleep, now: clock.now },
        ...options,
      });
      engines.push(engine);
      return engine;
    },
    async close() {
      for (const engine of engines) engine.close();
      client.destroy();
      duckdb.close();
      await server.close();
    },
  };
}
