import type { DatasetDef } from './types.ts';

const count = { kind: 'integer', min: 0, unit: 'count' } as const;
const amount = { kind: 'integer', min: 0, unit: 'vnd' } as const;
/**
 * Columns added to the template after provinces had been reporting with it: an older file without
 * them stays valid, and a column it lacks (or a cell left empty) is NULL in the lake, not 0.
 */
const optional = { required: false } as const;

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
    // The inspections of the month by type; each is counted under one type, so they add up to the total.
    {
      key: 'so_cuoc_theo_ke_hoach',
      vi: 'Số cuộc thanh tra theo kế hoạch',
      en: 'Planned inspections',
      type: count,
      ...optional,
      output: { name: 'inspections_planned', en: 'Planned inspections' },
    },
    {
      key: 'so_cuoc_dot_xuat',
      vi: 'Số cuộc thanh tra đột xuất',
      en: 'Unscheduled inspections',
      type: count,
      ...optional,
      output: { name: 'inspections_unscheduled', en: 'Unscheduled inspections' },
    },
    {
      key: 'so_cuoc_chuyen_nganh',
      vi: 'Số cuộc thanh tra chuyên ngành',
      en: 'Specialised inspections',
      type: count,
      ...optional,
      output: { name: 'inspections_specialised', en: 'Specialised inspections' },
    },
    // What the month's inspections found and what was recovered after them.
    {
      key: 'so_lao_dong_chua_tham_gia',
      vi: 'Số lao động chưa tham gia BHXH phát hiện',
      en: 'Workers found not enrolled',
      type: count,
      ...optional,
      output: { name: 'workers_not_enrolled', en: 'Workers found not enrolled in SI' },
    },
    {
      key: 'so_tien_dong_thieu',
      vi: 'Số tiền đóng thiếu phát hiện (đồng)',
      en: 'Under-declared contributions found (VND)',
      type: amount,
      ...optional,
      output: { name: 'underpaid_found', en: 'Under-declared contributions found (VND)' },
    },
    {
      key: 'so_tien_da_truy_thu',
      vi: 'Số tiền đã truy thu (đồng)',
      en: 'Amounts recovered after inspection (VND)',
      type: amount,
      ...optional,
      output: { name: 'inspection_recovered', en: 'Amounts recovered after inspection (VND)' },
    },
    // Arrears recovered in the month through coordination with the police.
    {
      key: 'so_don_vi_thu_hoi_cong_an',
      vi: 'Số đơn vị đã thu hồi qua phối hợp công an',
      en: 'Employers recovered from through police coordination',
      type: count,
      ...optional,
      output: { name: 'police_employers', en: 'Employers recovered from through police coordination' },
    },
    {
      key: 'so_tien_thu_hoi_cong_an',
      vi: 'Số tiền thu hồi qua phối hợp công an (đồng)',
      en: 'Amount recovered through police coordination (VND)',
      type: amount,
      ...optional,
      output: { name: 'police_recovered', en: 'Amount recovered through police coordination (VND)' },
    },
  ],
  rowRules: [
    { kind: 'not_greater', left: 'so_don_vi_vi_pham', right: 'so_don_vi_duoc_thanh_tra', severity: 'error' },
    // Collection lags the decision, often by months: a warning, not a rejection.
    { kind: 'not_greater', left: 'tien_phat_da_thu', right: 'tien_phat', severity: 'warning' },
    // Judged only when all three types are filled in (an older template has none of them); a
    // report with only some of them is taken, with a warning that the sum could not be checked.
    {
      kind: 'all_or_none',
      columns: ['so_cuoc_theo_ke_hoach', 'so_cuoc_dot_xuat', 'so_cuoc_chuyen_nganh'],
      severity: 'warning',
    },
    {
      kind: 'sum_equals',
      parts: ['so_cuoc_theo_ke_hoach', 'so_cuoc_dot_xuat', 'so_cuoc_chuyen_nganh'],
      total: 'so_cuoc_thanh_tra',
      severity: 'error',
    },
    // The month's recoveries include amounts found in earlier months' inspections, so more
    // recovered than found can be true; it is also what swapped columns look like: a warning.
    { kind: 'not_greater', left: 'so_tien_da_truy_thu', right: 'so_tien_dong_thieu', severity: 'warning' },
  ],
  summary: { prefix: '' },
} as const satisfies DatasetDef;
