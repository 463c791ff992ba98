/**
 * The real `vss` in child processes: `vss targets load` writes a decision into the local lake's
 * targets object, and a later `vss query` (another process, which syncs its mirror) reads it in
 * vss.targets; loading the same decision again is refused with exit 1 and changes nothing.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'vss-cli-targets-'));
const dataDir = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function vss(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, ['cli/vss.js', ...args, '--data-dir', dataDir], {
      cwd: root,
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

const file = join(dir, 'qd-7.csv');
writeFileSync(
  file,
  'year,generation,province,target_si_compulsory,target_si_voluntary,target_ui,target_hi,late_rate_target_bp,plan_bhxh,plan_bhyt,plan_bhtn,decision_no,decision_date\n' +
    '2026,34,79,10,2,9,4321,240,100,40,7,QĐ 7/QĐ-BHXH,2026-03-02\n',
);
const QUERY =
  "SELECT decision_no, target_hi FROM vss.targets WHERE year = '2026' AND generation = '34' AND province = '79'";

describe('vss targets load, then vss query', () => {
  it('loads into the lake, the next process reads it, a repeat is refused and changes nothing', async () => {
    const loaded = await vss('targets', 'load', file, '--lang', 'en');
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toContain('into s3://vss-lake/targets/history.parquet');
    const queried = await vss('query', QUERY, '--format', 'json');
    expect(JSON.parse(queried.stdout)).toEqual([{ decision_no: 'QĐ 7/QĐ-BHXH', target_hi: 4321 }]);
    const object = join(dataDir, 'mirror', 'targets', 'history.parquet');
    const before = readFileSync(object);
    const again = await vss('targets', 'load', file, '--lang', 'en');
    expect(again.code).toBe(1);
    await vss('query', QUERY, '--format', 'json');
    expect(readFileSync(object).equals(before)).toBe(true);
  });
});
