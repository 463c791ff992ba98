/**
 * How a receipt's issues read to a provincial officer: the rule in words (never its id), the cell
 * as a place in the file, what was expected in the reader's language, and times on Vietnam's
 * clock. The receipt's JSON keeps its machine fields (`rule`, `expected`) for programs; every
 * screen and print renders them through these functions.
 */
import type { Bilingual, Lang, RuleId } from './messages.ts';

const b = (vi: string, en: string): Bilingual => ({ vi, en });

/** Each rule named for a reader, in a few words. */
export const RULE_NAMES: Readonly<Partial<Record<RuleId, Bilingual>>> = {
  'file.empty': b('Tệp phải có dữ liệu', 'The file must hold data'),
  'file.unreadable': b('Tệp phải đọc được', 'The file must be readable'),
  'file.type': b('Loại tệp: CSV UTF-8 hoặc Excel (.xlsx)', 'File type: CSV UTF-8 or Excel (.xlsx)'),
  'file.too_large': b('Dung lượng tệp tối đa', 'Largest file size'),
  'file.too_many_rows': b('Số dòng tối đa', 'Most rows in a file'),
  'file.decompression': b('Tệp Excel an toàn', 'A safe Excel file'),
  'file.wrong_dataset': b('Đúng loại báo cáo', 'The right report'),
  'file.wrong_version': b('Đúng phiên bản mẫu của kỳ báo cáo', "The template version of the report's month"),
  'total.mismatch': b('Dòng tổng cộng bằng tổng các dòng', 'Totals row equals the sum of the rows'),
  'rows.after_total': b('Không có dòng dưới dòng tổng cộng', 'No rows below the totals row'),
  'header.not_found': b('Có dòng tiêu đề của mẫu', 'The template header row is present'),
  'header.missing': b('Có đủ các cột bắt buộc', 'Every required column is present'),
  'header.duplicate': b('Mỗi cột chỉ một lần', 'Each column once'),
  'header.unknown': b('Cột không có trong mẫu', 'Column not in the template'),
  'cell.required': b('Ô bắt buộc phải có giá trị', 'A required cell must be filled'),
  'integer.format': b('Phải là số nguyên', 'Must be a whole number'),
  'integer.decimal': b('Không có phần thập phân', 'No decimal part'),
  'integer.min': b('Không nhỏ hơn mức tối thiểu', 'Not below the minimum'),
  'integer.max': b('Không lớn hơn mức tối đa', 'Not above the maximum'),
  'tax_code.format': b('Đúng dạng mã số thuế', 'A valid tax code'),
  'category.unknown': b('Thuộc danh mục của mẫu', 'One of the template values'),
  'date.format': b('Đúng dạng ngày', 'A valid date'),
  unique: b('Không trùng lặp', 'No repeats'),
  'rule.sum_equals': b('Các phần cộng lại bằng tổng', 'The parts add up to the total'),
  'rule.not_greater': b('Không vượt quá cột đối chiếu', 'Not more than the related column'),
  'rule.required_unless': b('Bắt buộc có giá trị trong trường hợp này', 'Required in this case'),
  'rule.all_or_none': b('Điền đủ cả nhóm cột hoặc để trống cả', 'All of the columns filled, or none'),
  'rule.paid_off': b(
    'Dòng đã trả hết nợ: có số thu hồi, không còn tháng nợ',
    'A paid-off row: arrears recovered, no months overdue',
  ),
  'location.province': b('Mã tỉnh còn hiệu lực trong kỳ', 'A province code valid in the month'),
  'location.period': b('Kỳ báo cáo được nhận', 'A month that is accepted'),
  'location.mismatch': b('Khớp với nơi nộp', 'Matches where the file was submitted'),
  'rows.none': b('Có ít nhất một dòng dữ liệu', 'At least one data row'),
  'issues.truncated': b('Danh sách lỗi được rút gọn', 'The list is shortened'),
  'file.limit': b('Trong giới hạn đọc của hệ thống', "Within the system's reading limits"),
  'file.unprocessable': b('Hệ thống phải xử lý được tệp', 'The system must be able to process the file'),
  'file.off_contract': b(
    'Nộp đúng chỗ: loại báo cáo, kỳ, tỉnh',
    'Submitted in the right place: report, month, province',
  ),
  'file.xls': b('Lưu lại dạng Excel (.xlsx) hoặc CSV UTF-8', 'Saved again as Excel (.xlsx) or CSV UTF-8'),
  'file.legacy_encoding': b('Chữ tiếng Việt dạng Unicode', 'Vietnamese text in Unicode'),
  'integer.negative': b('Không là số âm', 'Not a negative amount'),
  'number.scientific': b('Số ghi đủ các chữ số', 'A number written out in full'),
  'subtotal.mismatch': b(
    'Dòng cộng nhóm bằng tổng các dòng của nhóm',
    "A subtotal equals the sum of its group's rows",
  ),
  'tax_code.leading_zero': b('Mã số thuế đủ 10 chữ số', 'A tax code with all 10 digits'),
  'normalized.leading_zero': b('Đã thêm số 0 đầu mã số thuế', 'Leading 0 of tax codes restored'),
  'integer.dash_zero': b('Dấu gạch "-" được đọc là 0', 'A dash "-" read as 0'),
  'normalized.dash_zero': b('Đã đọc dấu gạch "-" là 0', 'Dashes read as 0'),
  'header.scaled_unit': b('Số tiền ghi bằng đồng, không quy đổi', 'Amounts in đồng, not rescaled'),
  'rows.signature': b('Phần ký tên không tính là dữ liệu', 'The signature block is not counted'),
  'date.month_first': b('Ngày ghi ngày trước, tháng sau', 'Dates with the day first, then the month'),
  'date.ambiguous': b('Ngày đọc được một cách duy nhất', 'A date that reads only one way'),
  'target.differs': b(
    'Chỉ tiêu giao đúng quyết định giao chỉ tiêu',
    'The target the deciding document assigns',
  ),
  'targets.duplicate': b('Mỗi đơn vị một lần trong một quyết định', 'Each unit once in a decision'),
  'targets.province': b('Mã tỉnh của hệ đơn vị trong năm', "A unit of the year's generation"),
  'targets.decision_date': b('Một quyết định, một ngày', 'One date per decision'),
  'targets.loaded': b('Quyết định chưa được nạp', 'A decision not loaded before'),
  'target.missing': b(
    'Đơn vị có chỉ tiêu được giao trong năm',
    'The unit has a target assigned for the year',
  ),
};

