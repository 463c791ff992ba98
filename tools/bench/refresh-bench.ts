/**
 * The leadership refresh (every dashboard query, site data written) over one, two and six years
 * of the same lake, on mirrors holding what the refresh Lambda mirrors (summaries, ledger,
 * the small datasets; never the debt detail): it should not grow with history. Three cases: cold
 * (no engine file cache yet: a new Lambda container), warm (nothing changed since the last run)
 * and after one province-month was replaced (the usual refresh after an accepted upload: the
 * months it changed recomputed, the rest of the site data kept). The
 * summaries ingest writes beside each lake object are backfilled first, as a live lake holds them.
 * Each mirror carries the index syncMirror keeps, and a replaced object gets a new ETag in it.
 * The local "cold" case only deletes the local folders; a new container as the Lambda meets it,
 * against an S3 server with and without the state the last refresh kept there, is
 * refresh-cold-bench.ts.
 */
import { existsSync } from 'node:fs';
import { copyFile, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { CACHE_DIR } from '../../pipeline/query/file-cache.ts';
import { journaled, remoteStamp } from '../../pipeline/mirror/mirror-journal.ts';
import { indexSchema, MIRROR_INDEX, walkedFiles } from '../../pipeline/mirror/mirror-listing.ts';
import {
  LAKE_PREFIX,
  LEDGER_COMPACTED_PREFIX,
  LEDGER_PREFIX,
  SUMMARIES_PREFIX,
} from '../../core/contracts/layout.ts';
import { refreshSite } from '../../pipeline/refresh/refresh.ts';
import { STATE_DIR } from '../../pipeline/refresh/refresh-state.ts';
import { ensureSummaries } from '../../pipeline/summary/backfill.ts';
import { median, note, ratiosWithin, report, step, timed } from './measure.ts';
import { benchColdFromS3 } from './refresh-cold-bench.ts';

const RUNS = 3;
/** Rounds of refreshes after an upload: short ones, so more of them than of the others. */
const ROUNDS = 7;

/** The site data folder stays between runs, as the Lambda's /tmp does between warm invocations. */
async function refreshOnce(mirrorDir: string, outDir: string, label: string): Promise<number> {
  const run = await timed(() => refreshSite({ mirrorDir, outDir }));
  const { recomputed } = run.value;
  const months = recomputed === 'all' ? 'all months' : `${recomputed.length} months recomputed`;
  note(
    `refresh ${label} ${mirrorDir}: ${run.seconds.toFixed(2)} s (${run.value.files.length} files, ${months})`,
  );
  return run.seconds;
}

/**
 * The first file under a folder, by name (the oldest month: the most comparisons to redo), or the
 * first of the latest month (the usual upload): stands for the province-month an upload replaced.
 */
async function firstFile(dir: string, ending: string, latest = false): Promise<string> {
  const names = (await readdir(dir, { recursive: true, encoding: 'utf8' })).filter((n) => n.endsWith(ending));
  const monthOf = (n: string) => /(\d{4}-\d{2})/.exec(n)?.[1] ?? '';
  const last = names.map(monthOf).sort().at(-1);
  const name = names
    .filter((n) => !latest || monthOf(n) === last)
    .sort()
    .at(0);
  if (name === undefined) throw new Error(`no ${ending} file under ${dir}`);
  return join(dir, name);
}

type Index = Record<string, { size: number; etag: string }>;

async function readIndex(mirrorDir: string): Promise<Index> {
  return indexSchema.parse(JSON.parse(await readFile(join(mirrorDir, MIRROR_INDEX), 'utf8')));
}

async function writeIndex(mirrorDir: string, index: Index): Promise<void> {
  const path = join(mirrorDir, MIRROR_INDEX);
  await writeFile(`${path}.bench.tmp`, JSON.stringify(index));
  await rename(`${path}.bench.tmp`, path);
}

/** The index syncMirror would have written for a mirror built on disk (ETags made up, unique). */
export async function indexMirror(mirrorDir: string): Promise<void> {
  if (existsSync(join(mirrorDir, MIRROR_INDEX))) return;
  const index: Index = {};
  for (const prefix of [LAKE_PREFIX, LEDGER_PREFIX, LEDGER_COMPACTED_PREFIX, SUMMARIES_PREFIX]) {
    for (const key of walkedFiles(mirrorDir, prefix, false).keys()) {
      const s = await stat(join(mirrorDir, key));
      index[key] = { size: s.size, etag: `"${s.ino}"` };
    }
  }
  await writeIndex(mirrorDir, index);
}

/** Rewrites a file by copy and rename with a new ETag in the index and journal, as syncMirror does. */
async function replaceFile(mirrorDir: string, path: string): Promise<void> {
  await copyFile(path, `${path}.bench.tmp`);
  await rename(`${path}.bench.tmp`, path);
  const index = await readIndex(mirrorDir);
  const key = relative(mirrorDir, path).split(sep).join('/');
  const meta = { size: (await stat(path)).size, etag: `"${Date.now()}-${Math.random()}"` };
  index[key] = meta;
  await journaled(mirrorDir, new Map([[key, remoteStamp(meta)]]), () => writeIndex(mirrorDir, index));
}

async function coldAndWarm({ mirrorDir, outDir }: Side) {
  await indexMirror(mirrorDir);
  // A new container: no engine cache, no refresh state, no site data folder.
  await rm(join(mirrorDir, CACHE_DIR), { recursive: true, force: true });
  await rm(join(mirrorDir, STATE_DIR), { recursive: true, force: true });
  await rm(outDir, { recursive: true, force: true });
  const cold = await refreshOnce(mirrorDir, outDir, 'cold');
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) warm.push(await refreshOnce(mirrorDir, outDir, 'warm'));
  return { cold, warm: median(warm) };
}

