/**
 * The refresh Lambda on Athena writes the same site data as on DuckDB: the same lake read both
 * ways, through the real Athena client against the local stand-in.
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineFromEnvironment } from '../../pipeline/refresh/refresh-handler.ts';
import { openAthenaSiteEngine } from '../../pipeline/refresh/athena-site-engine.ts';
import { refreshSite } from '../../pipeline/refresh/refresh.ts';
import type { AthenaEngineOptions } from '../../pipeline/query/athena/athena-engine.ts';
import { fakeClock, openHarness, type Harness } from '../pipeline/query/athena/athena-harness.ts';
import { tempDir } from '../pipeline/query/engine-fixture.ts';
import { writeScenario } from '../pipeline/query/engine-scenario.ts';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
}, 120_000);
afterAll(async () => {
  await h.close();
});

/** The stand-in's endpoint through a real client; polls sleep on a fake clock. */
function athenaOptions(): AthenaEngineOptions {
  const clock = fakeClock();
  return {
    workGroup: 'vss-test',
    clientOptions: {
      region: 'ap-southeast-1',
      endpoint: h.standIn.endpoint,
      credentials: { accessKeyId: 'STANDIN', secretAccessKey: 'stand-in-secret' },
    },
    poll: { sleep: clock.sleep, now: clock.now },
  };
}

const now = () => new Date('2026-03-11T01:00:00Z');

async function filesOf(paths: string[]): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const path of paths) out[basename(path)] = JSON.parse(await readFile(path, 'utf8'));
  return out;
}

describe('refresh on Athena', () => {
  it('reports the months with data, as the DuckDB engine does', async () => {
    const engine = await openAthenaSiteEngine(athenaOptions());
    try {
      expect(engine.months).toEqual(h.duckdb.months);
      expect(engine.months.length).toBeGreaterThan(0);
    } finally {
      engine.close();
    }
  });

  it('writes the same site data files as the DuckDB refresh', async () => {
    // The same scenario in a mirror of its own: the stand-in's engine keeps state in its mirror.
    const copy = tempDir('mirror-copy');
    await writeScenario(copy);
    const viaDuckdb = await refreshSite({ mirrorDir: copy, outDir: tempDir('site-duckdb'), now });
    const viaAthena = await refreshSite({
      mirrorDir: join(tempDir('unused'), 'mirror'),
      outDir: tempDir('site-athena'),
      now,
      openEngine: () => openAthenaSiteEngine(athenaOptions()),
    });
    expect(viaAthena.files.map((f) => basename(f))).toEqual(viaDuckdb.files.map((f) => basename(f)));
    expect(await filesOf(viaAthena.files)).toEqual(await filesOf(viaDuckdb.files));
  });

  it('chooses the engine from the environment the stack sets', () => {
    expect(engineFromEnvironment({})).toBeUndefined();
    expect(engineFromEnvironment({ VSS_REFRESH_ENGINE: 'duckdb' })).toBeUndefined();
    expect(
      engineFromEnvironment({ VSS_REFRESH_ENGINE: 'athena', VSS_ATHENA_WORKGROUP: 'vss-dev' }),
    ).toBeTypeOf('function');
    expect(() => engineFromEnvironment({ VSS_REFRESH_ENGINE: 'athena' })).toThrow(/VSS_ATHENA_WORKGROUP/);
    expect(() => engineFromEnvironment({ VSS_REFRESH_ENGINE: 'spark' })).toThrow(/VSS_REFRESH_ENGINE/);
  });
});