/** A rule's name; a rule without one (added later) still reads as words, never as its id. */
export function ruleName(rule: string, lang: Lang): string {
  return (RULE_NAMES[rule as RuleId] ?? b('Kiểm tra dữ liệu', 'Data check'))[lang];
}

/** Fixed `expected` texts the validator writes, in words. */
const EXPECTED_WORDS: Readonly<Record<string, Bilingual>> = {
  'whole number': b('một số nguyên', 'a whole number'),
  'a value': b('một giá trị (không để trống)', 'a value (not empty)'),
  once: b('chỉ xuất hiện một lần', 'only once'),
  '10 digits or 10 digits-3 digits': b(
    '10 chữ số, hoặc 10 chữ số + "-" + 3 chữ số',
    '10 digits, or 10 digits + "-" + 3 digits',
  ),
  'CSV or XLSX': b('tệp CSV UTF-8 hoặc Excel (.xlsx)', 'a CSV UTF-8 or Excel (.xlsx) file'),
  data: b('tệp có dữ liệu', 'a file with data'),
  'a header row': b('dòng tiêu đề của mẫu báo cáo', 'the template header row'),
  'at least one row': b('ít nhất một dòng dữ liệu', 'at least one data row'),
  'an ordinary XLSX': b('tệp Excel thông thường', 'an ordinary Excel file'),
  'a province code valid in the period': b(
    'mã tỉnh còn hiệu lực trong kỳ',
    'a province code valid in the month',
  ),
  '.xlsx or CSV UTF-8': b('tệp Excel (.xlsx) hoặc CSV UTF-8', 'an Excel (.xlsx) or CSV UTF-8 file'),
  Unicode: b('chữ tiếng Việt dạng Unicode (CSV UTF-8)', 'Vietnamese text in Unicode (CSV UTF-8)'),
  'dd/mm/yyyy or yyyy-mm-dd': b('ngày dạng dd/mm/yyyy hoặc yyyy-mm-dd', 'a date as dd/mm/yyyy or yyyy-mm-dd'),
  'a new decision': b('một quyết định chưa được nạp', 'a decision not loaded before'),
  'an assigned target': b('chỉ tiêu được giao trong danh mục quốc gia', 'a target in the national reference'),
};

