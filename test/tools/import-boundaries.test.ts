/**
 * The import-direction rule bites: a dashboard file that imports a pipeline stage, a core file
 * that imports a Node module, and two files that import each other each fail `eslint` with the
 * repository's own config (eslint.config.js, tools/lint/import-boundaries.js).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

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
});
