import type { DatasetDef } from './types.ts';

const amount = { kind: 'integer', min: 0, unit: 'vnd' } as const;

/**
 * Contributions due and collected in the month, per fund. The amount due is the denominator of the
 * late-payment rate VSS reports ("tỷ lệ chậm đóng so với số phải thu"): debt at month end over the
 * amount due. The year's plan (kế hoạch thu năm) is assigned nationally, so it lives in the
 * national targets reference, not in a province's upload.
 */
export const collection = {
  name: 'collection',
  titleVi: 'Tình hình thu BHXH, BHYT, BHTN',
  titleEn: 'Contribution collection',
  grainVi: 'một quỹ, trong tháng',
  grainEn: 'one fund, in the month',
  columns: [
    {
      key: 'loai_bao_hiem',
      vi: 'Loại bảo hiểm',
      en: 'Fund',
      unique: true,
      type: {
        kind: 'category',
        options: [
          { code: 'bhxh', vi: 'BHXH', en: 'SI' },
          { code: 'bhyt', vi: 'BHYT', en: 'HI' },
          { code: 'bhtn', vi: 'BHTN', en: 'UI' },
        ],
      },
    },
    {
      key: 'so_phai_thu',
      vi: 'Số phải thu trong tháng (đồng)',
      en: 'Contributions due for the month (VND)',
      type: amount,
    },
    {
      key: 'so_da_thu',
      vi: 'Số đã thu trong tháng (đồng)',
      en: 'Contributions collected in the month, arrears included (VND)',
      type: amount,
    },
    {
      key: 'lai_cham_dong',
      vi: 'Lãi chậm đóng phát sinh (đồng)',
      en: 'Late-payment interest charged in the month (VND)',
      type: amount,
    },
  ],
  rowRules: [],
} as const satisfies DatasetDef;
