/**
 * The import-direction rule bites: a dashboard file that imports a pipeline stage, a core file
 * that imports a Node module, and two files that import each other each fail `eslint` with the
 * repository's own config (eslint.config.js, tools/lint/import-boundaries.js). Cycles through
 * type-only imports, which that rule skips, are found by the import graph (import-graph.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { importCycles, importGraph, trackedTypeScript } from './import-graph.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const probes: string[] = [];

/** A throwaway folder inside `folder`, removed after the tests. */
function probeDir(folder: string): string {
  const dir = mkdtempSync(join(ROOT, folder, 'lint-probe-'));
  probes.push(dir);
  return dir;
}

async function ruleIdsOf(files: string[]): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const results = await eslint.lintFiles(files);
  return results.flatMap((r) => r.messages.map((m) => `${basename(r.filePath)}:${m.ruleId}`));
}

afterAll(() => {
  for (const dir of probes) rmSync(dir, { recursive: true, force: true });
});

describe('import boundaries', () => {
  it('refuses a dashboard file that imports a pipeline stage, and accepts one that imports core', async () => {
    const dir = probeDir('dashboard/src');
    const wrong = join(dir, 'wrong.ts');
    const right = join(dir, 'right.ts');
    writeFileSync(wrong, "export { deadlineOf } from '../../../pipeline/upload-api/due-reports.ts';\n");
    writeFileSync(right, "export { addMonths } from '../../../core/period.ts';\n");
    expect(await ruleIdsOf([wrong, right])).toEqual(['wrong.ts:import-x/no-restricted-paths']);
  });

  it('refuses a core file that imports a Node module or the AWS SDK', async () => {
    const dir = probeDir('core');
    const file = join(dir, 'server-only.ts');
    writeFileSync(
      file,
      "export { readFileSync } from 'node:fs';\nexport type { S3Client } from '@aws-sdk/client-s3';\n",
    );
    expect(await ruleIdsOf([file])).toEqual([
      'server-only.ts:no-restricted-imports',
      'server-only.ts:no-restricted-imports',
    ]);
  });

  it('refuses a file outside test/ that imports test/', async () => {
    const dir = probeDir('tools');
    const file = join(dir, 'uses-test.ts');
    writeFileSync(file, "export { putUpload } from '../../test/pipeline/ingest/ingest-harness.ts';\n");
    expect(await ruleIdsOf([file])).toEqual(['uses-test.ts:import-x/no-restricted-paths']);
  });

  it('refuses two files that import each other', async () => {
    const dir = probeDir('pipeline');
    const a = join(dir, 'a.ts');
    const b = join(dir, 'b.ts');
    writeFileSync(a, "import { b } from './b.ts';\nexport const a = (): number => b() + 1;\n");
    writeFileSync(b, "import { a } from './a.ts';\nexport const b = (): number => (a.length > 9 ? 0 : 1);\n");
    expect((await ruleIdsOf([a, b])).sort()).toEqual(['a.ts:import-x/no-cycle', 'b.ts:import-x/no-cycle']);
  });

  it('finds no cycle in the tree, type-only imports counted', () => {
    const graph = importGraph(ROOT, trackedTypeScript(ROOT));
    expect(graph.size).toBeGreaterThan(400);
    expect(importCycles(ROOT, graph)).toEqual([]);
  });

  it('finds a cycle made of type-only imports, which eslint lets pass', async () => {
    const dir = probeDir('pipeline');
    const a = join(dir, 'a.ts');
    const b = join(dir, 'b.ts');
    const c = join(dir, 'c.ts');
    writeFileSync(a, "import type { B } from './b.ts';\nexport interface A { b?: B }\n");
    writeFileSync(b, "export type { C as B } from './c.ts';\n");
    writeFileSync(c, "import type { A } from './a.ts';\nexport interface C { a?: A }\n");
    expect(await ruleIdsOf([a, b, c])).toEqual([]);
    const rel = (f: string) => relative(ROOT, f);
    expect(importCycles(ROOT, importGraph(ROOT, [a, b, c]))).toEqual([[rel(a), rel(b), rel(c)].sort()]);
  });
});
