import type { DatasetDef } from './types.ts';

export const prosecution = {
  name: 'prosecution',
  titleVi: 'Hồ sơ đề nghị khởi tố (Điều 214, 215, 216 BLHS)',
  titleEn: 'Prosecution dossiers (Penal Code Art. 214, 215, 216)',
  grainVi: 'một hồ sơ, theo sổ theo dõi cuối tháng',
  grainEn: "one dossier, from the province's register at month end",
  columns: [
    {
      key: 'ma_ho_so',
      vi: 'Mã hồ sơ',
      en: 'Dossier id (stable across months)',
      type: { kind: 'text' },
      unique: true,
    },
    {
      key: 'dieu_luat',
      vi: 'Điều luật',
      en: 'Penal Code article',
      type: {
        kind: 'category',
        options: [
          { code: '214', vi: 'Điều 214', en: 'Art. 214' },
          { code: '215', vi: 'Điều 215', en: 'Art. 215' },
          { code: '216', vi: 'Điều 216', en: 'Art. 216' },
        ],
      },
    },
    // Art. 214/215 concern individual fraud, where there may be no employer.
    {
      key: 'ma_so_thue',
      vi: 'Mã số thuế',
      en: 'Employer tax code',
      type: { kind: 'tax_code' },
      required: false,
    },
    { key: 'ngay_gui', vi: 'Ngày gửi', en: 'Date sent to the police', type: { kind: 'date' } },
    {
      key: 'trang_thai',
      vi: 'Trạng thái',
      en: 'Stage',
      type: {
        kind: 'category',
        options: [
          { code: 'sent', vi: 'đã gửi', en: 'sent' },
          { code: 'accepted', vi: 'đã thụ lý', en: 'accepted' },
          { code: 'prosecuted', vi: 'đã khởi tố', en: 'prosecuted' },
          { code: 'tried', vi: 'đã xét xử', en: 'tried' },
          { code: 'not_prosecuted', vi: 'không khởi tố', en: 'not prosecuted', exit: true },
          { code: 'returned', vi: 'trả hồ sơ', en: 'returned', exit: true },
          { code: 'suspended', vi: 'tạm đình chỉ', en: 'suspended', exit: true },
        ],
      },
    },
    {
      key: 'so_tien',
      vi: 'Số tiền (đồng)',
      en: 'Amount evaded or defrauded (VND)',
      type: { kind: 'integer', min: 0, unit: 'vnd' },
    },
  ],
  rowRules: [
    {
      kind: 'required_unless',
      column: 'ma_so_thue',
      when: 'dieu_luat',
      values: ['214', '215'],
      severity: 'error',
    },
  ],
} as const satisfies DatasetDef;
