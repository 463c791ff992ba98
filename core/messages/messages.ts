/**
 * Every sentence the platform says to a person, in Vietnamese (with full diacritics) and English.
 * Receipt messages are keyed by rule id, so a receipt's `rule` names the text that explains it.
 * Other parts add entries here rather than writing user-facing text of their own.
 */
import type { IngestCounts } from '../contracts/ingest-counts.ts';
import { COMPACTION_MESSAGES } from './compaction.ts';

import type { Bilingual, Lang } from './bilingual.ts';
export { LANGS } from './bilingual.ts';
export type { Bilingual, Lang };

/** How a column is named in a message: its template header in each language. */
export interface ColumnLabel {
  vi: string;
  en: string;
}

const q = (s: string) => `"${s}"`;
const MAX_SHOWN = 60;
/** Cell contents are echoed back, but a pasted paragraph should not flood the receipt. */
const shown = (s: string) => q(s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN)}…` : s);
const vnNumber = (n: number) => n.toLocaleString('vi-VN');
const enNumber = (n: number) => n.toLocaleString('en-US');

export const RULE_MESSAGES = {
  'file.empty': (): Bilingual => ({
    vi: 'Tệp rỗng: không có nội dung.',
    en: 'The file is empty.',
  }),
  'file.unreadable': (p: { detail: string }): Bilingual => ({
    vi: `Không đọc được tệp (${p.detail}). Hãy lưu lại tệp dưới dạng CSV (UTF-8) hoặc Excel (.xlsx).`,
    en: `The file cannot be read (${p.detail}). Save it again as CSV (UTF-8) or Excel (.xlsx).`,
  }),
  'file.type': (): Bilingual => ({
    vi: 'Hệ thống không đọc được loại tệp này: chỉ nhận CSV UTF-8 hoặc Excel (.xlsx). Nếu tệp lưu từ Excel dạng "Unicode Text" (UTF-16), hãy mở lại bằng Excel, chọn Tệp > Lưu thành > "CSV UTF-8 (Comma delimited) (*.csv)" rồi nộp tệp đó. Tệp .xls cũ cần lưu lại thành .xlsx.',
    en: 'This kind of file cannot be read: only CSV UTF-8 or Excel (.xlsx) are accepted. If Excel saved it as "Unicode Text" (UTF-16), open it in Excel, choose File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)" and submit that file. Save an old .xls file as .xlsx.',
  }),
  'file.too_large': (p: { bytes: number; max: number }): Bilingual => ({
    vi: `Tệp quá lớn: ${vnNumber(p.bytes)} byte, tối đa ${vnNumber(p.max)} byte.`,
    en: `The file is too large: ${enNumber(p.bytes)} bytes, at most ${enNumber(p.max)} bytes.`,
  }),
  'file.too_many_rows': (p: { max: number }): Bilingual => ({
    vi: `Tệp có quá nhiều dòng: tối đa ${vnNumber(p.max)} dòng. Hãy chia báo cáo hoặc bỏ các dòng thừa.`,
    en: `The file has too many rows: at most ${enNumber(p.max)}. Split the report or remove extra rows.`,
  }),
  'file.decompression': (p: { detail: string }): Bilingual => ({
    vi: `Tệp Excel bị từ chối vì khi giải nén vượt giới hạn an toàn (${p.detail}). Hãy lưu lại tệp bằng Excel và nộp lại.`,
    en: `The Excel file is refused because it unpacks beyond the safety limits (${p.detail}). Save it again from Excel and resubmit.`,
  }),
  'file.limit': (p: {
    limit: 'columns' | 'cells' | 'decoded_bytes';
    max: number;
    found: number;
  }): Bilingual =>
    ({
      columns: {
        vi: `Tệp có giá trị ở cột thứ ${vnNumber(p.found)}; hệ thống chỉ đọc tối đa ${vnNumber(p.max)} cột. Hãy xoá các ô thừa bên phải bảng rồi nộp lại.`,
        en: `The file has a value in column ${enNumber(p.found)}; at most ${enNumber(p.max)} columns are read. Clear the stray cells right of the table and resubmit.`,
      },
      cells: {
        vi: `Tệp có hơn ${vnNumber(p.max)} ô có dữ liệu (giới hạn số ô). Hãy chia báo cáo hoặc xoá các ô thừa.`,
        en: `The file has more than ${enNumber(p.max)} non-empty cells (the cell limit). Split the report or clear the stray cells.`,
      },
      decoded_bytes: {
        vi: `Văn bản trong tệp khi giải nén vượt ${vnNumber(p.max)} byte (giới hạn dung lượng giải nén; tệp cần ${vnNumber(p.found)} byte). Hãy lưu lại tệp bằng Excel hoặc chia báo cáo.`,
        en: `The file's text once unpacked passes ${enNumber(p.max)} bytes (the unpacked-size limit; it needs ${enNumber(p.found)}). Save it again from Excel or split the report.`,
      },
    })[p.limit],
  'file.unprocessable': (p: { detail: string }): Bilingual => ({
    vi: `Hệ thống không kiểm tra xong được tệp này (${p.detail}); tệp đã được tạm giữ và không xử lý lại. Hãy lưu lại tệp bằng Excel dưới dạng .xlsx hoặc .csv rồi nộp lại.`,
    en: `The checker could not finish this file (${p.detail}); it has been set aside and will not be retried. Save it again from Excel as .xlsx or .csv and resubmit.`,
  }),
  'file.off_contract': (p: { key: string }): Bilingual => ({
    vi: `Tệp ${shown(p.key)} không nằm đúng chỗ nên không được kiểm tra. Hãy nộp tại uploads/<loại báo cáo>/<YYYY-MM>/<mã tỉnh 2 chữ số>/<tên tệp>, không có thư mục con.`,
    en: `The file ${shown(p.key)} is not where uploads go, so it was not checked. Upload to uploads/<report type>/<YYYY-MM>/<two-digit province code>/<file name>, with no subfolder.`,
  }),
  'file.wrong_dataset': (p: { expected: string; found: string }): Bilingual => ({
    vi: `Tệp này có vẻ là báo cáo "${p.found}", không phải báo cáo "${p.expected}" đang nộp. Hãy kiểm tra lại loại báo cáo.`,
    en: `This file looks like a "${p.found}" report, not the "${p.expected}" report being submitted. Check the report type.`,
  }),
  'file.wrong_version': (p: {
    period: string;
    expected: number;
    found: number;
    from: string | null;
    missing: ColumnLabel[];
  }): Bilingual => ({
    vi: `Tệp dùng mẫu phiên bản ${p.found}, nhưng kỳ ${p.period} phải dùng mẫu phiên bản ${p.expected}${p.from ? ` (áp dụng từ kỳ ${p.from})` : ''}. Mẫu phiên bản ${p.expected} có các cột: ${p.missing.map((c) => q(c.vi)).join(', ')}. Hãy tải mẫu của kỳ ${p.period} (vss template) và nộp lại.`,
    en: `The file uses template version ${p.found}, but ${p.period} takes template version ${p.expected}${p.from ? ` (in force from ${p.from})` : ''}. Version ${p.expected} has the columns ${p.missing.map((c) => q(c.en)).join(', ')}. Download the template for ${p.period} (vss template) and submit again.`,
  }),
  'total.mismatch': (p: { column: ColumnLabel; sum: number; found: string }): Bilingual => ({
    vi: `Dòng tổng cộng, cột ${q(p.column.vi)}: ghi ${shown(p.found)} nhưng tổng các dòng là ${vnNumber(p.sum)}.`,
    en: `Totals row, column ${q(p.column.en)}: shows ${shown(p.found)} but the rows add up to ${enNumber(p.sum)}.`,
  }),
  'rows.after_total': (): Bilingual => ({
    vi: 'Dòng nằm dưới dòng tổng cộng không được tính là số liệu.',
    en: 'A row below the totals row is not counted as data.',
  }),
  'header.not_found': (p: { rows: number }): Bilingual => ({
    vi: `Không tìm thấy dòng tiêu đề của mẫu báo cáo trong ${p.rows} dòng đầu của tệp. Hãy dùng mẫu báo cáo (vss template) và giữ nguyên dòng tiêu đề.`,
    en: `No header row of the template was found in the first ${p.rows} rows. Use the template (vss template) and keep its header row.`,
  }),
  'header.missing': (p: { column: ColumnLabel }): Bilingual => ({
    vi: `Thiếu cột bắt buộc ${q(p.column.vi)} ở dòng tiêu đề.`,
    en: `The required column ${q(p.column.en)} is missing from the header row.`,
  }),
  'header.duplicate': (p: { column: ColumnLabel; header: string }): Bilingual => ({
    vi: `Cột ${q(p.column.vi)} xuất hiện nhiều lần (tiêu đề ${shown(p.header)}).`,
    en: `The column ${q(p.column.en)} appears more than once (header ${shown(p.header)}).`,
  }),
  'header.unknown': (p: { header: string }): Bilingual => ({
    vi: `Cột ${shown(p.header)} không có trong mẫu báo cáo và được bỏ qua.`,
    en: `The column ${shown(p.header)} is not in the template and is ignored.`,
  }),
  'cell.required': (p: { column: ColumnLabel }): Bilingual => ({
    vi: `Ô ${q(p.column.vi)} không được để trống.`,
    en: `${q(p.column.en)} must not be empty.`,
  }),
  'integer.format': (p: { column: ColumnLabel; found: string }): Bilingual => ({
    vi: `${q(p.column.vi)}: ${shown(p.found)} không phải là số nguyên.`,
    en: `${q(p.column.en)}: ${shown(p.found)} is not a whole number.`,
  }),
  'integer.decimal': (p: { column: ColumnLabel; found: string }): Bilingual => ({
    vi: `${q(p.column.vi)}: ${shown(p.found)} có phần thập phân; chỉ nhập số nguyên (số tiền tính bằng đồng).`,
    en: `${q(p.column.en)}: ${shown(p.found)} has a decimal part; enter a whole number (amounts in whole VND).`,
  }),
  'integer.min': (p: { column: ColumnLabel; min: number; found: string }): Bilingual => ({
    vi: `${q(p.column.vi)}: ${shown(p.found)} nhỏ hơn giá trị tối thiểu ${vnNumber(p.min)}.`,
    en: `${q(p.column.en)}: ${shown(p.found)} is below the minimum ${enNumber(p.min)}.`,
  }),
  'integer.max': (p: { column: ColumnLabel; max: number; found: string }): Bilingual => ({
    vi: `${q(p.column.vi)}: ${shown(p.found)} lớn hơn giá trị tối đa ${vnNumber(p.max)}.`,
    en: `${q(p.column.en)}: ${shown(p.found)} is above the maximum ${enNumber(p.max)}.`,
  }),
  'tax_code.format': (p: { column: ColumnLabel; found: string }): Bilingual => ({
    vi: `${q(p.column.vi)}: ${shown(p.found)} không đúng dạng mã số thuế (10 chữ số, hoặc 10 chữ số + "-" + 3 chữ số cho chi nhánh). Nếu mất số 0 ở đầu, hãy định dạng cột là văn bản.`,
    en: `${q(p.column.en)}: ${shown(p.found)} is not a tax code (10 digits, or 10 digits + "-" + 3 digits for a branch). If a leading zero was lost, format the column as text.`,
  }),
  'category.unknown': (p: { column: ColumnLabel; found: string; allowed: Bilingual }): Bilingual => ({
    vi: `${q(p.column.vi)}: ${shown(p.found)} không phải giá trị hợp lệ. Giá trị hợp lệ: ${p.allowed.vi}.`,
    en: `${q(p.column.en)}: ${shown(p.found)} is not an allowed value. Allowed: ${p.allowed.en}.`,
  }),
  'date.format': (p: { column: ColumnLabel; found: string }): Bilingual => ({
    vi: `${q(p.column.vi)}: ${shown(p.found)} không phải ngày hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd).`,
    en: `${q(p.column.en)}: ${shown(p.found)} is not a valid date (dd/mm/yyyy or yyyy-mm-dd).`,
  }),
  unique: (p: { column: ColumnLabel; found: string; firstRow: number }): Bilingual => ({
    vi: `${q(p.column.vi)}: ${shown(p.found)} trùng với dòng ${p.firstRow}; mỗi giá trị chỉ được xuất hiện một lần.`,
    en: `${q(p.column.en)}: ${shown(p.found)} repeats row ${p.firstRow}; each value may appear only once.`,
  }),
  'rule.sum_equals': (p: {
    parts: ColumnLabel[];
    total: ColumnLabel;
    sum: number;
    found: number;
  }): Bilingual => ({
    vi: `${p.parts.map((c) => q(c.vi)).join(' + ')} = ${vnNumber(p.sum)}, phải bằng ${q(p.total.vi)} = ${vnNumber(p.found)}.`,
    en: `${p.parts.map((c) => q(c.en)).join(' + ')} = ${enNumber(p.sum)} must equal ${q(p.total.en)} = ${enNumber(p.found)}.`,
  }),
  'rule.not_greater': (p: {
    left: ColumnLabel;
    right: ColumnLabel;
    leftValue: number;
    rightValue: number;
  }): Bilingual => ({
    vi: `${q(p.left.vi)} (${vnNumber(p.leftValue)}) không được lớn hơn ${q(p.right.vi)} (${vnNumber(p.rightValue)}).`,
    en: `${q(p.left.en)} (${enNumber(p.leftValue)}) must not exceed ${q(p.right.en)} (${enNumber(p.rightValue)}).`,
  }),
  'rule.required_unless': (p: { column: ColumnLabel; when: ColumnLabel; values: string[] }): Bilingual => ({
    vi: `${q(p.column.vi)} chỉ được để trống khi ${q(p.when.vi)} là ${p.values.join(', ')}.`,
    en: `${q(p.column.en)} may be empty only when ${q(p.when.en)} is ${p.values.join(', ')}.`,
  }),
  'rule.all_or_none': (p: { filled: ColumnLabel[]; missing: ColumnLabel[] }): Bilingual => ({
    vi: `Chỉ điền ${p.filled.map((c) => q(c.vi)).join(', ')}, còn trống ${p.missing.map((c) => q(c.vi)).join(', ')}: các cột này phải điền đủ cả hoặc để trống cả, nên chưa đối chiếu được tổng. Dòng vẫn được nhận; hãy bổ sung ${p.missing.map((c) => q(c.vi)).join(', ')}.`,
    en: `Only ${p.filled.map((c) => q(c.en)).join(', ')} filled, ${p.missing.map((c) => q(c.en)).join(', ')} empty: these columns are filled all together or not at all, so their sum could not be checked. The row is accepted; please add ${p.missing.map((c) => q(c.en)).join(', ')}.`,
  }),
  'rule.paid_off': (p: {
    owed: ColumnLabel[];
    recovered: ColumnLabel;
    months: ColumnLabel;
    recoveredValue: number;
    monthsValue: number;
  }): Bilingual => ({
    vi: `Dòng không còn nợ (${p.owed.map((c) => q(c.vi)).join(' + ')} = 0) là đơn vị đã trả hết nợ trong tháng: ${q(p.recovered.vi)} phải lớn hơn 0 (đang là ${vnNumber(p.recoveredValue)}) và ${q(p.months.vi)} phải bằng 0 (đang là ${vnNumber(p.monthsValue)}).`,
    en: `A row with no debt left (${p.owed.map((c) => q(c.en)).join(' + ')} = 0) is an employer that paid everything off this month: ${q(p.recovered.en)} must be more than 0 (it is ${enNumber(p.recoveredValue)}) and ${q(p.months.en)} must be 0 (it is ${enNumber(p.monthsValue)}).`,
  }),
  'location.province': (p: {
    code: string;
    period: string;
    mergedInto?: { code: string; nameVi: string; nameAscii: string };
  }): Bilingual =>
    p.mergedInto
      ? {
          vi: `Mã tỉnh ${p.code} không còn hiệu lực trong kỳ ${p.period}: từ 2025-07 tỉnh này đã hợp nhất vào ${p.mergedInto.code} ${p.mergedInto.nameVi}. Hãy nộp báo cáo với mã ${p.mergedInto.code}.`,
          en: `Province code ${p.code} is not valid in ${p.period}: since 2025-07 it is part of ${p.mergedInto.code} ${p.mergedInto.nameAscii}. Report under code ${p.mergedInto.code}.`,
        }
      : {
          vi: `Mã tỉnh ${p.code} không hợp lệ trong kỳ ${p.period}.`,
          en: `Province code ${p.code} is not valid in ${p.period}.`,
        },
  'location.period': (p: { period: string; reason: 'future' | 'too_early'; limit: string }): Bilingual =>
    p.reason === 'future'
      ? {
          vi: `Kỳ báo cáo ${p.period} chưa đến (kỳ hiện tại là ${p.limit}).`,
          en: `The period ${p.period} is in the future (the current period is ${p.limit}).`,
        }
      : {
          vi: `Kỳ báo cáo ${p.period} trước ${p.limit}, hệ thống không nhận.`,
          en: `The period ${p.period} is before ${p.limit} and is not accepted.`,
        },
  'location.mismatch': (p: { column: ColumnLabel; expected: string; found: string }): Bilingual => ({
    vi: `${q(p.column.vi)} trong tệp là ${shown(p.found)}, khác với nơi nộp (${p.expected}).`,
    en: `${q(p.column.en)} in the file is ${shown(p.found)}, which differs from the upload's ${p.expected}.`,
  }),
  'rows.none': (): Bilingual => ({
    vi: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.',
    en: 'The file has no data rows below the header.',
  }),
  // Shapes of files made by office Excel (test/fixtures/office): what was refused or read as.
  'file.xls': (): Bilingual => ({
    vi: 'Đây là tệp Excel 97–2003 (.xls), hệ thống không đọc được. Hãy mở tệp trong Excel, chọn Tệp > Lưu thành > "Sổ làm việc Excel (*.xlsx)" rồi nộp tệp .xlsx.',
    en: 'This is an Excel 97–2003 file (.xls), which the system cannot read. Open it in Excel, choose File > Save As > "Excel Workbook (*.xlsx)" and upload the .xlsx file.',
  }),
  'file.legacy_encoding': (p: { encoding: string; sample: string }): Bilingual => ({
    vi: `Chữ tiếng Việt trong tệp dùng bảng mã cũ ${p.encoding} (ví dụ ${shown(p.sample)}), không phải Unicode. Hãy chuyển bảng mã sang Unicode (ví dụ Unikey > Công cụ chuyển mã, nguồn ${p.encoding}, đích Unicode), rồi lưu thành "CSV UTF-8" hoặc .xlsx và nộp lại.`,
    en: `The Vietnamese text in the file uses the legacy ${p.encoding} encoding (for example ${shown(p.sample)}), not Unicode. Convert it to Unicode (for example Unikey > Convert, source ${p.encoding}, target Unicode), then save as "CSV UTF-8" or .xlsx and upload again.`,
  }),
  'integer.negative': (p: { column: ColumnLabel; found: string; value: number }): Bilingual => ({
    vi: `${q(p.column.vi)}: ${shown(p.found)} trong ngoặc đơn là số âm (${vnNumber(p.value)}) theo cách Excel hiển thị; cột này không nhận số âm. Hãy kiểm tra lại số liệu.`,
    en: `${q(p.column.en)}: ${shown(p.found)} in parentheses is a negative number (${enNumber(p.value)}) as Excel shows it; this column takes no negative numbers. Check the figure.`,
  }),
  'number.scientific': (p: { column: ColumnLabel; found: string }): Bilingual => ({
    vi: `${q(p.column.vi)}: ${shown(p.found)} là số dạng lũy thừa do Excel rút gọn khi lưu, các chữ số cuối đã mất. Hãy định dạng cột là Văn bản (mã số thuế) hoặc Số không có chữ E, rồi lưu lại tệp.`,
    en: `${q(p.column.en)}: ${shown(p.found)} is a number Excel shortened to scientific notation when saving, so its last digits are lost. Format the column as Text (tax codes) or as a Number without E, then save the file again.`,
  }),
  'subtotal.mismatch': (p: {
    label: string;
    column: ColumnLabel;
    sum: number;
    found: string;
    from: number;
    to: number;
  }): Bilingual => ({
    vi: `Dòng cộng ${shown(p.label)}, cột ${q(p.column.vi)}: ghi ${shown(p.found)} nhưng các dòng ${p.from}–${p.to} cộng lại là ${vnNumber(p.sum)}.`,
    en: `Subtotal row ${shown(p.label)}, column ${q(p.column.en)}: shows ${shown(p.found)} but rows ${p.from}–${p.to} add up to ${enNumber(p.sum)}.`,
  }),
  'tax_code.leading_zero': (p: { column: ColumnLabel; found: string; value: string }): Bilingual => ({
    vi: `${q(p.column.vi)}: ${shown(p.found)} có 9 chữ số (Excel đã bỏ số 0 ở đầu); đã đọc là ${q(p.value)}.`,
    en: `${q(p.column.en)}: ${shown(p.found)} has 9 digits (Excel dropped the leading 0); read as ${q(p.value)}.`,
  }),
  'normalized.leading_zero': (p: { column: ColumnLabel; count: number }): Bilingual => ({
    vi: `Đã khôi phục số 0 ở đầu của ${vnNumber(p.count)} mã số thuế (cột ${q(p.column.vi)}). Lần sau hãy định dạng cột là Văn bản trước khi nhập.`,
    en: `Restored the leading 0 of ${enNumber(p.count)} tax code${p.count === 1 ? '' : 's'} (column ${q(p.column.en)}). Next time format the column as Text before typing.`,
  }),
  'integer.dash_zero': (p: { column: ColumnLabel; found: string }): Bilingual => ({
    vi: `${q(p.column.vi)}: ${shown(p.found)} là cách Excel hiển thị số 0; đã đọc là 0.`,
    en: `${q(p.column.en)}: ${shown(p.found)} is how Excel shows a zero; read as 0.`,
  }),
  'normalized.dash_zero': (p: { column: ColumnLabel; count: number }): Bilingual => ({
    vi: `Đã đọc ${vnNumber(p.count)} ô ghi "-" là số 0 (cột ${q(p.column.vi)}).`,
    en: `Read ${enNumber(p.count)} cell${p.count === 1 ? '' : 's'} showing "-" as 0 (column ${q(p.column.en)}).`,
  }),
  'header.scaled_unit': (p: { column: ColumnLabel; header: string; unit: string }): Bilingual => ({
    vi: `Cột ${q(p.column.vi)} trong tệp ghi đơn vị "${p.unit}" (tiêu đề ${shown(p.header)}), nhưng hệ thống nhận số tiền bằng đồng. Hãy đổi số liệu ra đồng và sửa tiêu đề; hệ thống không tự quy đổi.`,
    en: `The column ${q(p.column.en)} is in "${p.unit}" in the file (header ${shown(p.header)}), but amounts are taken in whole đồng. Convert the figures to đồng and correct the header; the system does not convert them.`,
  }),
  'rows.signature': (): Bilingual => ({
    vi: 'Dòng thuộc phần chữ ký (người lập biểu, giám đốc, ngày tháng) không được tính là số liệu.',
    en: 'A line of the signature block (preparer, director, date) is not counted as data.',
  }),
  'date.month_first': (p: { column: ColumnLabel; found: string }): Bilingual => ({
    vi: `${q(p.column.vi)}: ${shown(p.found)} được viết theo thứ tự tháng/ngày/năm, nên không biết chắc các ngày khác trong cột là ngày/tháng hay tháng/ngày. Hãy ghi mọi ngày theo dd/mm/yyyy.`,
    en: `${q(p.column.en)}: ${shown(p.found)} is written month/day/year, so the other dates of the column cannot be told apart from day/month. Write every date as dd/mm/yyyy.`,
  }),
  'date.ambiguous': (p: { column: ColumnLabel; found: string }): Bilingual => ({
    vi: `${q(p.column.vi)}: ${shown(p.found)} có thể là ngày/tháng hoặc tháng/ngày vì trong cột có ngày viết theo tháng/ngày/năm. Hãy ghi theo dd/mm/yyyy.`,
    en: `${q(p.column.en)}: ${shown(p.found)} may be day/month or month/day, since the column holds dates written month/day/year. Write it as dd/mm/yyyy.`,
  }),
  /** A coverage row's own target beside the one the national targets reference assigns. */
  'target.differs': (p: {
    scheme: string;
    reported: number;
    assigned: number;
    decision: string;
  }): Bilingual => ({
    vi: `Chỉ tiêu giao ${p.scheme} trong báo cáo (${vnNumber(p.reported)}) khác chỉ tiêu được giao theo ${p.decision} (${vnNumber(p.assigned)}); số liệu tổng hợp dùng chỉ tiêu được giao. Báo cáo vẫn được tiếp nhận.`,
    en: `The ${p.scheme} target in the report (${enNumber(p.reported)}) differs from the target assigned by ${p.decision} (${enNumber(p.assigned)}); the figures use the assigned target. The report is still accepted.`,
  }),
  'target.missing': (p: { province: string; year: number }): Bilingual => ({
    vi: `Chưa có chỉ tiêu được giao năm ${p.year} cho đơn vị ${p.province} trong danh mục chỉ tiêu quốc gia; số liệu so với chỉ tiêu để trống cho đơn vị này. Báo cáo vẫn được tiếp nhận.`,
    en: `The national targets reference holds no ${p.year} targets for unit ${p.province}; figures against the target leave this unit out. The report is still accepted.`,
  }),
  /** A national targets file (the national office's decision), checked before it is loaded. */
  'targets.duplicate': (p: {
    year: number;
    generation: string;
    province: string;
    decision: string;
    firstRow: number;
  }): Bilingual => ({
    vi: `Đơn vị ${p.province} (hệ ${p.generation} tỉnh) năm ${p.year} đã có ở dòng ${p.firstRow} của cùng quyết định ${p.decision}; mỗi đơn vị chỉ được giao một lần trong một quyết định.`,
    en: `Unit ${p.province} (${p.generation}-unit generation) for ${p.year} is already on row ${p.firstRow} of the same decision ${p.decision}; a decision assigns each unit once.`,
  }),
  'targets.province': (p: { year: number; generation: string; province: string }): Bilingual => ({
    vi: `Mã tỉnh ${q(p.province)} không phải một đơn vị của hệ ${p.generation} tỉnh có hiệu lực trong năm ${p.year}.`,
    en: `${q(p.province)} is not a unit of the ${p.generation}-unit generation in force in ${p.year}.`,
  }),
  'targets.decision_date': (p: {
    decision: string;
    date: string;
    firstDate: string;
    firstRow: number;
  }): Bilingual => ({
    vi: `Quyết định ${p.decision} ghi ngày ${p.date}, nhưng dòng ${p.firstRow} ghi ngày ${p.firstDate}; một quyết định chỉ có một ngày.`,
    en: `Decision ${p.decision} is dated ${p.date} here but ${p.firstDate} on row ${p.firstRow}; a decision has one date.`,
  }),
  'targets.loaded': (p: { decision: string }): Bilingual => ({
    vi: `Quyết định ${p.decision} đã có trong danh mục chỉ tiêu; một quyết định mới (số khác, ngày sau) mới thay thế được chỉ tiêu đã giao.`,
    en: `Decision ${p.decision} is already in the targets reference; only a new decision (another number, a later date) supersedes assigned targets.`,
  }),
  'issues.truncated': (p: { kind: 'errors' | 'warnings'; total: number; shown: number }): Bilingual => ({
    vi: `Có tất cả ${vnNumber(p.total)} ${p.kind === 'errors' ? 'lỗi' : 'cảnh báo'}; chỉ liệt kê ${vnNumber(p.shown)} mục đầu.`,
    en: `${enNumber(p.total)} ${p.kind} in all; only the first ${enNumber(p.shown)} are listed.`,
  }),
} as const;
export type RuleId = keyof typeof RULE_MESSAGES;

