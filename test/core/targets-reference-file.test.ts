/**
 * A national targets file checked before it is loaded: the sample decision passes whole; each
 * broken rule is an error naming its row, column, rule, expected and found in both languages.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { targetsDataset } from '../../core/reference/targets-dataset.ts';
import { writeTemplate } from '../../pipeline/template/write-template.ts';
import { describe, expect, it } from 'vitest';
import { provinces } from '../../pipeline/reference/provinces.ts';
import { nationalTargets } from '../../pipeline/reference/targets.ts';
import { validateTargetsFile } from '../../pipeline/reference/validate-targets.ts';
import { targetsFileRows } from '../support/targets-file.ts';

const registry = provinces();
const HEADER =
  'year,generation,province,target_si_compulsory,target_si_voluntary,target_ui,target_hi,late_rate_target_bp,plan_bhxh,plan_bhyt,plan_bhtn,decision_no,decision_date';
const line = (
  province: string,
  hi: string,
  date = '2025-06-15',
  no = 'QĐ 9/QĐ-BHXH',
  year = '2025',
  generation = '34',
) => [year, generation, province, '10', '2', '9', hi, '255', '100', '40', '7', no, date].join(',');
const check = (lines: string[], loaded = nationalTargets()) =>
  validateTargetsFile('qd-9.csv', new TextEncoder().encode([HEADER, ...lines].join('\n')), registry, loaded);

describe('a national targets file', () => {
  it('accepts the sample decision file row for row', async () => {
    const file = readFileSync(new URL('../../reference/targets.csv', import.meta.url));
    const checked = await validateTargetsFile('targets.csv', file, registry);
    expect(checked.errors).toEqual([]);
    expect(checked.rows).toHaveLength(targetsFileRows().length);
    expect(checked.rows).toEqual(nationalTargets().history());
  });

  it('reads Vietnamese headers, and a code that lost its leading 0', async () => {
    const vi =
      'Năm,He don vi,Ma tinh,Chỉ tiêu BHXH bắt buộc (người),Chỉ tiêu BHXH tự nguyện (người),Chỉ tiêu BHTN (người),Chỉ tiêu BHYT (người),Tỷ lệ chậm đóng tối đa (phần vạn),Kế hoạch thu BHXH (đồng),Kế hoạch thu BHYT (đồng),Kế hoạch thu BHTN (đồng),Số quyết định,Ngày quyết định';
    const body = [vi, line('1', '1.100', '15/06/2025')].join('\n');
    const checked = await validateTargetsFile('qd.csv', new TextEncoder().encode(body), registry);
    expect(checked.errors).toEqual([]);
    expect(checked.rows[0]).toMatchObject({
      province: '01',
      participants: { hi: 1100 },
      decision_date: '2025-06-15',
    });
  });

  it('names the row, column, rule, expected and found of every broken rule', async () => {
    const checked = await check([
      line('01', '1100'),
      line('01', '1200'), // the same unit-year twice in one decision
      line('03', '5', '2024-06-15', 'QĐ 9/QĐ-BHXH', '2024', '63'), // 03 is no unit of the 63; another date
      line('79', '-5'),
      line('80', '5', '31/02/2025'),
    ]);
    expect(checked.accepted).toBe(false);
    expect(checked.rows).toEqual([]);
    expect(checked.errors.map((e) => [e.row, e.column, e.rule, e.expected, e.found])).toEqual([
      [3, 'province', 'targets.duplicate', 'once', '2025/34/01'],
      [4, 'province', 'targets.province', 'a province code valid in the period', '03'],
      [4, 'decision_date', 'targets.decision_date', '2025-06-15', '2024-06-15'],
      [5, 'target_hi', 'integer.min', '>= 0', '-5'],
      [6, 'decision_date', 'date.format', 'dd/mm/yyyy or yyyy-mm-dd', '31/02/2025'],
    ]);
    for (const e of checked.errors) {
      expect(e.message_vi, e.rule).not.toBe('');
      expect(e.message_en, e.rule).not.toBe(e.message_vi);
    }
    expect(checked.errors[0]?.message_vi).toContain('dòng 2');
  });

  it('gives the national office a template whose filled copy passes', async () => {
    const workbook = new ExcelJS.Workbook();
    const template = await writeTemplate(targetsDataset);
    await workbook.xlsx.load(
      template.buffer.slice(template.byteOffset, template.byteOffset + template.byteLength) as ArrayBuffer,
    );
    const data = workbook.worksheets[0];
    if (!data) throw new Error('template without a data sheet');
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(targetsDataset.columns.map((c) => c.vi));
    data.addRow([2026, '34', '79', 10, 2, 9, 1234, 250, 100, 40, 7, 'QĐ 12/QĐ-BHXH', '20/12/2025']);
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
    const checked = await validateTargetsFile('qd-12.xlsx', filled, registry, nationalTargets());
    expect(checked.errors).toEqual([]);
    expect(checked.rows).toEqual([
      {
        year: 2026,
        generation: '34',
        province: '79',
        participants: { si_compulsory: 10, si_voluntary: 2, ui: 9, hi: 1234 },
        late_rate_target_bp: 250,
        collection_plan: { bhxh: 100, bhyt: 40, bhtn: 7 },
        decision_no: 'QĐ 12/QĐ-BHXH',
        decision_date: '2025-12-20',
      },
    ]);
  });

  it('refuses a decision already loaded, and a file without the template columns', async () => {
    const again = await check([line('01', '5', '2024-12-20', 'MẪU-2025/QĐ-BHXH (sample)')]);
    expect(again.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [2, 'decision_no', 'targets.loaded'],
    ]);
    const bare = await validateTargetsFile(
      'x.csv',
      new TextEncoder().encode('year,province\n2025,01\n'),
      registry,
    );
    expect(bare.errors.map((e) => e.expected)).toContain('Chỉ tiêu BHYT (người)');
    expect(bare.errors.every((e) => e.rule === 'header.missing' && e.row === 1)).toBe(true);
  });
});
