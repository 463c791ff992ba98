/**
 * `vss` runs the bundle compiled from its sources only while it is those sources: in a copy of
 * the repository, a marker put into the built bundle shows it ran; once a source is edited the
 * marker is gone and the edit is what runs (tsx), and so after the packages change. While no
 * file's stamp changed, the contents are not hashed again: a wrong key in the manifest shows it.
 * DuckDB's JavaScript is in the bundle (no per-module export scan at start), its binding is not.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** What the CLI's modules and their files at run time are: the copy needs these and no more. */
const COPIED = [
  'cli',
  'core',
  'pipeline',
  'local',
  'queries',
  'reference',
  'package.json',
  'package-lock.json',
];
const MARKER = 'ran-from-bundle';
const DESCRIPTION = 'run SQL (or a named query of queries/)';

let copy = '';
const vss = (args: string[]) => run(process.execPath, ['cli/vss.js', ...args], { cwd: copy });

async function edit(path: string, change: (text: string) => string): Promise<void> {
  const file = join(copy, path);
  await writeFile(file, change(await readFile(file, 'utf8')));
}

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), 'vss-bundle-'));
  for (const entry of COPIED) {
    await cp(join(ROOT, entry), join(copy, entry), {
      recursive: true,
      filter: (source) => !source.startsWith(join(ROOT, 'cli', 'dist')),
    });
  }
  await symlink(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  await run(process.execPath, ['cli/build-bundle.js'], { cwd: copy });
  // The key covers the sources, not the output: a marked bundle is still current.
  await edit('cli/dist/main.js', (text) => `process.stderr.write(${JSON.stringify(MARKER)});\n${text}`);
}, 120_000);

afterAll(async () => {
  if (copy) await rm(copy, { recursive: true, force: true });
});

describe('the bundle of vss', () => {
  it('runs while it is the sources as they are', async () => {
    const { stdout, stderr } = await vss(['query', '--help']);
    expect(stderr).toContain(MARKER);
    expect(stdout).toContain(DESCRIPTION);
  }, 60_000);

  it('runs DuckDB from its own modules: no chunk imports @duckdb/node-api, the binding is required', async () => {
    const chunks = await Promise.all(
      (await readdir(join(copy, 'cli', 'dist')))
        .filter((file) => file.endsWith('.js'))
        .map((file) => readFile(join(copy, 'cli', 'dist', file), 'utf8')),
    );
    expect(chunks.some((text) => /from\s*["']@duckdb\/node-api["']/.test(text))).toBe(false);
    expect(chunks.some((text) => text.includes('__require("@duckdb/node-bindings")'))).toBe(true);
    const { stdout, stderr } = await vss(['query', 'SELECT 6 * 7 AS answer', '--format', 'csv']);
    expect(stderr).toContain(MARKER);
    expect(stdout.trim().split(/\r?\n/)).toEqual(['answer', '42']);
  });

  it('trusts unchanged stamps, and hashes the contents once a file is written', async () => {
    const manifest = await readFile(join(copy, 'cli/dist/manifest.json'), 'utf8');
    await edit('cli/dist/manifest.json', (text) =>
      text.replace(/"key": "\w+"/, '"key": "no-sources-give-this"'),
    );
    expect((await vss(['query', '--help'])).stderr).toContain(MARKER);
    // The same contents written again: a new change time, so the (now wrong) key decides.
    await edit('cli/main.ts', (text) => text);
    expect((await vss(['query', '--help'])).stderr).not.toContain(MARKER);
    await writeFile(join(copy, 'cli/dist/manifest.json'), manifest);
    expect((await vss(['query', '--help'])).stderr).toContain(MARKER);
  }, 60_000);

  it('does not run once a source it was built from is edited: the edited source runs', async () => {
    await edit('cli/commands/query.ts', (text) => text.replace(DESCRIPTION, `edited: ${DESCRIPTION}`));
    const { stdout, stderr } = await vss(['query', '--help']);
    expect(stderr).not.toContain(MARKER);
    expect(stdout).toContain(`edited: ${DESCRIPTION}`);
    await edit('cli/commands/query.ts', (text) => text.replace(`edited: ${DESCRIPTION}`, DESCRIPTION));
    expect((await vss(['query', '--help'])).stderr).toContain(MARKER);
  }, 60_000);

  it('does not run once the packages change (package-lock.json)', async () => {
    await edit('package-lock.json', (text) => `${text}\n`);
    const { stdout, stderr } = await vss(['query', '--help']);
    expect(stderr).not.toContain(MARKER);
    expect(stdout).toContain(DESCRIPTION);
  }, 60_000);

  it('does not run when its manifest does not read', async () => {
    await edit('cli/dist/manifest.json', (text) => text.slice(0, 10));
    expect((await vss(['query', '--help'])).stderr).not.toContain(MARKER);
  }, 60_000);
});