/** Labels of the in-file location columns, which are not template columns of any dataset. */
export const LOCATION_COLUMNS = {
  ma_tinh: { vi: 'Mã tỉnh', en: 'Province code' },
  ky_bao_cao: { vi: 'Kỳ báo cáo', en: 'Reporting period' },
} as const satisfies Record<string, ColumnLabel>;

/** Words of the `vss validate` table. */
export const CLI_LABELS = {
  title: { vi: 'Biên nhận kiểm tra tệp', en: 'Validation receipt' },
  file: { vi: 'Tệp', en: 'File' },
  dataset: { vi: 'Loại báo cáo', en: 'Dataset' },
  province: { vi: 'Tỉnh', en: 'Province' },
  period: { vi: 'Kỳ báo cáo', en: 'Period' },
  status: { vi: 'Kết quả', en: 'Status' },
  accepted: { vi: 'ĐƯỢC CHẤP NHẬN', en: 'ACCEPTED' },
  rejected: { vi: 'BỊ TỪ CHỐI', en: 'REJECTED' },
  rowsRead: { vi: 'Số dòng đọc được', en: 'Rows read' },
  rowsAccepted: { vi: 'Số dòng được nhận', en: 'Rows accepted' },
  rowsRejected: { vi: 'Số dòng bị từ chối', en: 'Rows rejected' },
  totals: { vi: 'Tổng cộng', en: 'Totals' },
  errors: { vi: 'Lỗi', en: 'Errors' },
  warnings: { vi: 'Cảnh báo', en: 'Warnings' },
  sheet: { vi: 'Trang tính', en: 'Sheet' },
  row: { vi: 'Dòng', en: 'Row' },
  column: { vi: 'Cột', en: 'Column' },
  message: { vi: 'Nội dung', en: 'Message' },
  none: { vi: 'không có', en: 'none' },
} as const satisfies Record<string, Bilingual>;

