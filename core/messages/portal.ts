/**
 * Every word of the upload portal page, in Vietnamese and English. core/messages/index.ts exports it
 * with the platform's other text; the API's refusals come from core/messages/messages.ts (PORTAL_MESSAGES).
 */
import type { Bilingual } from './messages.ts';

const b = (vi: string, en: string): Bilingual => ({ vi, en });

export const PORTAL_TEXT = {
  docTitle: b('Nộp báo cáo — Bảo hiểm xã hội Việt Nam', 'Submit reports — Vietnam Social Security'),
  heading: b('Nộp báo cáo tháng', 'Submit monthly reports'),
  subtitle: b(
    'Chọn loại báo cáo và kỳ, kéo thả hoặc chọn tệp, rồi đọc biên nhận.',
    'Choose the report and the month, drop or pick the file, then read the receipt.',
  ),
  language: b('English', 'Tiếng Việt'),
  languageLabel: b('Switch the page to English', 'Chuyển trang sang tiếng Việt'),
  dashboardLink: b('Trang tổng quan', 'Dashboard'),
  signedInAs: b('Đơn vị nộp', 'Submitting for'),
  leadership: b('Lãnh đạo (chỉ xem)', 'Leadership (view only)'),
  notSignedIn: b('Chưa đăng nhập', 'Not signed in'),
  signIn: b('Đăng nhập', 'Sign in'),
  localSwitch: b('Chạy trên máy: đóng vai tỉnh', 'Local run: act as province'),
  uploadHeading: b('Nộp tệp', 'Upload a file'),
  dataset: b('Loại báo cáo', 'Report'),
  period: b('Kỳ báo cáo', 'Month'),
  dropHint: b(
    'Kéo thả tệp CSV hoặc Excel (.xlsx) vào đây, hoặc bấm để chọn tệp',
    'Drop a CSV or Excel (.xlsx) file here, or press to choose one',
  ),
  chosen: b('Tệp đã chọn', 'Chosen file'),
  submit: b('Nộp báo cáo', 'Submit'),
  chooseFileFirst: b('Hãy chọn tệp trước.', 'Choose a file first.'),
  hashing: b('Đang tính mã kiểm tra tệp…', 'Computing the file checksum…'),
  asking: b('Đang xin phép tải lên…', 'Asking for permission to upload…'),
  uploading: b('Đang tải lên…', 'Uploading…'),
  checking: b('Đã tải lên; đang kiểm tra từng ô…', 'Uploaded; checking every cell…'),
  uploadFailed: b('Tải lên không thành công. Hãy thử lại.', 'The upload did not succeed. Try again.'),
  receiptTimeout: b(
    'Chưa có biên nhận sau 2 phút. Xem lại mục "Lịch sử nộp" sau ít phút.',
    'No receipt after 2 minutes. Look at "Upload history" again in a few minutes.',
  ),
  checksumDiffers: b(
    'Mã kiểm tra của tệp đã lưu khác với tệp đã chọn: hãy nộp lại.',
    'The stored file’s checksum differs from the chosen file: submit again.',
  ),
  receiptHeading: b('Biên nhận', 'Receipt'),
  status: b('Kết quả', 'Status'),
  accepted: b('ĐƯỢC CHẤP NHẬN', 'ACCEPTED'),
  rejected: b('BỊ TỪ CHỐI', 'REJECTED'),
  duplicate: b('TRÙNG (dữ liệu không đổi)', 'DUPLICATE (data unchanged)'),
  rowsRead: b('Số dòng đọc được', 'Rows read'),
  rowsAccepted: b('Số dòng được nhận', 'Rows accepted'),
  rowsRejected: b('Số dòng bị từ chối', 'Rows rejected'),
  totals: b('Tổng cộng tỉnh đã báo cáo', 'Totals the province reported'),
  errors: b('Lỗi', 'Errors'),
  warnings: b('Cảnh báo', 'Warnings'),
  noIssues: b('Không có', 'None'),
  sheet: b('Trang tính', 'Sheet'),
  row: b('Dòng', 'Row'),
  column: b('Cột', 'Column'),
  rule: b('Quy tắc', 'Rule'),
  cell: b('Vị trí', 'Where'),
  expected: b('Cần', 'Expected'),
  found: b('Tìm thấy', 'Found'),
  message: b('Nội dung', 'Message'),
  annotated: b(
    'Tải tệp đã đánh dấu ô lỗi (.xlsx) để sửa',
    'Download the file with wrong cells marked (.xlsx)',
  ),
  dueHeading: b('Báo cáo phải nộp', 'Reports due'),
  overdueHeading: b(
    'Báo cáo các tháng trước còn nợ, đã quá hạn',
    'Earlier months still owed, past their deadline',
  ),
  deadline: b('Hạn nộp', 'Deadline'),
  receivedAt: b('Nhận lúc', 'Received'),
  dueOnTime: b('Đúng hạn', 'On time'),
  dueLate: b('Trễ hạn', 'Late'),
  dueRejected: b('Bị từ chối, cần nộp lại', 'Rejected, submit again'),
  dueMissing: b('Chưa nộp', 'Missing'),
  historyHeading: b('Lịch sử nộp của tỉnh (mọi kỳ)', 'Upload history of the province (every month)'),
  file: b('Tệp', 'File'),
  showReceipt: b('Xem biên nhận', 'Show receipt'),
  templatesHeading: b('Mẫu báo cáo', 'Templates'),
  template: b('Tải mẫu', 'Download template'),
} as const satisfies Record<string, Bilingual>;

export type PortalTextKey = keyof typeof PORTAL_TEXT;
