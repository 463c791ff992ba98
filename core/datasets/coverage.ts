import type { DatasetDef } from './types.ts';

const count = { kind: 'integer', min: 0, unit: 'count' } as const;

export const coverage = {
  name: 'coverage',
  titleVi: 'Đối tượng tham gia BHXH, BHYT, BHTN',
  titleEn: 'Coverage',
  grainVi: 'một loại hình, trong tháng',
  grainEn: 'one scheme, in the month',
  columns: [
    {
      key: 'loai_hinh',
      vi: 'Loại hình',
      en: 'Scheme',
      unique: true,
      output: { name: 'scheme', en: 'Scheme' },
      type: {
        kind: 'category',
        options: [
          { code: 'si_compulsory', vi: 'BHXH bắt buộc', en: 'Compulsory SI' },
          { code: 'si_voluntary', vi: 'BHXH tự nguyện', en: 'Voluntary SI' },
          { code: 'ui', vi: 'BHTN', en: 'UI' },
          { code: 'hi', vi: 'BHYT', en: 'HI' },
        ],
      },
    },
    {
      key: 'so_nguoi_tham_gia',
      vi: 'Số người tham gia',
      en: 'Participants at month end',
      type: count,
      output: { name: 'participants', en: 'Participants' },
    },
    {
      key: 'chi_tieu_giao',
      vi: 'Chỉ tiêu giao',
      en: 'Participants targeted for the year',
      type: count,
      output: { name: 'target', en: "The year's target" },
    },
    {
      key: 'dan_so_co_so',
      vi: 'Dân số / lực lượng lao động',
      en: 'Population (HI) or labour force (SI, UI) the rate is taken on',
      type: { kind: 'integer', min: 1, unit: 'count' },
      output: { name: 'base', en: 'Population or labour force' },
    },
  ],
  rowRules: [],
  summary: { by: 'loai_hinh' },
} as const satisfies DatasetDef;