/** Why `vss validate` could not run, said to the person at the terminal. */
export const USAGE_MESSAGES = {
  noLocation: (file: string): Bilingual => ({
    vi: `Không xác định được loại báo cáo, kỳ và tỉnh của ${file}: dùng --dataset, --period, --province hoặc đặt tệp theo đường dẫn <loại>/<YYYY-MM>/<mã tỉnh>.csv`,
    en: `Cannot tell the dataset, period and province of ${file}: pass --dataset, --period, --province or use a path <dataset>/<YYYY-MM>/<province>.csv`,
  }),
  badOption: (option: string, value: string): Bilingual => ({
    vi: `Giá trị không hợp lệ cho ${option}: ${q(value)}`,
    en: `Invalid value for ${option}: ${q(value)}`,
  }),
  unreadableFile: (file: string): Bilingual => ({
    vi: `Không mở được tệp ${file}`,
    en: `Cannot open the file ${file}`,
  }),
  annotated: (file: string): Bilingual => ({
    vi: `Đã ghi bản đánh dấu các ô lỗi vào ${file}`,
    en: `The copy with wrong cells marked was written to ${file}`,
  }),
  notAnnotated: (file: string): Bilingual => ({
    vi: `Không ghi được ${file}: tệp không mở được nên không có ô nào để đánh dấu`,
    en: `${file} was not written: the file cannot be opened, so there are no cells to mark`,
  }),
} as const;

