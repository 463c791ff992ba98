import { describe, expect, it } from 'vitest';
import { DATASETS, column } from '../../../core/datasets/index.ts';
import { parseCell, parseDate, parseInteger } from '../../../pipeline/validate/parse-cell.ts';

describe('parseInteger', () => {
  it.each(['1.234.567', '1,234,567', '1 234 567', '1234567', '1\u00a0234\u00a0567', ' 1234567 '])(
    '%s is 1234567',
    (text) => {
      expect(parseInteger(text, 0)).toEqual({ ok: true, value: 1234567 });
    },
  );
  it('takes spreadsheet numbers as they are', () => {
    expect(parseInteger(42, 0)).toEqual({ ok: true, value: 42 });
    expect(parseInteger(42.5, 0)).toMatchObject({ ok: false, rule: 'integer.decimal' });
  });
  it.each(['1234,5', '12.5', '1.234.567,89', '1,234,567.50'])('%s has a decimal part', (text) => {
    expect(parseInteger(text, 0)).toMatchObject({ ok: false, rule: 'integer.decimal' });
  });
  it.each(['abc', '12a', '1.23.4', '--1', '(-5)', '-(5)'])('%s is not a number', (text) => {
    expect(parseInteger(text, 0)).toMatchObject({ ok: false, rule: 'integer.format' });
  });
  it.each(['1e5', '1,23E+09', '1.2E+10'])('%s lost digits to scientific notation', (text) => {
    expect(parseInteger(text, 0)).toMatchObject({ ok: false, rule: 'number.scientific' });
  });
  it('reads the shapes of vi-VN "Save as CSV": dash zero, currency sign, zero decimals', () => {
    expect(parseInteger('-', 0)).toEqual({ ok: true, value: 0, note: 'dash_zero' });
    expect(parseInteger(' – ', 0)).toEqual({ ok: true, value: 0, note: 'dash_zero' });
    expect(parseInteger('1.250.000 ₫', 0)).toEqual({ ok: true, value: 1_250_000 });
    expect(parseInteger('1.250.000,00', 0)).toEqual({ ok: true, value: 1_250_000 });
    expect(parseInteger('1,250,000.00', 0)).toEqual({ ok: true, value: 1_250_000 });
    expect(parseInteger('1.250.000,50', 0)).toMatchObject({ ok: false, rule: 'integer.decimal' });
  });
  it('refuses an amount in parentheses as the negative it is', () => {
    expect(parseInteger('(1.250.000)', 0)).toEqual({
      ok: false,
      rule: 'integer.negative',
      expected: '>= 0',
      value: -1_250_000,
    });
    expect(parseInteger('(1.250.000)', -2_000_000)).toEqual({ ok: true, value: -1_250_000 });
  });
  it('enforces min and max, and the safe-integer range', () => {
    expect(parseInteger('-1', 0)).toMatchObject({ ok: false, rule: 'integer.min' });
    expect(parseInteger('-1', -5)).toEqual({ ok: true, value: -1 });
    expect(parseInteger('601', 0, 600)).toMatchObject({ ok: false, rule: 'integer.max' });
    expect(parseInteger('600', 0, 600)).toEqual({ ok: true, value: 600 });
    expect(parseInteger('9007199254740993', 0)).toMatchObject({ ok: false, rule: 'integer.max' });
  });
});

describe('parseDate', () => {
  it.each([
    ['05/08/2025', '2025-08-05'],
    ['5/8/2025', '2025-08-05'],
    ['2025-08-05', '2025-08-05'],
    ['29/02/2024', '2024-02-29'],
  ])('%s is %s', (text, iso) => expect(parseDate(text)).toEqual({ ok: true, value: iso }));
  it.each(['29/02/2025', '31/04/2025', '2025-13-01', '08/2025', 'hôm qua'])('%s is not a date', (text) => {
    expect(parseDate(text)).toMatchObject({ ok: false, rule: 'date.format' });
  });
  it('reads Excel dates and serial day numbers', () => {
    expect(parseDate(new Date(Date.UTC(2025, 7, 5)))).toEqual({ ok: true, value: '2025-08-05' });
    expect(parseDate(45874)).toEqual({ ok: true, value: '2025-08-05' });
  });
});

describe('tax codes and categories', () => {
  const tax = column(DATASETS.debt, 'ma_so_thue').type;
  const status = column(DATASETS.debt, 'tinh_trang').type;
  it.each(['0101234567', '0101234567-001'])('%s is a tax code', (text) => {
    expect(parseCell(tax, text)).toEqual({ ok: true, value: text });
  });
  it.each(['101234567', 101234567])('%s is a tax code that lost its leading 0', (value) => {
    expect(parseCell(tax, value)).toEqual({ ok: true, value: '0101234567', note: 'leading_zero' });
  });
  it('refuses a tax code in scientific notation', () => {
    expect(parseCell(tax, '1,01E+09')).toMatchObject({ ok: false, rule: 'number.scientific' });
  });
  it.each(['10123456', '101234567-001', '0101234567-01', '01012345678', '0101 234 567', 10123456])(
    '%s is not a tax code',
    (value) => {
      expect(parseCell(tax, value)).toMatchObject({ ok: false, rule: 'tax_code.format' });
    },
  );
  it.each(['chậm đóng', 'CHAM DONG', 'cham dong', 'late', 'LATE'])('%s is late', (text) => {
    expect(parseCell(status, text)).toEqual({ ok: true, value: 'late' });
  });
  it('reads a multi-word label without diacritics and refuses unknown labels', () => {
    expect(parseCell(status, 'chuyen co quan cong an')).toEqual({ ok: true, value: 'referred_police' });
    expect(parseCell(status, 'nợ xấu')).toMatchObject({ ok: false, rule: 'category.unknown' });
  });
  it('reads a numeric article code from a spreadsheet number', () => {
    expect(parseCell(column(DATASETS.prosecution, 'dieu_luat').type, 216)).toEqual({
      ok: true,
      value: '216',
    });
  });
});
