import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DATASET_NAMES, DATASETS } from '../../../core/datasets/index.ts';
import { TEMPLATE_TEXT } from '../../../core/messages/index.ts';
import { TEMPLATE_ROWS, writeTemplate } from '../../../pipeline/template/write-template.ts';
import { validate } from '../validate/validate-upload-helpers.ts';

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The labels a list validation offers, read from the range it names. */
function listLabels(workbook: ExcelJS.Workbook, formula: string): string[] {
  const match = /^'(.+)'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(formula);
  if (!match) throw new Error(`not a range: ${formula}`);
  const sheet = workbook.getWorksheet(match[1]!)!;
  const labels: string[] = [];
  for (let r = Number(match[3]); r <= Number(match[4]); r += 1)
    labels.push(String(sheet.getCell(`${match[2]}${r}`).value));
  return labels;
}

describe('the upload template', () => {
  it.each(DATASET_NAMES)(
    '%s: Vietnamese headers, dropdowns of the labels, number checks, instructions',
    async (name) => {
      const dataset = DATASETS[name];
      const workbook = await open(await writeTemplate(dataset));
      const data = workbook.getWorksheet(TEMPLATE_TEXT.dataSheet.vi)!;
      expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(dataset.columns.map((c) => c.vi));
      dataset.columns.forEach((c, i) => {
        for (const row of [2, TEMPLATE_ROWS + 1]) {
          const validation = data.getCell(row, i + 1).dataValidation;
          if (c.type.kind === 'category') {
            expect(validation?.type).toBe('list');
            expect(listLabels(workbook, String(validation!.formulae[0]))).toEqual(
              c.type.options.map((o) => o.vi),
            );
          } else if (c.type.kind === 'integer') {
            expect(validation).toMatchObject({ type: 'whole' });
            expect(Number(validation!.formulae[0])).toBe(c.type.min);
          } else expect(validation).toBeUndefined();
        }
      });
      const instructions = workbook.getWorksheet(TEMPLATE_TEXT.instructionsSheet.vi)!;
      const keys: string[] = [];
      instructions.eachRow((row) => keys.push(String(row.getCell(2).value ?? '')));
      expect(keys.filter((k) => dataset.columns.some((c) => c.key === k))).toEqual(
        dataset.columns.map((c) => c.key),
      );
    },
  );

  it('filled in by a province, is accepted with the totals of what was typed', async () => {
    const workbook = await open(await writeTemplate(DATASETS.procedures));
    const data = workbook.getWorksheet(TEMPLATE_TEXT.dataSheet.vi)!;
    data.getRow(2).values = ['Thu, cấp sổ thẻ', 1200, 1100, 20, 80, 10];
    data.getRow(3).values = ['Giám định BHYT', 300, 250, 0, 50, 5];
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { receipt } = await validate('procedures', filled);
    expect(receipt.errors).toEqual([]);
    expect(receipt.status).toBe('accepted');
    expect(receipt.totals).toEqual({
      tiep_nhan: 1500,
      dung_han: 1350,
      tre_han: 20,
      dang_giai_quyet: 130,
      qua_han: 15,
    });
    // An empty template is a file with no rows, not a crash.
    expect(
      (await validate('procedures', await writeTemplate(DATASETS.procedures))).receipt.errors.map(
        (e) => e.rule,
      ),
    ).toEqual(['rows.none']);
  });

  it('is written by vss template, which refuses an unknown dataset with exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vss-template-'));
    const run = promisify(execFile);
    try {
      const out = join(dir, 'debt.xlsx');
      await run(process.execPath, ['cli/vss.js', 'template', 'debt', '--out', out]);
      const workbook = await open(await readFile(out));
      expect(workbook.getWorksheet(TEMPLATE_TEXT.dataSheet.vi)!.getCell('A1').value).toBe('Mã số thuế');
      const failed = await run(process.execPath, ['cli/vss.js', 'template', 'loans', '--out', out]).catch(
        (error: { code: number }) => error,
      );
      expect('code' in failed ? failed.code : 0).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