/** What `vss ingest` and `vss upload` print. */
export const INGEST_MESSAGES = {
  summary: (s: IngestCounts & { files: number; seconds: number }): Bilingual => ({
    vi: `${s.files} tệp: tải lên ${s.uploaded}, bỏ qua ${s.skipped} (đã có), chấp nhận ${s.accepted}, từ chối ${s.rejected}, trùng ${s.duplicate}, lỗi ${s.failed} — ${s.seconds.toFixed(1)} giây`,
    en: `${s.files} files: uploaded ${s.uploaded}, skipped ${s.skipped} (already stored), accepted ${s.accepted}, rejected ${s.rejected}, duplicate ${s.duplicate}, failed ${s.failed} — ${s.seconds.toFixed(1)} s`,
  }),
  alreadyStored: (file: string): Bilingual => ({
    vi: `${file} đã được tải lên trước đó với cùng nội dung: không xử lý lại`,
    en: `${file} was already uploaded with the same content: not ingested again`,
  }),
  duplicate: (file: string): Bilingual => ({
    vi: `${file} trùng nội dung với báo cáo đang có hiệu lực: dữ liệu không thay đổi`,
    en: `${file} has the same content as the report in force: data unchanged`,
  }),
} as const;

/** What the dashboard page says when it cannot show figures. */
export const DASHBOARD_MESSAGES = {
  dataUnavailable: (detail: string): Bilingual => ({
    vi: `Không tải được số liệu của trang. Hãy chạy "vss refresh" rồi tải lại trang. (${detail})`,
    en: `The dashboard data could not be loaded. Run "vss refresh", then reload the page. (${detail})`,
  }),
  noNationalFigures: (month: string): Bilingual => ({
    vi: `Chưa có số liệu toàn quốc tháng ${month}.`,
    en: `No national figures for ${month} yet.`,
  }),
  ambiguousPath: (): Bilingual => ({
    vi: 'Đường dẫn không hợp lệ: có mã hoá "/", "\\", dấu chấm, "//" hoặc UTF-8 hỏng.',
    en: 'The path is not valid: it encodes "/", "\\" or dots, has "//" or broken UTF-8.',
  }),
} as const;

