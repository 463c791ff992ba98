/**
 * The overview's "collection against plan, year to date" compares its latest month with the same
 * month a year before, which needs the collection report of every month from that January. The
 * sample `vss start` generates must carry them, and the headline figures computed from its files
 * (collected summed per unit and month, plans from the sample targets) must hold the change.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { START_RANGE } from '../../../cli/commands/start.ts';
import { headlineFigures } from '../../../core/headline.ts';
import { DATASETS } from '../../../core/datasets/index.ts';
import { templateAt } from '../../../core/datasets/versions.ts';
import { addMonths, periodRange, REFORM_FIRST_PERIOD } from '../../../core/period.ts';
import {
  zeroProvinceRow,
  type CompletenessRow,
  type ProvinceRow,
} from '../../../core/contracts/site-data.ts';
import { DEFAULT_RANGE, generateSamples, type Manifest } from '../../../pipeline/generate/index.ts';
import { readSample } from '../../../pipeline/generate/read-sample.ts';
import { REFERENCE_TARGETS_SEED, sampleTargets } from '../../../pipeline/generate/targets.ts';
import { unitRows } from '../../../pipeline/refresh/unit-rows.ts';

const SEED = REFERENCE_TARGETS_SEED;
const SHOWN = START_RANGE.to;
const A_YEAR_BEFORE = addMonths(SHOWN, -12);
const generationOf = (period: string) => (period >= REFORM_FIRST_PERIOD ? '34' : '63');

let out = '';
let manifest: Manifest;
const units = unitRows();

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'vss-gen-collection-'));
  // Few debtors: only the collection reports are read here.
  const result = await generateSamples({ out, ...START_RANGE, seed: SEED, debtorsPerMonth: 300 });
  manifest = JSON.parse(await readFile(result.manifestPath, 'utf8')) as Manifest;
}, 600_000);
afterAll(() => rm(out, { recursive: true, force: true }));

const sent = (period: string, unit: string) =>
  manifest.files.some((f) => f.dataset === 'collection' && f.period === period && f.province === unit);
const oldParts = (unit: string) => units.filter((u) => u.generation === '63' && u.current_code === unit);
/** The current unit's reports of `period`: its own, or before the reform its old units'. */
const partsOf = (unit: string, period: string) =>
  generationOf(period) === '34' ? [unit] : oldParts(unit).map((u) => u.code);
const ytdSent = (unit: string, month: string) =>
  periodRange(`${month.slice(0, 4)}-01`, month).every((m) => partsOf(unit, m).every((p) => sent(m, p)));

describe('the collection history of the start sample', () => {
  it('starts no later than the January of the year before its last month', () => {
    expect(START_RANGE.from <= `${A_YEAR_BEFORE.slice(0, 4)}-01`).toBe(true);
    expect(DEFAULT_RANGE.from <= START_RANGE.from && DEFAULT_RANGE.to >= START_RANGE.to).toBe(true);
    for (const m of periodRange(`${A_YEAR_BEFORE.slice(0, 4)}-01`, SHOWN)) {
      const count = manifest.files.filter((f) => f.dataset === 'collection' && f.period === m).length;
      // A unit or two may not report in a month; most do.
      expect(count, m).toBeGreaterThan(0.9 * (generationOf(m) === '34' ? 34 : 63));
    }
  });

  it('gives the year-to-date collection figure its change since the same month a year before', async () => {
    const plans = new Map(
      sampleTargets(SEED, START_RANGE.from, START_RANGE.to).map((t) => [
        `${String(t.year)}|${t.generation}|${t.province}`,
        t.collection_plan.bhxh + t.collection_plan.bhyt + t.collection_plan.bhtn,
      ]),
    );
    const rows: ProvinceRow[] = [];
    const completeness: CompletenessRow[] = [];
    for (const f of manifest.files.filter((m) => m.dataset === 'collection')) {
      const columns = templateAt(DATASETS.collection, f.period).columns;
      const table = await readSample(join(out, f.path));
      const collected = table.header.indexOf(columns.find((c) => c.key === 'so_da_thu')?.vi ?? '');
      expect(collected).toBeGreaterThanOrEqual(0);
      rows.push({
        ...zeroProvinceRow(f.period, f.province),
        collection_collected: table.rows.reduce((s, r) => s + Number(r[collected]), 0),
        collection_plan: plans.get(`${f.period.slice(0, 4)}|${generationOf(f.period)}|${f.province}`) ?? null,
      });
      completeness.push({ dataset: 'collection', period: f.period, province: f.province, status: 'on_time' });
    }
    const periods = periodRange(START_RANGE.from, START_RANGE.to);
    const yoy = headlineFigures(rows, completeness, units, periods).find(
      (r) => r.period === SHOWN && r.figure === 'collection_plan_ytd' && r.basis === 'yoy',
    );
    const current = units.filter((u) => u.generation === '34').map((u) => u.code);
    const holding = current.filter((u) => ytdSent(u, SHOWN) && ytdSent(u, A_YEAR_BEFORE));
    expect(holding.length).toBeGreaterThan(20);
    expect(yoy).toMatchObject({ compare_period: A_YEAR_BEFORE, units: holding.length });
    expect(yoy?.compare_part).toBeGreaterThan(0);
  });
});
