/**
 * Pruning made visible: the Athena stand-in, given the synthesized Glue tables' projection,
 * reports which partition locations each statement would make Athena list. The named queries
 * read the months their parameters name; the refresh as a whole reads the months it shows and
 * no other, whether the history holds one year or six.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAthenaSiteEngine } from '../../../../pipeline/refresh/athena-site-engine.ts';
import { createAthenaClient } from '../../../../pipeline/query/athena/athena-client.ts';
import { openAthenaEngine } from '../../../../pipeline/query/athena/athena-engine.ts';
import { DATASET_NAMES } from '../../../../core/datasets/index.ts';
import { addMonths, periodRange } from '../../../../core/period.ts';
import { refreshSite } from '../../../../pipeline/refresh/refresh.ts';
import { synthForTemplate } from '../../../infra/synth.ts';
import type { Execution } from '../../../support/athena-stand-in/executions.ts';
import type { ProjectedTable } from '../../../support/athena-stand-in/projection.ts';
import { startAthenaStandIn, type AthenaStandIn } from '../../../support/athena-stand-in/server.ts';
import { templateProjection } from '../../../support/athena-stand-in/template-projection.ts';
import { tempDir, writeLedgerRecord } from '../engine-fixture.ts';
import { writeScenario } from '../engine-scenario.ts';
import { fakeClock } from './athena-harness.ts';

const NOW = new Date('2026-03-15T00:00:00Z');
let projection: ProjectedTable[];
let units: number;

beforeAll(() => {
  projection = templateProjection(synthForTemplate(), NOW);
  units = projection.find((t) => t.name === 'summaries_by_province')?.values.province?.length ?? 0;
}, 120_000);

/** A stand-in over the scenario (2025-06, 2025-07) whose ledger starts `months` before 2025-07. */
async function lakeOf(months: number): Promise<AthenaStandIn> {
  const mirror = tempDir('pruning');
  await writeScenario(mirror);
  const first = addMonths('2025-07', 1 - months);
  writeLedgerRecord(mirror, {
    dataset: 'debt',
    period: first,
    province: '01',
    received_at: `${addMonths(first, 1)}-05T02:00:00.000Z`,
    status: 'rejected',
    rows_accepted: 0,
  });
  return startAthenaStandIn({ mirrorDir: mirror, projection, pageSize: 1000 });
}

function engineOptions(standIn: AthenaStandIn) {
  const clock = fakeClock();
  const client = createAthenaClient({
    region: 'ap-southeast-1',
    endpoint: standIn.endpoint,
    credentials: { accessKeyId: 'STANDIN', secretAccessKey: 'stand-in-secret' },
  });
  return { workGroup: 'vss-test', client, poll: { sleep: clock.sleep, now: clock.now } };
}

/** Every location the executions read, per table, and the months among them. */
function readsOf(executions: readonly (Execution | undefined)[]) {
  const byTable = new Map<string, Set<string>>();
  for (const execution of executions) {
    if (!execution) continue;
    for (const [table, locations] of execution.reads ?? []) {
      const seen = byTable.get(table) ?? new Set<string>();
      for (const l of locations) seen.add(l);
      byTable.set(table, seen);
    }
  }
  const months = new Set(
    [...byTable.values()].flatMap((ls) => [...ls].map((l) => /period=([\d-]+)/.exec(l)?.[1] ?? '')),
  );
  const total = [...byTable.values()].reduce((n, ls) => n + ls.size, 0);
  return { byTable, months: [...months].sort(), total };
}

describe('the projection the stand-in reads from the template', () => {
  it('projects every month from 2015-01 to a month past NOW (UTC) and the units of both generations', () => {
    const summaries = projection.find((t) => t.name === 'summaries_by_province');
    expect(summaries?.keys).toEqual(['dataset', 'period', 'province']);
    expect(summaries?.views).toEqual(['summaries']);
    const compacted = projection.find((t) => t.name === 'summaries_compacted');
    expect(compacted?.keys).toEqual(['dataset', 'period']);
    expect(compacted?.views).toEqual(['summaries']);
    expect(projection.find((t) => t.name === 'debt_compacted')?.views).toEqual(['debt']);
    expect(summaries?.values.period?.[0]).toBe('2015-01');
    expect(summaries?.values.period?.at(-1)).toBe('2026-04');
    expect(units).toBe(63);
  });
});