/** What the dashboard sign-in says when it cannot let a person in. */
export const AUTH_MESSAGES = {
  signInFailed: (): Bilingual => ({
    vi: 'Đăng nhập không thành công. Hãy mở lại trang tổng quan và đăng nhập lại.',
    en: 'Sign-in did not succeed. Open the dashboard again and sign in once more.',
  }),
  noDashboardAccess: (): Bilingual => ({
    vi: 'Tài khoản của bạn chưa được cấp quyền xem trang tổng quan. Hãy liên hệ quản trị viên BHXH.',
    en: 'Your account has not been given access to the dashboard. Contact the VSS administrator.',
  }),
} as const;

/** What `vss query --engine athena` says while and after a query runs. */
export const ATHENA_MESSAGES = {
  noWorkgroup: (): Bilingual => ({
    vi: 'Cần chỉ định nhóm làm việc Athena: --workgroup hoặc biến môi trường VSS_ATHENA_WORKGROUP (ví dụ vss-prod)',
    en: 'An Athena workgroup is needed: --workgroup or the VSS_ATHENA_WORKGROUP environment variable (e.g. vss-prod)',
  }),
  scanned: (bytes: number, seconds: number): Bilingual => ({
    vi: `Athena đã quét ${(bytes / 1e6).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB trong ${seconds.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} giây`,
    en: `Athena scanned ${(bytes / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB in ${seconds.toLocaleString('en-US', { maximumFractionDigits: 1 })} s`,
  }),
} as const;

