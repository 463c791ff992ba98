/** `vss query` end to end in a child process, over a data directory whose mirror holds a small lake. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { localPaths } from '../../../core/contracts/layout.ts';
import { tempDir } from './engine-fixture.ts';
import { writeScenario } from './engine-scenario.ts';

const run = promisify(execFile);
let dataDir: string;

const vss = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, [
      'cli/vss.js',
      'query',
      '--data-dir',
      dataDir,
      ...args,
    ]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

beforeAll(async () => {
  dataDir = tempDir('query-cli');
  await writeScenario(localPaths(dataDir).mirror);
});

describe('vss query', () => {
  it('writes CSV with a UTF-8 BOM and Vietnamese intact', async () => {
    const { code, stdout } = await vss(
      '--name',
      'province_ranking',
      '--param',
      'period=2025-07',
      '--format',
      'csv',
    );
    expect(code).toBe(0);
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFperiod,measure,province,name_vi,value,value_rank,previous_value,change,previous_rank,change_break',
    );
    expect(lines[1]).toBe('2025-07,debt_total,08,Tuyên Quang,550,1,400,150,1,');
  });

  it('binds --geography to the queries that take it, and says so for those that do not', async () => {
    const series = await vss(
      '--name',
      'measure_series',
      '--param',
      'measure=debt_total',
      '--param',
      'province=08',
      '--geography',
      'current',
      '--format',
      'json',
    );
    expect(series.code).toBe(0);
    expect(JSON.parse(series.stdout)).toEqual([
      { period: '2025-06', measure: 'debt_total', province: '08', value: 400 },
      { period: '2025-07', measure: 'debt_total', province: '08', value: 550 },
    ]);
    const national = await vss(
      '--name',
      'national_figures',
      '--param',
      'period=2025-07',
      '--geography',
      'current',
    );
    expect(national.code).toBe(2);
    expect(national.stderr).toMatch(/không phân theo địa giới[\s\S]*has no geography/);
  });

  it('refuses a measure that does not exist, listing those that do', async () => {
    const { code, stderr } = await vss(
      '--name',
      'province_ranking',
      '--param',
      'period=2025-07',
      '--param',
      'measure=debt',
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/Không có chỉ tiêu "debt"[\s\S]*There is no measure "debt"[\s\S]*debt_total/);
  });

  it('explains bad SQL in Vietnamese and English and names the tables', async () => {
    const { code, stderr } = await vss('SELECT * FORM vss.debt');
    expect(code).toBe(1);
    expect(stderr).toMatch(/Truy vấn không chạy được: .*syntax error/);
    expect(stderr).toMatch(/The query failed/);
    expect(stderr).toContain('vss.debt, vss.coverage');
  });

  it('binds the ? of SQL text to the --param values in the order given', async () => {
    const sql =
      'SELECT province, SUM(no_bhxh) AS bhxh FROM vss.debt WHERE period = ? AND province IN (?, ?) GROUP BY province ORDER BY province';
    const args = ['--param', 'period=2025-06', '--param', 'a=01', '--param', 'b=08', '--format', 'json'];
    const { code, stdout } = await vss(sql, ...args);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { province: '01', bhxh: 150 },
      { province: '08', bhxh: 300 },
    ]);
  });

  it('says in both languages when the ? and the --param values do not match, and refuses --geography for SQL text', async () => {
    const short = await vss('SELECT ? AS a, ? AS b', '--param', 'a=1');
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/có 2 dấu \? nhưng có 1 giá trị[\s\S]*has 2 \? placeholders but 1 --param/);
    const named = await vss('SELECT $a AS a', '--param', 'a=1');
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/0 \? placeholders but 1 --param/);
    const geography = await vss('SELECT 1 AS one', '--geography', 'current');
    expect(geography.code).toBe(2);
    expect(geography.stderr).toMatch(/không nhận --geography[\s\S]*takes no --geography/);
  });

  it('exports the police-coordination list to XLSX: Hà Nội in July, 6 months and 10 employees is Art. 216', async () => {
    const out = join(tempDir('query-police'), 'police-01.xlsx');
    const args = ['--name', 'police_coordination', '--param', 'period=2025-07', '--param', 'province=01'];
    const { code } = await vss(...args, '--format', 'xlsx', '--out', out);
    expect(code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    const row = (sheet?.getRow(2).values as unknown[]).slice(1);
    expect(Object.fromEntries(header.map((h, i) => [String(h), row[i]]))).toMatchObject({
      period: '2025-07',
      province: '01',
      ma_so_thue: '0100000001',
      ten_don_vi: 'Công ty 0100000001',
      debt_total: 200,
      so_thang_no: 6,
      so_lao_dong: 10,
      art216: 1,
    });
    expect(sheet?.rowCount).toBe(2);
  });

  it('exports XLSX with numbers as numbers and formula-looking text defused', async () => {
    const out = join(tempDir('query-xlsx'), 'result.xlsx');
    const sql = "SELECT '=HYPERLINK(\"http://x\")' AS note, 'Đà Nẵng' AS name, 5 AS n, ? AS k";
    const { code } = await vss(sql, '--param', 'k=-1', '--format', 'xlsx', '--out', out);
    expect(code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([undefined, 'note', 'name', 'n', 'k']);
    expect(sheet?.getRow(2).values).toEqual([undefined, '\'=HYPERLINK("http://x")', 'Đà Nẵng', 5, -1]);
  });
});
