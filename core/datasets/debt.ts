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
  versions: [
    {
      // From July 2026 (the sample's range ends 2026-10, so both versions are in it): the
      // employer's sector, interest owed, a row for an employer that paid everything off, and the
      // status split in two, so a sued or referred evader keeps its "evading".
      version: 2,
      from: '2026-07',
      drops: ['tinh_trang'],
      adds: [
        {
          after: 'ten_don_vi',
          columns: [
            {
              key: 'khu_vuc',
              vi: 'Khu vực kinh tế',
              en: "Employer's sector",
              type: {
                kind: 'category',
                options: [
                  { code: 'state', vi: 'doanh nghiệp nhà nước', en: 'state-owned enterprise' },
                  {
                    code: 'fdi',
                    vi: 'doanh nghiệp có vốn đầu tư nước ngoài',
                    en: 'foreign-invested enterprise',
                  },
                  { code: 'non_state', vi: 'doanh nghiệp ngoài nhà nước', en: 'non-state enterprise' },
                  {
                    code: 'public',
                    vi: 'khu vực hành chính sự nghiệp',
                    en: 'administrative and public service units',
                  },
                  { code: 'other', vi: 'khác', en: 'other' },
                ],
              },
            },
          ],
        },
        {
          after: 'no_bhtn',
          columns: [
            {
              key: 'lai_cham_dong',
              vi: 'Lãi chậm đóng (đồng)',
              en: 'Late-payment interest owed at month end (VND)',
              type: amount,
            },
          ],
        },
        {
          after: 'so_lao_dong',
          columns: [
            {
              key: 'tinh_chat',
              vi: 'Tính chất nợ',
              en: 'Nature of the debt',
              type: {
                kind: 'category',
                options: [
                  { code: 'late', vi: 'chậm đóng', en: 'late' },
                  { code: 'evading', vi: 'trốn đóng', en: 'evading' },
                ],
              },
            },
            {
              key: 'bien_phap',
              vi: 'Biện pháp xử lý',
              en: 'Action taken',
              type: {
                kind: 'category',
                options: [
                  { code: 'none', vi: 'chưa xử lý', en: 'none yet' },
                  { code: 'sued', vi: 'đã khởi kiện', en: 'sued' },
                  { code: 'referred_police', vi: 'chuyển cơ quan công an', en: 'referred to the police' },
                  { code: 'dissolved', vi: 'giải thể, chủ bỏ trốn', en: 'dissolved, owner absconded' },
                ],
              },
            },
          ],
        },
      ],
      rowRules: [
        {
          kind: 'paid_off',
          owed: ['no_bhxh', 'no_bhyt', 'no_bhtn'],
          recovered: 'da_thu_hoi',
          months: 'so_thang_no',
          severity: 'error',
        },
      ],
      // A version-1 status named the action once one was taken and hid the nature: a sued,
      // referred or dissolved debtor's nature is not known (null), never guessed.
      reads: {
        tinh_trang: {
          late: { tinh_chat: 'late', bien_phap: 'none' },
          evading: { tinh_chat: 'evading', bien_phap: 'none' },
          sued: { tinh_chat: null, bien_phap: 'sued' },
          referred_police: { tinh_chat: null, bien_phap: 'referred_police' },
          dissolved: { tinh_chat: null, bien_phap: 'dissolved' },
        },
      },
    },
  ],
} as const satisfies DatasetDef;