/** What `vss targets load` says to the national office. */
export const TARGETS_LOAD_MESSAGES = {
  title: (file: string): Bilingual => ({
    vi: `Tệp chỉ tiêu giao: ${file}`,
    en: `National targets file: ${file}`,
  }),
  loaded: (p: { rows: number; decisions: string[]; where: string }): Bilingual => ({
    vi: `Đã nạp ${vnNumber(p.rows)} dòng chỉ tiêu của quyết định ${p.decisions.join(', ')} vào ${p.where}; quyết định mới nhất của mỗi đơn vị, mỗi năm là chỉ tiêu có hiệu lực, các quyết định cũ vẫn được lưu; lần làm mới số liệu tiếp theo sẽ dùng chỉ tiêu này.`,
    en: `Loaded ${enNumber(p.rows)} target rows of decision ${p.decisions.join(', ')} into ${p.where}; each unit-year's latest decision is in force, earlier ones are kept; the next refresh uses them.`,
  }),
  checked: (p: { rows: number }): Bilingual => ({
    vi: `Tệp hợp lệ (${vnNumber(p.rows)} dòng); chưa nạp vì đang chạy với --check.`,
    en: `The file is valid (${enNumber(p.rows)} rows); not loaded, as --check was given.`,
  }),
  rejected: (p: { errors: number }): Bilingual => ({
    vi: `Tệp bị từ chối (${vnNumber(p.errors)} lỗi); danh mục chỉ tiêu không thay đổi.`,
    en: `The file is rejected (${enNumber(p.errors)} errors); the targets reference is unchanged.`,
  }),
} as const;

/** What `vss query` says to the analyst at the terminal. */
export const QUERY_MESSAGES = {
  running: (seconds: number): Bilingual => ({
    vi: `Đang chạy truy vấn… ${seconds} giây`,
    en: `Running the query… ${seconds} s`,
  }),
  failed: (detail: string, tables: string): Bilingual => ({
    vi: `Truy vấn không chạy được: ${detail}\nCác bảng có thể dùng: ${tables}`,
    en: `The query failed: ${detail}\nTables you can query: ${tables}`,
  }),
  unknownMeasure: (measure: string, known: string): Bilingual => ({
    vi: `Không có chỉ tiêu ${q(measure)}. Các chỉ tiêu: ${known}`,
    en: `There is no measure ${q(measure)}. Measures: ${known}`,
  }),
  noGeography: (query: string): Bilingual => ({
    vi: `Truy vấn ${query} không phân theo địa giới (số liệu toàn quốc như nhau ở cả hai cách): bỏ --geography`,
    en: `The query ${query} has no geography (national figures are the same either way): drop --geography`,
  }),
  xlsxNeedsFile: (): Bilingual => ({
    vi: 'Định dạng xlsx cần --out <tệp.xlsx>',
    en: 'The xlsx format needs --out <file.xlsx>',
  }),
  placeholders: (placeholders: number, given: number): Bilingual => ({
    vi: `Câu SQL có ${placeholders} dấu ? nhưng có ${given} giá trị --param: mỗi dấu ? nhận một giá trị, theo thứ tự (như Athena)`,
    en: `The SQL has ${placeholders} ? placeholders but ${given} --param values: each ? takes one value, in order (as in Athena)`,
  }),
  geographyOfSql: (): Bilingual => ({
    vi: 'Câu SQL tự viết không nhận --geography: dùng bảng vss.provinces (cột current_code) hoặc một truy vấn có tên',
    en: 'SQL text takes no --geography: join vss.provinces (its current_code column) or use a named query',
  }),
} as const;

