/**
 * The national aggregate as an analyst runs it: `vss query` in a new process (Node, tsx, the
 * CLI's modules, the engine over the mirror, the query, the output) against bare DuckDB in a new
 * Node process (the DuckDB module, one instance, the same SQL over the same Parquet files).
 * `vss` runs its bundle (cli/dist/, built here first) and, alternated with it, its sources through
 * tsx (VSS_CLI_FROM_SOURCES=1), as it does when the bundle is not current. Beside them, alternated
 * too: the CLI's start alone (`vss query --help`), Node's with the DuckDB module alone (the floor
 * under both sides), and Node's with DuckDB and the bundle's own chunks of zod and commander, the
 * two packages every verb loads: the floor under a CLI that validates and parses its flags and
 * imports DuckDB as bare does (vss, whose bundle holds DuckDB's JavaScript, can start below it).
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, symlink, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { localPaths } from '../../core/contracts/layout.ts';
import { median, note, ratiosWithin, report, step, timed } from './measure.ts';
import { aggregate, bareDebt } from './query-bench.ts';

/** More than in-process: a new process is short, so a burst of load elsewhere moves it more. */
const RUNS = 9;
const run = promisify(execFile);
/** From the repository's root, where cli/vss.js and node_modules are. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const node = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  run(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
const FROM_SOURCES = { VSS_CLI_FROM_SOURCES: '1' };

/** Bare DuckDB from Node: the instance, the SQL, the rows printed as JSON. */
const bareScript = (sql: string) =>
  `import { DuckDBInstance } from '@duckdb/node-api';` +
  `const i = await DuckDBInstance.create(':memory:'); const c = await i.connect();` +
  `const rows = (await c.runAndReadAll(${JSON.stringify(sql)})).getRowObjectsJS();` +
  `process.stdout.write(JSON.stringify(rows, (k, v) => (typeof v === 'bigint' ? Number(v) : v)));`;

const fingerprint = (json: string) =>
  (JSON.parse(json) as Record<string, unknown>[])
    .map((r) => `${String(r.period)}:${String(r.debtors)}:${String(r.owed)}:${String(r.owed_3_months)}`)
    .join('|');

/** The bundle's chunks that hold zod and commander, found by the module comments esbuild writes. */
function libraryChunks(): string[] {
  const dir = join(ROOT, 'cli', 'dist');
  const chunks = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
  return ['node_modules/zod/v4/classic/external.js\n', 'node_modules/commander/lib/command.js\n'].map(
    (mark) => {
      const chunk = chunks.find((c) => c.text.includes(mark));
      if (!chunk) throw new Error(`no chunk of cli/dist holds ${mark.trim()}`);
      return chunk.file;
    },
  );
}

const show = (times: number[]) => times.map((t) => t.toFixed(2)).join(', ');

export async function benchQueryProcess(mirrorDir: string, work: string): Promise<void> {
  step(`vss query in a new process vs bare DuckDB in a new Node process, median of ${RUNS}`);
  // A data directory whose mirror is the lake: what `vss query --data-dir` reads.
  const dataDir = join(work, 'query-data');
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  await symlink(mirrorDir, localPaths(dataDir).mirror);
  const bareSql = aggregate(bareDebt(mirrorDir));
  await node(['cli/build-bundle.js']);
  const libraries = libraryChunks()
    .map((file) => `await import(${JSON.stringify(pathToFileURL(file).href)});`)
    .join('');
  const query = ['cli/vss.js', 'query', '--data-dir', dataDir, '--format', 'json', aggregate('vss.debt')];
  const sides = {
    vss: () => node(query),
    bare: () => node(['--input-type=module', '-e', bareScript(bareSql)]),
    vssTsx: () => node(query, FROM_SOURCES),
    cliStart: () => node(['cli/vss.js', 'query', '--help']),
    cliStartTsx: () => node(['cli/vss.js', 'query', '--help'], FROM_SOURCES),
    nodeStart: () => node(['--input-type=module', '-e', `await import('@duckdb/node-api');`]),
    librariesStart: () =>
      node(['--input-type=module', '-e', `await import('@duckdb/node-api');${libraries}`]),
  };
  const times: Record<keyof typeof sides, number[]> = {
    vss: [],
    bare: [],
    vssTsx: [],
    cliStart: [],
    cliStartTsx: [],
    nodeStart: [],
    librariesStart: [],
  };
  const answers = { vss: '', bare: '', vssTsx: '' };
  for (let i = 0; i < RUNS; i++) {
    for (const side of Object.keys(sides) as (keyof typeof sides)[]) {
      const { value, seconds } = await timed(sides[side]);
      times[side].push(seconds);
      if (side === 'vss' || side === 'bare' || side === 'vssTsx') answers[side] = fingerprint(value.stdout);
    }
  }
  if (answers.vss !== answers.bare || answers.vssTsx !== answers.bare) {
    throw new Error('vss query and bare DuckDB disagree on the aggregate');
  }
  note(
    `vss query ${show(times.vss)} s; bare ${show(times.bare)} s; vss query through tsx ${show(times.vssTsx)} s`,
  );
  // Each pair ran back to back: the median of their ratios is steadier than a ratio of medians.
  const pairRatios = ratiosWithin(times.vss, times.bare);
  const tsxRatios = ratiosWithin(times.vssTsx, times.bare);
  note(`ratio within each pair ${show(pairRatios)}; median ${median(pairRatios).toFixed(2)}×`);
  note(`through tsx, ratio within each pair ${show(tsxRatios)}; median ${median(tsxRatios).toFixed(2)}×`);
  note(
    `vss query --help ${show(times.cliStart)} s (through tsx ${show(times.cliStartTsx)} s); ` +
      `node + DuckDB module ${show(times.nodeStart)} s; + zod and commander ${show(times.librariesStart)} s`,
  );
  // What loading the two packages adds to bare DuckDB: the floor of a CLI that imports DuckDB
  // as bare does. vss starts below it: its bundle holds DuckDB's JavaScript (cli/build-bundle.js).
  const libraryCost = median(times.librariesStart) - median(times.nodeStart);
  note(
    `floor of a CLI on zod and commander: (bare + ${libraryCost.toFixed(3)} s) / bare = ` +
      `${((median(times.bare) + libraryCost) / median(times.bare)).toFixed(2)}×`,
  );
  report({
    name: 'national aggregate through vss query, new process',
    value: median(times.vss),
    unit: 's',
    baseline: { name: 'bare DuckDB, new Node process', value: median(times.bare) },
    pairedRatio: median(pairRatios),
    target: 1.1,
  });
  report({
    name: 'vss query --help, new process',
    value: median(times.cliStart),
    unit: 's',
    baseline: { name: "Node + DuckDB + the bundle's zod and commander", value: median(times.librariesStart) },
  });
  report({
    name: 'national aggregate through vss query from its sources (tsx), new process',
    value: median(times.vssTsx),
    unit: 's',
    baseline: { name: 'bare DuckDB, new Node process', value: median(times.bare) },
  });
}