const vnNumber = (n: number) => n.toLocaleString('vi-VN');
const enNumber = (n: number) => n.toLocaleString('en-US');
const monthOf = (period: string) => `${period.slice(5, 7)}/${period.slice(0, 4)}`;

/**
 * What the rule expected, in the reader's language: "từ 0 trở lên", "không quá 600", "một số
 * nguyên". A text it does not know is left out (the message says it in a sentence) rather than
 * shown in the other language.
 */
export function expectedInWords(rule: string, expected: string, lang: Lang): string {
  const fixed = EXPECTED_WORDS[expected];
  if (fixed) return fixed[lang];
  const bound = /^(>=|<=) (-?\d+|\d{4}-\d{2})$/.exec(expected);
  if (bound) {
    const [, op, value = ''] = bound;
    if (/^\d{4}-\d{2}$/.test(value)) {
      const month = monthOf(value);
      if (op === '>=') return lang === 'vi' ? `từ kỳ ${month} trở đi` : `${month} or later`;
      return lang === 'vi' ? `đến kỳ ${month}` : `${month} or earlier`;
    }
    const n = Number(value);
    if (op === '>=') return lang === 'vi' ? `từ ${vnNumber(n)} trở lên` : `${enNumber(n)} or more`;
    return lang === 'vi' ? `không quá ${vnNumber(n)}` : `at most ${enNumber(n)}`;
  }
  if (/^-?\d+$/.test(expected)) {
    const n = Number(expected);
    return lang === 'vi' ? vnNumber(n) : enNumber(n);
  }
  // An assigned target names its decision: "1234567 (QĐ 123/QĐ-BHXH, 2024-12-20)".
  const assigned = rule === 'target.differs' ? /^(\d+) \((.+)\)$/.exec(expected) : null;
  if (assigned) {
    const n = Number(assigned[1]);
    return lang === 'vi' ? `${vnNumber(n)} theo ${assigned[2]}` : `${enNumber(n)} under ${assigned[2]}`;
  }
  if (rule === 'header.missing') return lang === 'vi' ? `cột "${expected}"` : `the column "${expected}"`;
  // Codes (a province, a month, a dataset key) read the same in both languages.
  if (/^[\d-]+$/.test(expected)) return expected;
  return '';
}

/** Where an issue is: "Trang tính "Nợ", dòng 12, cột "Nợ BHXH (đồng)"", or the whole file. */
export function cellInWords(
  issue: { sheet: string | null; row: number | null },
  columnLabel: string,
  lang: Lang,
): string {
  const parts: string[] = [];
  if (issue.sheet) parts.push(lang === 'vi' ? `Trang tính "${issue.sheet}"` : `Sheet "${issue.sheet}"`);
  if (issue.row !== null) parts.push(lang === 'vi' ? `dòng ${issue.row}` : `row ${issue.row}`);
  if (columnLabel) parts.push(lang === 'vi' ? `cột "${columnLabel}"` : `column "${columnLabel}"`);
  if (parts.length === 0) return lang === 'vi' ? 'Cả tệp' : 'The whole file';
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const CLOCK = { vi: 'giờ Việt Nam', en: 'Vietnam time' };

/**
 * Made on first use: a formatter with a time zone loads ICU's zone data (≈ 13 ms), which every
 * process that loads the messages would otherwise pay at start, most never showing a time.
 */
let vietnamFormat: Intl.DateTimeFormat | undefined;
const vietnamParts = (date: Date) =>
  (vietnamFormat ??= new Intl.DateTimeFormat('vi-VN', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Ho_Chi_Minh',
  })).formatToParts(date);

/** "05/10/2025 10:15" on Vietnam's clock for an ISO instant, whatever the reader's clock says. */
export function vietnamClock(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = vietnamParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

/** "05/10/2025 10:15 (giờ Việt Nam)": the same, saying which clock. */
export function vietnamTime(iso: string, lang: Lang): string {
  const clock = vietnamClock(iso);
  return clock === iso ? iso : `${clock} (${CLOCK[lang]})`;
}