/** The stages long CLI work reports while it runs (pipeline/progress): one label a stage. */
export const PROGRESS_MESSAGES = {
  generate: { vi: 'Tạo tệp mẫu', en: 'generated sample uploads' },
  ingest: { vi: 'Nạp qua S3 cục bộ', en: 'ingested through the local S3' },
  mirror: { vi: 'Sao chép kho dữ liệu', en: 'mirrored the lake' },
  refresh: { vi: 'Làm mới số liệu trang tổng quan', en: 'refreshed the dashboard data' },
  build: { vi: 'Dựng trang tổng quan', en: 'built the dashboard' },
  replay: { vi: 'Dựng lại từ các tệp đã nộp', en: 'replayed the uploads' },
  doctor: { vi: 'Kiểm tra kho dữ liệu và sổ ghi', en: 'checked the lake and the ledger' },
  bench: (name: string): Bilingual => ({ vi: `Đo ${name}`, en: `measured ${name}` }),
} as const satisfies Record<string, Bilingual | ((name: string) => Bilingual)>;

/** Words of the upload template `vss template` writes: its sheets and its instructions. */
export const TEMPLATE_TEXT = {
  dataSheet: { vi: 'Số liệu', en: 'Data' },
  listsSheet: { vi: 'Danh mục', en: 'Lists' },
  instructionsSheet: { vi: 'Hướng dẫn', en: 'Instructions' },
  intro: {
    vi: 'Điền mỗi dòng vào trang "Số liệu", không đổi dòng tiêu đề. Có thể nộp tệp này (.xlsx) hoặc lưu thành CSV (UTF-8).',
    en: 'Fill one row per line on the "Số liệu" (Data) sheet and keep the header row. Submit this file (.xlsx) or save it as CSV (UTF-8).',
  },
  grain: { vi: 'Mỗi dòng là', en: 'One row is' },
  headings: {
    vi: ['Cột (tiêu đề)', 'Khóa cột', 'Kiểu', 'Quy tắc'],
    en: ['Column (header)', 'Column key', 'Type', 'Rule'],
  },
  rowRulesHeading: { vi: 'Quy tắc giữa các cột', en: 'Rules across columns' },
  text: { vi: 'văn bản', en: 'text' },
  taxCode: {
    vi: 'mã số thuế: 10 chữ số, hoặc 10 chữ số + "-" + 3 chữ số (chi nhánh)',
    en: 'tax code: 10 digits, or 10 digits + "-" + 3 digits (branch)',
  },
  integer: (unit: 'vnd' | 'count' | 'months', min: number, max?: number): Bilingual => {
    const vi = { vnd: 'số tiền (đồng)', count: 'số nguyên', months: 'số tháng' }[unit];
    const en = { vnd: 'amount (whole VND)', count: 'whole number', months: 'months' }[unit];
    const range = (and: string) => (max === undefined ? `≥ ${min}` : `${min} ${and} ${max}`);
    return { vi: `${vi}, ${range('đến')}`, en: `${en}, ${range('to')}` };
  },
  date: { vi: 'ngày: dd/mm/yyyy hoặc yyyy-mm-dd', en: 'date: dd/mm/yyyy or yyyy-mm-dd' },
  category: (labels: string[], codes: string[]): Bilingual => ({
    vi: `chọn trong danh sách: ${labels.join('; ')}`,
    en: `one of: ${codes.join(', ')} (or the Vietnamese label)`,
  }),
  required: { vi: 'bắt buộc', en: 'required' },
  optional: { vi: 'có thể để trống', en: 'may be empty' },
  unique: { vi: 'không trùng trong tệp', en: 'unique within the file' },
  written: (file: string): Bilingual => ({
    vi: `Đã ghi mẫu báo cáo vào ${file}`,
    en: `The template was written to ${file}`,
  }),
} as const;

/** What `vss replay` reports. */
export const REPLAY_MESSAGES = {
  dryRun: (p: {
    clear: readonly string[];
    replay: readonly unknown[];
    lakeVersioning: string;
  }): Bilingual => ({
    vi: `Chạy thử, chưa thay đổi gì: sẽ ẩn ${p.clear.length} đối tượng của kho dữ liệu ${p.lakeVersioning === 'enabled' ? 'sau dấu xoá (khôi phục được)' : '(kho không có phiên bản: xoá hẳn)'} và xử lý lại ${p.replay.length} phiên bản tệp tải lên.`,
    en: `Dry run, nothing changed: would hide ${p.clear.length} lake-bucket objects ${p.lakeVersioning === 'enabled' ? 'behind delete markers (restorable)' : '(unversioned bucket: deleted for good)'} and replay ${p.replay.length} upload versions.`,
  }),
  summary: (s: { uploads: number; provinceMonths: number; failed: number; seconds: number }): Bilingual => ({
    vi: `Đã dựng lại kho dữ liệu, sổ ghi và biên nhận từ ${s.uploads} tệp tải lên (${s.provinceMonths} tỉnh-tháng), lỗi ${s.failed} — ${s.seconds.toFixed(1)} giây`,
    en: `Rebuilt the lake, ledger and receipts from ${s.uploads} uploads (${s.provinceMonths} province-months), failed ${s.failed} — ${s.seconds.toFixed(1)} s`,
  }),
} as const;

