import type { DatasetDef } from './types.ts';

const count = { kind: 'integer', min: 0, unit: 'count' } as const;
const amount = { kind: 'integer', min: 0, unit: 'vnd' } as const;

export const enforcement = {
  name: 'enforcement',
  titleVi: 'Thanh tra, kiểm tra và xử phạt',
  titleEn: 'Inspections and sanctions',
  grainVi: 'một tỉnh, trong tháng',
  grainEn: 'the province, in the month',
  columns: [
    {
      key: 'so_cuoc_thanh_tra',
      vi: 'Số cuộc thanh tra, kiểm tra',
      en: 'Inspections',
      type: count,
      output: { name: 'inspections', en: 'Inspections' },
    },
    {
      key: 'so_don_vi_duoc_thanh_tra',
      vi: 'Số đơn vị được thanh tra, kiểm tra',
      en: 'Employers inspected',
      type: count,
      output: { name: 'employers_inspected', en: 'Employers inspected' },
    },
    {
      key: 'so_don_vi_vi_pham',
      vi: 'Số đơn vị vi phạm',
      en: 'Employers violating',
      type: count,
      output: { name: 'employers_violating', en: 'Employers violating' },
    },
    {
      key: 'so_quyet_dinh_xu_phat',
      vi: 'Số quyết định xử phạt',
      en: 'Sanction decisions',
      type: count,
      output: { name: 'sanction_decisions', en: 'Sanction decisions' },
    },
    {
      key: 'tien_phat',
      vi: 'Tiền phạt (đồng)',
      en: 'Fines imposed (VND)',
      type: amount,
      output: { name: 'fines_imposed', en: 'Fines imposed (VND)' },
    },
    {
      key: 'tien_phat_da_thu',
      vi: 'Tiền phạt đã thu (đồng)',
      en: 'Fines collected (VND)',
      type: amount,
      output: { name: 'fines_collected', en: 'Fines collected (VND)' },
    },
  ],
  rowRules: [
    { kind: 'not_greater', left: 'so_don_vi_vi_pham', right: 'so_don_vi_duoc_thanh_tra', severity: 'error' },
    // Collection lags the decision, often by months: a warning, not a rejection.
    { kind: 'not_greater', left: 'tien_phat_da_thu', right: 'tien_phat', severity: 'warning' },
  ],
  summary: { prefix: '' },
} as const satisfies DatasetDef;
