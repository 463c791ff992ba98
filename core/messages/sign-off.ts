/** Every word of the portal's sign-off panel, in Vietnamese and English (exported by core/messages/index.ts). */
import type { Bilingual } from './messages.ts';

const b = (vi: string, en: string): Bilingual => ({ vi, en });

export const SIGN_OFF_TEXT = {
  heading: b('Phê duyệt số liệu tháng', "The month's sign-off"),
  report: b('Báo cáo', 'Report'),
  state: b('Trạng thái', 'State'),
  lastAction: b('Lần cuối', 'Last action'),
  held: b('Tệp đang chờ (chưa tính)', 'Uploads held (not counted)'),
  approved: b('Đã phê duyệt', 'Approved'),
  pending: b('Chờ phê duyệt', 'Pending approval'),
  reopened: b('Đã mở lại', 'Reopened'),
  missing: b('Chưa có số liệu', 'No data'),
  approve: b('Phê duyệt các báo cáo đã đọc', 'Approve the reports read'),
  approveHint: b(
    'Đọc biên nhận của từng báo cáo trước khi phê duyệt. Sau khi phê duyệt, tệp nộp lại được lưu nhưng chưa thay số liệu cho đến khi mở lại.',
    'Read each report’s receipt before approving. Once approved, a new upload is kept but does not replace the figures until the month is reopened.',
  ),
  reason: b('Lý do mở lại', 'Reason for reopening'),
  reopen: b('Mở lại các báo cáo đã duyệt', 'Reopen the approved reports'),
  done: b('Đã ghi nhận.', 'Recorded.'),
  nothing: b('Không có báo cáo nào để thực hiện.', 'There is no report to act on.'),
  national: b('Tình hình phê duyệt toàn quốc — nợ đóng', 'National sign-off — contribution debt'),
  units: b('đơn vị', 'units'),
  view: b('Số liệu', 'Figures'),
  viewCounted: b(
    'Đang tính (đã duyệt, hoặc mới nhất nếu chưa duyệt)',
    'Counted (approved, or latest where not approved)',
  ),
  viewApproved: b('Chỉ số liệu đã phê duyệt', 'Approved only'),
  viewLatest: b('Bản được chấp nhận mới nhất', 'Latest accepted'),
  debtTotal: b('Tổng nợ BHXH, BHYT, BHTN (đồng)', 'Total SI, HI, UI debt (VND)'),
  unitsIn: b('Số đơn vị có số liệu', 'Units with figures'),
  /** The national level's actions: return a province's approved month, publish the month. */
  returnHeading: b('Trả lại số liệu đã duyệt cho tỉnh', "Return a province's approved month"),
  returnProvince: b('Tỉnh, thành phố', 'Province'),
  returnReason: b('Lý do trả lại', 'Reason for returning'),
  returnButton: b('Trả lại tháng cho tỉnh', 'Return the month to the province'),
  returnNone: b('Chưa có tỉnh nào được phê duyệt trong tháng.', 'No province is approved this month.'),
  returned: (province: string) =>
    b(`Đã trả lại số liệu tháng cho tỉnh ${province}.`, `Returned the month to province ${province}.`),
  publishHeading: b('Công bố số liệu tháng', 'Publish the month'),
  publishHint: b(
    'Công bố giữ nguyên số liệu đang tính của mọi báo cáo cho cuộc họp, kể cả khi tỉnh mở lại sau đó.',
    'Publishing freezes the counted figures of every report for a meeting, even if a province reopens later.',
  ),
  publishButton: b('Công bố số liệu tháng', 'Publish the month'),
  published: (at: string) => b(`Đã công bố lúc ${at}.`, `Published at ${at}.`),
} as const;
/** The keys of fixed words (not the functions that take a value). */
export type SignOffTextKey = {
  [K in keyof typeof SIGN_OFF_TEXT]: (typeof SIGN_OFF_TEXT)[K] extends Bilingual ? K : never;
}[keyof typeof SIGN_OFF_TEXT];