/** What `vss doctor` reports: one line per kind of problem, and what to do about it. */
export const DOCTOR_MESSAGES = {
  healthy: (s: { uploads: number; records: number; provinceMonths: number }): Bilingual => ({
    vi: `Tốt: ${s.uploads} tệp tải lên, ${s.records} bản ghi sổ, ${s.provinceMonths} tỉnh-tháng; kho dữ liệu khớp với sổ ghi.`,
    en: `Healthy: ${s.uploads} uploads, ${s.records} ledger records, ${s.provinceMonths} province-months; the lake matches the ledger.`,
  }),
  problem: {
    'upload-unrecorded': (key: string): Bilingual => ({
      vi: `Tệp tải lên chưa có trong sổ ghi (chưa được xử lý): ${key}`,
      en: `Upload not in the ledger (never handled): ${key}`,
    }),
    'record-without-upload': (key: string): Bilingual => ({
      vi: `Sổ ghi nhắc đến tệp không còn trong uploads/: ${key}`,
      en: `Ledger record for an upload that is not in uploads/: ${key}`,
    }),
    'record-malformed': (key: string): Bilingual => ({
      vi: `Bản ghi sổ bị hỏng: ${key}`,
      en: `Malformed ledger record: ${key}`,
    }),
    'receipt-missing': (key: string): Bilingual => ({
      vi: `Thiếu biên nhận cho tệp: ${key}`,
      en: `Receipt missing for upload: ${key}`,
    }),
    'lake-missing': (pm: string): Bilingual => ({
      vi: `Thiếu dữ liệu trong kho cho báo cáo đang có hiệu lực: ${pm}`,
      en: `Lake object missing for the report in force: ${pm}`,
    }),
    'lake-stale': (pm: string): Bilingual => ({
      vi: `Kho dữ liệu không chứa đúng báo cáo đang có hiệu lực: ${pm}`,
      en: `Lake object does not hold the report in force: ${pm}`,
    }),
    'lake-orphan': (pm: string): Bilingual => ({
      vi: `Kho dữ liệu có tỉnh-tháng không có báo cáo được chấp nhận: ${pm}`,
      en: `Lake object for a province-month with no accepted report: ${pm}`,
    }),
    'summary-missing': (pm: string): Bilingual => ({
      vi: `Thiếu bảng tổng hợp của báo cáo đang có hiệu lực: ${pm}`,
      en: `Summary missing for the report in force: ${pm}`,
    }),
    'summary-stale': (pm: string): Bilingual => ({
      vi: `Bảng tổng hợp được tính từ một báo cáo khác với báo cáo đang có hiệu lực: ${pm}`,
      en: `Summary computed from another upload than the report in force: ${pm}`,
    }),
    'compacted-altered': COMPACTION_MESSAGES.altered,
    'ledger-compacted-stale': COMPACTION_MESSAGES.ledgerStale,
  },
  repaired: (pm: string, action: 'rewritten' | 'would-rewrite' | 'lake-not-settled'): Bilingual =>
    ({
      rewritten: {
        vi: `Đã tính lại bảng tổng hợp từ kho dữ liệu: ${pm}`,
        en: `Summary recomputed from the lake: ${pm}`,
      },
      'would-rewrite': {
        vi: `Sẽ tính lại bảng tổng hợp từ kho dữ liệu (chạy thử, chưa thay đổi gì): ${pm}`,
        en: `Would recompute the summary from the lake (dry run, nothing changed): ${pm}`,
      },
      'lake-not-settled': {
        vi: `Chưa sửa bảng tổng hợp vì kho dữ liệu chưa đúng; chạy "vss replay" trước: ${pm}`,
        en: `Summary not repaired: the lake does not hold the report in force yet; run "vss replay" first: ${pm}`,
      },
    })[action],
  advice: (count: number, dataDir: string): Bilingual => ({
    vi: `Phát hiện ${count} vấn đề. Cách khắc phục: chạy "vss replay --data-dir ${dataDir}" để dựng lại kho dữ liệu và sổ ghi từ các tệp tải lên (không mất tệp nào), rồi chạy lại "vss doctor".`,
    en: `Found ${count} problems. To fix: run "vss replay --data-dir ${dataDir}" to rebuild the lake and ledger from the uploads (no upload is lost), then run "vss doctor" again.`,
  }),
} as const;

/** What the upload API answers when it refuses a request (the portal page shows it as is). */
export const PORTAL_MESSAGES = {
  notSignedIn: (): Bilingual => ({
    vi: 'Phiên đăng nhập đã hết hạn hoặc chưa đăng nhập. Hãy đăng nhập lại.',
    en: 'You are not signed in, or the session has expired. Sign in again.',
  }),
  leadershipCannotUpload: (): Bilingual => ({
    vi: 'Tài khoản lãnh đạo chỉ được xem, không nộp báo cáo thay tỉnh.',
    en: 'A leadership account may look but not upload on behalf of a province.',
  }),
  otherProvince: (province: string): Bilingual => ({
    vi: `Tệp này thuộc tỉnh ${province}, không phải tỉnh của tài khoản đang đăng nhập.`,
    en: `This file belongs to province ${province}, not to the province of the signed-in account.`,
  }),
  unknownDataset: (name: string, known: string): Bilingual => ({
    vi: `Không có loại báo cáo ${q(name)}. Các loại báo cáo: ${known}.`,
    en: `There is no report type ${q(name)}. Report types: ${known}.`,
  }),
  badPeriod: (value: string): Bilingual => ({
    vi: `Kỳ báo cáo ${q(value)} không đúng dạng YYYY-MM.`,
    en: `The period ${q(value)} is not of the form YYYY-MM.`,
  }),
  badFileName: (name: string): Bilingual => ({
    vi: `Tên tệp ${shown(name)} không dùng được: không chứa dấu / hoặc \\, không bắt đầu bằng dấu chấm, tối đa 200 ký tự.`,
    en: `The file name ${shown(name)} cannot be used: no / or \\, no leading dot, at most 200 characters.`,
  }),
  badRequest: (detail: string): Bilingual => ({
    vi: `Yêu cầu không hợp lệ: ${detail}`,
    en: `The request is not valid: ${detail}`,
  }),
  checksumMismatch: (): Bilingual => ({
    vi: 'Nội dung tệp khác với mã kiểm tra đã khai báo. Hãy chọn lại tệp và nộp lại.',
    en: 'The file content differs from the declared checksum. Choose the file again and resubmit.',
  }),
  notFound: (): Bilingual => ({
    vi: 'Không tìm thấy.',
    en: 'Not found.',
  }),
  receiptPending: (): Bilingual => ({
    vi: 'Tệp đang được kiểm tra; biên nhận chưa có.',
    en: 'The file is being checked; the receipt is not ready yet.',
  }),
  uploadReplaced: (): Bilingual => ({
    vi: 'Tệp cùng tên đã được nộp lại với nội dung khác, nên không đánh dấu được bản này.',
    en: 'A file of the same name was uploaded again with other content, so this one cannot be marked.',
  }),
  notAnnotatable: (): Bilingual => ({
    vi: 'Tệp không mở được nên không có ô nào để đánh dấu.',
    en: 'The file cannot be opened, so there are no cells to mark.',
  }),
} as const;
