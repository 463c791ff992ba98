/**
 * Receipts in sentences: every rule has a name in both languages, every `expected` text the
 * validator writes reads in words, no Vietnamese rendering carries an English word or a rule id,
 * times are on Vietnam's clock; a UTF-16 file gets the "save as CSV UTF-8" advice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueCells } from '../../dashboard/src/portal/receipt-view.ts';
import {
  RULE_MESSAGES,
  type RuleId,
  cellInWords,
  expectedInWords,
  RULE_NAMES,
  ruleName,
  vietnamTime,
} from '../../core/messages/index.ts';
import { validateUpload } from '../../pipeline/validate/index.ts';

/** English words that must never show in Vietnamese text (the validator's own vocabulary). */
const ENGLISH =
  /\b(expected|found|whole|number|value|digits|once|row|column|file|header|least|ordinary|valid|period|data|or)\b/i;

/** Every literal `expected` the validator passes to issues.add (read from its source). */
function validatorExpectedTexts(): string[] {
  const dir = join(import.meta.dirname, '..', '..', 'pipeline', 'validate');
  const texts = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(dir, file), 'utf8');
    for (const m of source.matchAll(/issues\.add\(\s*'(?:error|warning)',\s*[^,]+,\s*'[\w.]+',\s*'([^']+)'/g))
      if (m[1]) texts.add(m[1]);
    if (file === 'parse-cell.ts')
      for (const m of source.matchAll(/fail\('[\w.]+', '([^']+)'\)/g)) if (m[1]) texts.add(m[1]);
    for (const m of source.matchAll(/expected: '([^']+)'/g)) if (m[1]) texts.add(m[1]);
  }
  return [...texts];
}

const validate = (bytes: Uint8Array) =>
  validateUpload({
    bytes,
    key: 'uploads/debt/2025-08/01/no.csv',
    location: { dataset: 'debt', period: '2025-08', province: '01', fileName: 'no.csv' },
    receivedAt: '2025-09-05T03:00:00.000Z',
    now: new Date('2025-09-05T03:00:00.000Z'),
  });

describe('receipt wording', () => {
  it('names every rule in both languages, none by its id', () => {
    for (const rule of Object.keys(RULE_MESSAGES) as RuleId[]) {
      expect(RULE_NAMES[rule], rule).toBeDefined();
      for (const lang of ['vi', 'en'] as const) expect(ruleName(rule, lang)).not.toContain(rule);
      expect(ruleName(rule, 'vi'), rule).not.toMatch(ENGLISH);
    }
    expect(ruleName('some.future_rule', 'vi')).toBe('Kiểm tra dữ liệu');
  });

  it('says what was expected in words, in Vietnamese with no English word', () => {
    const texts = validatorExpectedTexts();
    expect(texts.length).toBeGreaterThan(8); // the scan found the validator's texts
    for (const text of texts) {
      const vi = expectedInWords('x', text, 'vi');
      expect(vi, text).not.toBe('');
      expect(vi, text).not.toMatch(ENGLISH);
      expect(expectedInWords('x', text, 'en'), text).not.toBe('');
    }
    expect(expectedInWords('integer.min', '>= 0', 'vi')).toBe('từ 0 trở lên');
    expect(expectedInWords('integer.max', '<= 600', 'en')).toBe('at most 600');
    expect(expectedInWords('location.period', '<= 2025-09', 'vi')).toBe('đến kỳ 09/2025');
    expect(expectedInWords('rule.sum_equals', '1234567', 'vi')).toBe('1.234.567');
    expect(expectedInWords('header.missing', 'Nợ BHXH (đồng)', 'vi')).toBe('cột "Nợ BHXH (đồng)"');
  });

  it('places an issue in the file by sheet, row and column header', () => {
    expect(cellInWords({ sheet: null, row: 12 }, 'Nợ BHXH (đồng)', 'vi')).toBe(
      'Dòng 12, cột "Nợ BHXH (đồng)"',
    );
    expect(cellInWords({ sheet: 'Nợ', row: 3 }, '', 'en')).toBe('Sheet "Nợ", row 3');
    expect(cellInWords({ sheet: null, row: null }, '', 'vi')).toBe('Cả tệp');
  });

  it('gives times on the Vietnam clock', () => {
    expect(vietnamTime('2025-07-10T17:00:00.000Z', 'vi')).toBe('11/07/2025 00:00 (giờ Việt Nam)');
    expect(vietnamTime('2025-07-10T16:59:59.000Z', 'en')).toBe('10/07/2025 23:59 (Vietnam time)');
  });

  it('renders a real receipt with no rule id and no English word in Vietnamese', async () => {
    const csv = [
      'ma_so_thue,ten_don_vi,no_bhxh,no_bhyt,no_bhtn,so_thang_no,da_thu_hoi,so_lao_dong,tinh_trang',
      '0100000001,Công ty A,-5,0,0,700,0,3,late',
      '0100000001,Công ty B,1.5,0,0,2,0,3,nope',
    ].join('\n');
    const { receipt } = await validate(new TextEncoder().encode(csv));
    expect(receipt.errors.length).toBeGreaterThan(3);
    for (const issue of receipt.errors) {
      const vi = issueCells('debt', issue, 'vi');
      const shown = [vi[0], vi[1], vi[3]].join(' | ');
      expect(shown, issue.rule).not.toContain(issue.rule);
      expect(shown, issue.rule).not.toMatch(ENGLISH);
      expect(vi[3], `${issue.rule} expected`).not.toBe('');
    }
  });

  it('tells an officer whose CSV is UTF-16 to save it as CSV UTF-8', async () => {
    const text = 'ma_so_thue,ten_don_vi\n0100000001,Công ty A\n';
    const utf16 = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) utf16[i * 2] = text.charCodeAt(i) & 0xff; // no BOM
    const { receipt } = await validate(utf16);
    const messages = receipt.errors.map((e) => e.message_vi).join(' ');
    expect(messages).toContain('CSV UTF-8');
    expect(messages).toContain('Lưu thành');
    expect(receipt.errors.map((e) => e.message_en).join(' ')).toContain('Save As');
  });
});