interface Side {
  mirrorDir: string;
  outDir: string;
}

/** The mirrors compared: 6 years against 1 (the figure) and 2 (a whole comparison window). */
const SIDES = ['1y', '2y', '6y'] as const;
type SideName = (typeof SIDES)[number];
type Sides = Record<SideName, Side>;
const YEARS: Record<SideName, string> = { '1y': '1 year', '2y': '2 years', '6y': '6 years' };
const bySide = <T>(value: (name: SideName) => T) =>
  Object.fromEntries(SIDES.map((name) => [name, value(name)])) as Record<SideName, T>;

/** The same, one side after another: refreshes are not run side by side. */
async function bySideInTurn<T>(value: (name: SideName) => Promise<T>): Promise<Record<SideName, T>> {
  const values: Partial<Record<SideName, T>> = {};
  for (const name of SIDES) values[name] = await value(name);
  return values as Record<SideName, T>;
}

/**
 * The refresh after one upload (of the oldest month, or of the latest) over the mirrors in turn,
 * a round at a time: each round ran back to back, so the median of the ratios within rounds is
 * steadier than a ratio of medians taken minutes apart on a shared machine.
 */
async function afterUploads(sides: Sides, latest: boolean) {
  const times = bySide((): number[] => []);
  const label = latest ? 'after one upload of the latest month' : 'after one upload';
  for (let i = 0; i < ROUNDS; i++) {
    for (const side of SIDES) {
      const { mirrorDir, outDir } = sides[side];
      await replaceFile(mirrorDir, await firstFile(join(mirrorDir, SUMMARIES_PREFIX), '.parquet', latest));
      await replaceFile(mirrorDir, await firstFile(join(mirrorDir, LEDGER_PREFIX), '.json', latest));
      times[side].push(await refreshOnce(mirrorDir, outDir, label));
    }
  }
  const within = (base: SideName) => {
    const ratios = ratiosWithin(times['6y'], times[base]);
    note(
      `${label}, 6 years / ${YEARS[base]} within each round: ${ratios.map((r) => r.toFixed(2)).join(', ')}`,
    );
    return median(ratios);
  };
  return { medians: bySide((name) => median(times[name])), to1y: within('1y'), to2y: within('2y') };
}

export async function backfillSummaries(mirrorDir: string): Promise<void> {
  const run = await timed(() => ensureSummaries(mirrorDir));
  note(`summaries backfilled in ${mirrorDir}: ${run.value.written} files in ${run.seconds.toFixed(1)} s`);
}

/** `lake`: the whole lake's mirror the refresh mirrors were linked from. */
export async function benchRefresh(
  mirrors: Record<SideName, string>,
  workDir: string,
  lake: string,
): Promise<void> {
  step(
    `leadership refresh: cold, median of ${RUNS} warm, then ${ROUNDS} rounds (1, 2, 6 years) after one upload`,
  );
  const sides: Sides = bySide((name) => ({
    mirrorDir: mirrors[name],
    outDir: join(workDir, `site-${name}`, 'data'),
  }));
  const start = await bySideInTurn((name) => coldAndWarm(sides[name]));
  const oldest = await afterUploads(sides, false);
  const latest = await afterUploads(sides, true);
  report({ name: 'refresh, 1 year, after one upload', value: oldest.medians['1y'], unit: 's', target: 1 });
  report({ name: 'refresh, 6 years, after one upload', value: oldest.medians['6y'], unit: 's', target: 0.5 });
  report({ name: 'refresh, 6 years, warm (nothing changed)', value: start['6y'].warm, unit: 's', target: 1 });
  report({
    name: 'refresh after one upload of the latest month (6 years / 1 year)',
    value: latest.medians['6y'],
    unit: 's',
    baseline: { name: '1 year', value: latest.medians['1y'] },
    pairedRatio: latest.to1y,
    target: 1.1,
  });
  // The latest month's comparisons read back to January of the year before: 22 months here, of
  // which a 1-year lake holds 12. Two years hold them all, as six do: the same work, by history.
  report({
    name: 'refresh after one upload of the latest month (6 years / 2 years, its comparisons whole at both)',
    value: latest.medians['6y'],
    unit: 's',
    baseline: { name: '2 years', value: latest.medians['2y'] },
    pairedRatio: latest.to2y,
    target: 1.1,
  });
  report({ name: 'refresh, 6 years, cold (no cache: a new container)', value: start['6y'].cold, unit: 's' });
  // An upload of the oldest month changes the year-to-date and year-before figures of 24 months
  // at 6 years and of 12 in a 1-year lake: unequal work, so no target on this ratio.
  report({
    name: 'refresh growth with history, after one upload of the oldest month (6 years / 1 year)',
    value: oldest.medians['6y'],
    unit: 's',
    baseline: { name: '1 year', value: oldest.medians['1y'] },
    pairedRatio: oldest.to1y,
  });
  report({
    name: 'refresh, 6 years, cold',
    value: start['6y'].cold,
    unit: 's',
    baseline: { name: '1 year cold', value: start['1y'].cold },
  });
  step(`refresh in a new container against a local S3: no state, then ${RUNS} after one upload each`);
  const s3 = await benchColdFromS3(mirrors['6y'], lake, workDir, '6y', RUNS);
  report({ name: 'refresh, 6 years, new container, no state in S3', value: s3.withoutState, unit: 's' });
  report({
    name: 'refresh, 6 years, new container with the state in S3, after one upload (oldest month)',
    value: s3.oldest,
    unit: 's',
    target: 10,
  });
  report({
    name: 'refresh, 6 years, new container with the state in S3, after one upload (latest month)',
    value: s3.latest,
    unit: 's',
    target: 10,
  });
}
