import type { DatasetDef } from './types.ts';

const amount = { kind: 'integer', min: 0, unit: 'vnd' } as const;

export const debt = {
  name: 'debt',
  titleVi: 'Nợ đóng BHXH, BHYT, BHTN',
  titleEn: 'Contribution debt',
  grainVi: 'một đơn vị nợ, cuối tháng',
  grainEn: 'one debtor employer, at month end',
  columns: [
    {
      key: 'ma_so_thue',
      vi: 'Mã số thuế',
      en: 'Employer tax code',
      type: { kind: 'tax_code' },
      unique: true,
    },
    { key: 'ten_don_vi', vi: 'Tên đơn vị', en: 'Employer name', type: { kind: 'text' } },
    { key: 'no_bhxh', vi: 'Nợ BHXH (đồng)', en: 'Social insurance owed at month end (VND)', type: amount },
    { key: 'no_bhyt', vi: 'Nợ BHYT (đồng)', en: 'Health insurance owed (VND)', type: amount },
    { key: 'no_bhtn', vi: 'Nợ BHTN (đồng)', en: 'Unemployment insurance owed (VND)', type: amount },
    {
      key: 'so_thang_no',
      vi: 'Số tháng nợ',
      en: 'Months overdue',
      type: { kind: 'integer', min: 0, max: 600, unit: 'months' },
    },
    {
      key: 'da_thu_hoi',
      vi: 'Đã thu hồi trong tháng (đồng)',
      en: 'Arrears recovered this month (VND)',
      type: amount,
    },
    {
      key: 'so_lao_dong',
      vi: 'Số lao động',
      en: 'Employees affected',
      type: { kind: 'integer', min: 0, unit: 'count' },
    },
    {
      key: 'tinh_trang',
      vi: 'Tình trạng',
      en: 'Status',
      type: {
        kind: 'category',
        options: [
          { code: 'late', vi: 'chậm đóng', en: 'late' },
          { code: 'evading', vi: 'trốn đóng', en: 'evading' },
          { code: 'sued', vi: 'đã khởi kiện', en: 'sued' },
          { code: 'referred_police', vi: 'chuyển cơ quan công an', en: 'referred to the police' },
          { code: 'dissolved', vi: 'giải thể, chủ bỏ trốn', en: 'dissolved, owner absconded' },
        ],
      },
    },
  ],
  rowRules: [],
} as const satisfies DatasetDef;
