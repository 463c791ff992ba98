/**
 * What the refresh would make Athena read: the objects under every table its queries name, as a
 * share of everything the lake bucket holds. An upper bound — Athena reads only the columns a
 * query uses — but the file count is exact, and it is what an Athena bill grows with.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DATASET_NAMES } from '../lib/datasets/index.ts';
import { LAKE_PREFIX, LEDGER_PREFIX, SUMMARIES_PREFIX } from '../lib/layout.ts';
import { PAGE_DATA } from '../lib/site-data.ts';
import { report, step } from './measure.ts';

/** The overview's queries in lib/site/refresh.ts, then the section pages' (lib/site-data.ts). */
const REFRESH_QUERIES = [
  'national_monthly',
  'province_monthly',
  'completeness',
  ...Object.values(PAGE_DATA).map((p) => p.query),
];
const QUERIES_DIR = new URL('../queries/', import.meta.url);

async function sizeOf(dir: string): Promise<{ bytes: number; files: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  let bytes = 0;
  let files = 0;
  for (const e of entries) {
    if (!e.isFile()) continue;
    bytes += (await stat(join(e.parentPath, e.name))).size;
    files += 1;
  }
  return { bytes, files };
}

/** Where a table of the `vss` schema lives in the bucket; reference tables live in the engine. */
function prefixOf(table: string): string | undefined {
  if (table === 'summaries') return SUMMARIES_PREFIX;
  if (table === 'uploads') return LEDGER_PREFIX;
  return (DATASET_NAMES as readonly string[]).includes(table) ? `${LAKE_PREFIX}${table}` : undefined;
}

export async function benchScan(mirrorDir: string): Promise<void> {
  step('what the refresh would scan in Athena');
  const tables = new Set<string>(['uploads']);
  for (const name of REFRESH_QUERIES) {
    const sql = await readFile(new URL(`${name}.sql`, QUERIES_DIR), 'utf8');
    for (const m of sql.matchAll(/vss\.([a-z_]+)/g)) if (m[1]) tables.add(m[1]);
  }
  const prefixes = [...new Set([...tables].flatMap((t) => prefixOf(t) ?? []))].sort();
  console.log(`   tables read: ${[...tables].sort().join(', ')}; prefixes: ${prefixes.join(', ')}`);
  let scanned = { bytes: 0, files: 0 };
  for (const p of prefixes) {
    const s = await sizeOf(join(mirrorDir, p));
    console.log(`   ${p}: ${s.files} files, ${(s.bytes / 1e6).toFixed(2)} MB`);
    scanned = { bytes: scanned.bytes + s.bytes, files: scanned.files + s.files };
  }
  const all = [LAKE_PREFIX, SUMMARIES_PREFIX, LEDGER_PREFIX].map((p) => sizeOf(join(mirrorDir, p)));
  const whole = (await Promise.all(all)).reduce((a, s) => ({
    bytes: a.bytes + s.bytes,
    files: a.files + s.files,
  }));
  console.log(
    `   whole bucket (lake, summaries, ledger): ${whole.files} files, ${(whole.bytes / 1e6).toFixed(2)} MB`,
  );
  report({ name: 'refresh scan, bytes', value: scanned.bytes / 1e6, unit: 'MB' });
  report({
    name: 'refresh scan, share of the bucket',
    value: (100 * scanned.bytes) / whole.bytes,
    unit: '%',
    target: 2,
  });
  report({
    name: 'refresh scan, files',
    value: scanned.files,
    unit: 'files',
    baseline: { name: 'all files', value: whole.files },
  });
}