describe('what each named query reads', () => {
  let standIn: AthenaStandIn;
  beforeAll(async () => {
    standIn = await lakeOf(2);
  });
  afterAll(() => standIn.close());

  const months = (name: string, params: Record<string, string>) => async () => {
    const engine = openAthenaEngine(engineOptions(standIn));
    await engine.runNamed(name, params);
    engine.close();
    return readsOf([standIn.store.latest()]);
  };

  // Through the view, a month's per-province locations (one a unit) and its compacted one.
  it('national_figures: the month, the month before and the same month a year before', async () => {
    const read = await months('national_figures', { period: '2026-01' })();
    expect(read.months).toEqual(['2025-01', '2025-12', '2026-01']);
    expect(read.byTable.get('summaries_by_province')?.size).toBe(3 * DATASET_NAMES.length * units);
    expect(read.byTable.get('summaries_compacted')?.size).toBe(3 * DATASET_NAMES.length);
    expect(read.total).toBe(3 * DATASET_NAMES.length * (units + 1));
  });

  it('province_ranking: the month and the month before', async () => {
    const read = await months('province_ranking', { period: '2025-07' })();
    expect(read.months).toEqual(['2025-06', '2025-07']);
    expect(read.total).toBe(2 * DATASET_NAMES.length * (units + 1));
  });

  it('police_coordination: one month of the employer detail', async () => {
    const read = await months('police_coordination', { period: '2025-07', province: '08' })();
    expect([...read.byTable.keys()].sort()).toEqual(['debt_by_province', 'debt_compacted']);
    const compacted = [...(read.byTable.get('debt_compacted') ?? [])];
    expect(compacted).toHaveLength(1);
    expect(compacted[0]).toMatch(/\/lake\/debt\/compacted\/period=2025-07\/$/);
    expect(read.total).toBe(units + 1);
  });

  it('outliers and prosecution_funnel: every month up to the one asked (their history)', async () => {
    const outliers = await months('outliers', { period: '2025-07' })();
    expect(outliers.months).toEqual(periodRange('2015-01', '2025-07'));
    const funnel = await months('prosecution_funnel', { period: '2025-07' })();
    expect(funnel.months).toEqual(periodRange('2015-01', '2025-07'));
  });

  it('measure_series: every projected month, as it names no period', async () => {
    const read = await months('measure_series', { measure: 'debt_total' })();
    expect(read.months).toEqual(periodRange('2015-01', '2026-04'));
  });
});

describe('what the refresh reads as a whole', () => {
  it.each([
    [1, 12],
    [6, 72],
  ])(
    'with %i year(s) of history: the %i months it shows, every dataset and unit of them',
    async (_, shown) => {
      const standIn = await lakeOf(shown);
      try {
        const out = tempDir('pruning-site');
        const { files } = await refreshSite({
          mirrorDir: tempDir('unused'),
          outDir: out,
          now: () => NOW,
          openEngine: () => openAthenaSiteEngine(engineOptions(standIn)),
        });
        expect(files.length).toBeGreaterThan(0);
        const read = readsOf(standIn.store.all());
        const expected = periodRange(addMonths('2025-07', 1 - shown), '2025-07');
        expect(read.months).toEqual(expected);
        // summaries (every dataset) and the detail tables the pages list for every month (collection
        // is read from its summaries only), debt for the latest.
        const detail = ['coverage', 'enforcement', 'procedures', 'prosecution'];
        // Each through its view: the per-province locations and the month's compacted one.
        expect(read.byTable.get('summaries_by_province')?.size).toBe(shown * DATASET_NAMES.length * units);
        expect(read.byTable.get('summaries_compacted')?.size).toBe(shown * DATASET_NAMES.length);
        for (const table of detail) {
          expect(read.byTable.get(`${table}_by_province`)?.size, table).toBe(shown * units);
          expect(read.byTable.get(`${table}_compacted`)?.size, table).toBe(shown);
        }
        expect(read.byTable.get('debt_by_province')?.size).toBe(units);
        expect(read.byTable.get('debt_compacted')?.size).toBe(1);
        // every unit's police list comes from one statement over the month's debt, not one per unit
        const overDebt = standIn.store
          .all()
          .filter((e) => (e?.reads?.get('debt_by_province')?.size ?? 0) > 0);
        expect(overDebt).toHaveLength(1);
        expect(read.total).toBe(shown * (DATASET_NAMES.length + detail.length) * (units + 1) + units + 1);
      } finally {
        await standIn.close();
      }
    },
  );
});
