/** What the sign-off (approve, reopen, return, publish) says to people, in both languages. */
import type { Bilingual } from './messages.ts';

const vnTime = (iso: string) =>
  new Date(iso).toLocaleString('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'short',
  });
const enTime = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'short',
  });

export const APPROVAL_MESSAGES = {
  heldUntilReopened: (approvedAt: string): Bilingual => ({
    vi: `Báo cáo tháng này đã được Giám đốc phê duyệt lúc ${vnTime(approvedAt)}. Tệp đã được lưu nhưng chưa thay số liệu đã duyệt cho đến khi tháng được mở lại (Giám đốc mở lại có lý do, hoặc cấp trung ương trả lại).`,
    en: `This month's report was approved by the director at ${enTime(approvedAt)} (Vietnam time). The file is kept but does not replace the approved figures until the month is reopened (by the director, with a reason, or returned by the national level).`,
  }),
  notDirector: (): Bilingual => ({
    vi: 'Chỉ Giám đốc BHXH tỉnh được phê duyệt hoặc mở lại báo cáo của tỉnh.',
    en: "Only the province's director may approve or reopen the province's reports.",
  }),
  notNational: (): Bilingual => ({
    vi: 'Chỉ cấp trung ương được trả lại hoặc công bố số liệu.',
    en: 'Only the national level may return or publish figures.',
  }),
  otherProvince: (province: string): Bilingual => ({
    vi: `Tài khoản này không được phê duyệt báo cáo của tỉnh ${province}.`,
    en: `This account may not sign off the reports of province ${province}.`,
  }),
  reasonRequired: (): Bilingual => ({
    vi: 'Cần ghi lý do khi mở lại hoặc trả lại báo cáo.',
    en: 'A reason is needed to reopen or return a report.',
  }),
  nothingToApprove: (dataset: string): Bilingual => ({
    vi: `Báo cáo ${dataset} của tháng này chưa có tệp được chấp nhận để phê duyệt.`,
    en: `The ${dataset} report of this month has no accepted upload to approve.`,
  }),
  notInForce: (dataset: string): Bilingual => ({
    vi: `Tệp được chọn không phải bản đang có hiệu lực của báo cáo ${dataset}; hãy tải lại trang và xem biên nhận mới nhất.`,
    en: `The chosen upload is not the one in force for the ${dataset} report; reload the page and read the latest receipt.`,
  }),
  notApproved: (dataset: string): Bilingual => ({
    vi: `Báo cáo ${dataset} của tháng này chưa được phê duyệt nên không cần mở lại.`,
    en: `The ${dataset} report of this month is not approved, so there is nothing to reopen.`,
  }),
} as const;
