/**
 * `npm run bench`: every figure of the scale-and-speed benchmark, each beside a baseline measured
 * in the same run, with the machine and its load. Default sizes finish in minutes on two cores;
 * `--full` runs the real scale (150,000 debtor rows a month, a 1,000,000-row upload).
 *
 *   npm run bench -- [--full] [--as-built] [--debtors-per-month N] [--ingest-rows N] [--work DIR] [--only a,b]
 *   steps: bundle, ingest, start, lake, query, refresh, scan, dashboard
 *
 * The lake is measured as it stands once the monthly compaction has run (every closed month one
 * object per dataset, the ledger's closed months Parquet); --as-built keeps the per-province
 * objects every upload writes, the layout before compaction.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SCALES } from '../../pipeline/generate/scale.ts';
import { PROGRESS_MESSAGES } from '../../core/messages/index.ts';
import { addMonths, periodRange } from '../../core/period.ts';
import { inStage, stagesOn } from '../../pipeline/progress/index.ts';
import { refreshMirrorPrefixes } from '../../pipeline/refresh/refresh.ts';
import { buildLake, linkMirrorFrom } from './build-lake.ts';
import { compactMirror } from './compact-mirror.ts';
import { benchBundle } from './bundle-bench.ts';
import { benchDashboard } from './dashboard-bench.ts';
import { benchIngest } from './ingest-bench.ts';
import { figures, load, machine, note, ratioOf, step, timed } from './measure.ts';
import { benchQuery } from './query-bench.ts';
import { benchQueryProcess } from './query-process-bench.ts';
import { backfillSummaries, benchRefresh } from './refresh-bench.ts';
import { benchScan } from './scan-bench.ts';
import { benchStart } from './start-bench.ts';

const STEPS = ['bundle', 'ingest', 'start', 'lake', 'query', 'refresh', 'scan', 'dashboard'] as const;

const { values } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    'debtors-per-month': { type: 'string' },
    'ingest-rows': { type: 'string' },
    work: { type: 'string', default: join(tmpdir(), 'vss-bench') },
    only: { type: 'string', default: STEPS.join(',') },
    seed: { type: 'string', default: '1' },
    'as-built': { type: 'boolean', default: false },
  },
});
const debtorsPerMonth = Number(
  values['debtors-per-month'] ?? (values.full ? SCALES.full.debtorsPerMonth : 15_000),
);
const ingestRows = Number(values['ingest-rows'] ?? (values.full ? 1_000_000 : 300_000));
const only = new Set(values.only.split(','));
const work = values.work;
const { from, to } = SCALES.full;
const oneYearFrom = addMonths(to, -11);
const twoYearsFrom = addMonths(to, -23);

console.log(`machine: ${machine()}; load average at start ${load()}`);
console.log(
  `sizes: ${debtorsPerMonth.toLocaleString('en')} debtor rows a month ${from} to ${to}; ingest ${ingestRows.toLocaleString('en')} rows; work dir ${work}`,
);
await mkdir(work, { recursive: true });

if (only.has('bundle')) await benchBundle(work);
if (only.has('ingest')) await benchIngest(work, ingestRows);
if (only.has('start')) await benchStart(work);

const compacted = !values['as-built'];
const lakeDir = join(work, `lake-${debtorsPerMonth}${compacted ? '-compacted' : ''}`);
const sixYears = join(lakeDir, 'mirror-6y');
const oneYear = join(lakeDir, 'mirror-1y');
// What the refresh Lambda mirrors (refreshMirrorPrefixes): summaries, ledger, the small datasets.
const refreshSix = join(lakeDir, 'refresh-6y');
const refreshOne = join(lakeDir, 'refresh-1y');
const refreshTwo = join(lakeDir, 'refresh-2y');
const refreshMirrors = { '1y': refreshOne, '2y': refreshTwo, '6y': refreshSix };
const built = join(lakeDir, 'built');
if (
  only.has('lake') ||
  (!existsSync(built) && ['query', 'refresh', 'scan', 'dashboard'].some((s) => only.has(s)))
) {
  step(`lake of ${from} to ${to} built with DuckDB from generated rows (not timed as a figure)`);
  await rm(lakeDir, { recursive: true, force: true });
  const months = periodRange(from, to).length;
  const lake = await timed(() =>
    inStage(
      stagesOn(process.stderr),
      PROGRESS_MESSAGES.bench('lake build'),
      (stage) => {
        let built = 0;
        return buildLake({
          mirrorDir: sixYears,
          from,
          to,
          debtorsPerMonth,
          seed: Number(values.seed),
          onMonth: () => stage.update(++built, months),
        });
      },
      months,
    ),
  );
  note(`${lake.value.toLocaleString('en')} debt rows in ${lake.seconds.toFixed(0)} s`);
  await backfillSummaries(sixYears);
  if (compacted) {
    step('closed months compacted, as the monthly compaction leaves them (not timed as a figure)');
    await compactMirror(sixYears);
  }
  await linkMirrorFrom(sixYears, oneYear, oneYearFrom);
  await writeFile(built, new Date().toISOString());
} else if (existsSync(built)) note(`reusing the lake in ${lakeDir}`);
if (existsSync(built) && !existsSync(refreshSix)) {
  await linkMirrorFrom(sixYears, refreshSix, from, refreshMirrorPrefixes());
  await linkMirrorFrom(sixYears, refreshOne, oneYearFrom, refreshMirrorPrefixes());
}
if (existsSync(built) && !existsSync(refreshTwo)) {
  await linkMirrorFrom(sixYears, refreshTwo, twoYearsFrom, refreshMirrorPrefixes());
}

if (only.has('query')) {
  await benchQuery(sixYears);
  await benchQueryProcess(sixYears, work);
}
if (only.has('refresh')) await benchRefresh(refreshMirrors, lakeDir, sixYears);
if (only.has('scan')) await benchScan(sixYears);
if (only.has('dashboard')) {
  if (!existsSync(join(lakeDir, 'site-6y', 'data'))) await benchRefresh(refreshMirrors, lakeDir, sixYears);
  await benchDashboard(join(lakeDir, 'site-6y'));
}

step('summary');
for (const f of figures) {
  const ratio = f.baseline ? ` = ${ratioOf(f)?.toFixed(2)}× ${f.baseline.name}` : '';
  console.log(`   ${f.name}: ${f.value.toFixed(3)} ${f.unit}${ratio}`);
}
console.log(`load average at end ${load()}`);
