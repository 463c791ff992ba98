/**
 * The real `vss` in a child process: each kind of refusal is said in Vietnamese, then English,
 * on stderr, with no stack trace, and exits with the code it always had (2 misuse, 1 otherwise).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'vss-cli-errors-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function vss(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return vssWith({}, ...args);
}

async function vssWith(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['cli/vss.js', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The last two stderr lines, which are the refusal in both languages. */
function refusal(stderr: string): [string, string] {
  const lines = stderr.trimEnd().split('\n');
  return [lines.at(-2) ?? '', lines.at(-1) ?? ''];
}

const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('vss refusals', () => {
  it('a bad period flag: Vietnamese first, then English, exit 2', async () => {
    const { code, stdout, stderr } = await vss('generate', '--from', '2025-13', '--data-dir', dataDir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(refusal(stderr)).toEqual([
      'vss: --from phải có dạng YYYY-MM (năm-tháng), không phải "2025-13"',
      'vss: --from must be YYYY-MM: 2025-13',
    ]);
    noStack(stderr);
  });

  it('a bad port: exit 2, both languages', async () => {
    const { code, stderr } = await vss('serve', '--port', '70000', '--data-dir', dataDir);
    expect(code).toBe(2);
    expect(refusal(stderr)).toEqual([
      'vss: --port phải là số nguyên từ 0 đến 65535, không phải "70000"',
      'vss: --port must be 0-65535: 70000',
    ]);
    noStack(stderr);
  });

  // One definition of each flag (cli/options.ts) serves every verb: the same refusal from each.
  it.each([
    ['start', '--port', '99999'],
    ['serve', '--port', '-1'],
    ['start', '--from', '2025-13'],
    ['generate', '--to', '25-07'],
    ['start', '--to', '2025-7'],
  ])('%s %s %s: the same refusal as on every verb, exit 2, nothing started', async (verb, flag, value) => {
    const { code, stdout, stderr } = await vss(verb, flag, value, '--data-dir', dataDir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(refusal(stderr)).toEqual(
      flag === '--port'
        ? [
            `vss: --port phải là số nguyên từ 0 đến 65535, không phải "${value}"`,
            `vss: --port must be 0-65535: ${value}`,
          ]
        : [
            `vss: ${flag} phải có dạng YYYY-MM (năm-tháng), không phải "${value}"`,
            `vss: ${flag} must be YYYY-MM: ${value}`,
          ],
    );
    noStack(stderr);
  });

  it('a bad PORT in the environment is refused like a bad --port', async () => {
    const { code, stderr } = await vssWith({ PORT: 'http' }, 'serve', '--data-dir', dataDir);
    expect(code).toBe(2);
    expect(refusal(stderr)).toEqual([
      'vss: --port phải là số nguyên từ 0 đến 65535, không phải "http"',
      'vss: --port must be 0-65535: http',
    ]);
  });

  it('a missing file: exit 1, both languages', async () => {
    const missing = join(dataDir, 'debt', '2025-07', '01.csv');
    const { code, stderr } = await vss('validate', missing);
    expect(code).toBe(1);
    expect(refusal(stderr)).toEqual([
      `vss: Không mở được tệp ${missing}`,
      `vss: Cannot open the file ${missing}`,
    ]);
    noStack(stderr);
  });

  it('an unknown dataset: exit 2, both languages', async () => {
    const { code, stderr } = await vss(
      'validate',
      '--dataset',
      'salaries',
      '--period',
      '2025-08',
      '--province',
      '01',
      'x.csv',
    );
    expect(code).toBe(2);
    expect(refusal(stderr)).toEqual([
      'vss: Giá trị không hợp lệ cho --dataset: "salaries"',
      'vss: Invalid value for --dataset: "salaries"',
    ]);
  });

  it("the parser's own refusals (unknown option, bad choice) are said in both languages too", async () => {
    const unknown = await vss('query', '--bogus');
    expect(unknown.code).toBe(2);
    expect(refusal(unknown.stderr)).toEqual([
      "vss: Không có tuỳ chọn '--bogus'.",
      "vss: unknown option '--bogus'",
    ]);
    // Exactly once: the parser's English line is not printed beside ours.
    expect(unknown.stderr.match(/unknown option/g)).toHaveLength(1);
    const choice = await vss('query', '--format', 'pdf', 'SELECT 1');
    expect(choice.code).toBe(2);
    const [vi, en] = refusal(choice.stderr);
    expect(vi).toMatch(/^vss: Giá trị 'pdf' không hợp lệ cho '--format <format>'\. Chỉ nhận: table, csv/);
    expect(en).toMatch(/^vss: option '--format <format>' argument 'pdf' is invalid\./);
    noStack(choice.stderr);
  });

  it('help is not a refusal: exit 0 and nothing said in either language', async () => {
    const { code, stdout, stderr } = await vss('serve', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('--port');
    expect(stderr).toBe('');
  });
});
