import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { locationFromPath, resolveLocation } from '../../../cli/commands/validate.ts';
import { UsageError } from '../../../core/errors.ts';

const run = promisify(execFile);
const vss = async (...args: string[]) => {
  try {
    const { stdout } = await run(process.execPath, ['cli/vss.js', 'validate', ...args]);
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
};

describe('vss validate', () => {
  it('takes the location from a path shaped <dataset>/<YYYY-MM>/<province>.csv, or from flags', () => {
    expect(locationFromPath('x/debt/2025-08/48.csv')).toEqual({
      dataset: 'debt',
      period: '2025-08',
      province: '48',
    });
    expect(locationFromPath('uploads/coverage/2025-08/01/t8.xlsx')).toEqual({
      dataset: 'coverage',
      period: '2025-08',
      province: '01',
    });
    const options = { lang: 'en' as const, dataset: 'coverage', province: '1', period: '2024-12' };
    expect(resolveLocation('report.xlsx', options)).toEqual({
      dataset: 'coverage',
      period: '2024-12',
      province: '01',
      fileName: 'report.xlsx',
    });
    expect(() => resolveLocation('report.xlsx', { lang: 'vi' })).toThrow(UsageError);
    expect(() => resolveLocation('report.xlsx', { ...options, period: '2024-13' })).toThrow(UsageError);
  });

  it('prints one JSON receipt and exits 0 for an accepted file, 1 for a rejected one, 2 on misuse', async () => {
    const accepted = await vss('test/fixtures/uploads/debt/2025-08/48.csv', '--json');
    expect(accepted.code).toBe(0);
    const receipt = JSON.parse(accepted.stdout);
    expect(receipt.status).toBe('accepted');
    expect(receipt.totals.no_bhxh).toBe(1_250_000_000 + 34_560_000);

    const rejected = await vss(
      'test/fixtures/uploads/debt/2025-08/48.csv',
      '--province',
      '49',
      '--lang',
      'en',
    );
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toContain('REJECTED');
    expect(rejected.stdout).toContain('48 Da Nang');

    expect((await vss('nowhere.csv')).code).toBe(2);
  }, 60_000);
});
