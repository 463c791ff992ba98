/**
 * The national targets as a dataset (core/reference/national-dataset.ts): the one list of its
 * columns, from which the upload template for the national office, the validation of a targets
 * file, the vss.targets and vss.targets_history tables on both engines (reference-tables.ts) and
 * the data dictionary are all made. A row is one unit's targets for one year under one decision.
 */
import type { NationalDatasetDef } from './national-dataset.ts';

const count = { kind: 'integer', min: 0, unit: 'count' } as const;
const vnd = { kind: 'integer', min: 0, unit: 'vnd' } as const;

export const targetsDataset = {
  name: 'targets',
  titleVi: 'Chỉ tiêu giao (BHXH Việt Nam giao các tỉnh)',
  titleEn: 'National targets (assigned to the provinces by VSS)',
  grainVi: 'một đơn vị, một năm, theo một quyết định giao chỉ tiêu',
  grainEn: 'one unit, one year, under one deciding document',
  columns: [
    {
      key: 'year',
      vi: 'Năm',
      en: 'Year the targets are for',
      type: { kind: 'integer', min: 2015, max: 2099, unit: 'count' },
      stored: 'text',
      total: false,
    },
    {
      key: 'generation',
      vi: 'Hệ đơn vị',
      en: 'Generation of the unit: 63 (until 2025-06) or 34 (from 2025-07)',
      type: {
        kind: 'category',
        options: [
          { code: '63', vi: '63 tỉnh', en: '63 provinces' },
          { code: '34', vi: '34 tỉnh', en: '34 provinces' },
        ],
      },
    },
    { key: 'province', vi: 'Mã tỉnh', en: 'Two-digit code of the unit in that generation', type: { kind: 'text' } },
    {
      key: 'target_si_compulsory',
      vi: 'Chỉ tiêu BHXH bắt buộc (người)',
      en: 'Participants target, compulsory social insurance',
      type: count,
    },
    {
      key: 'target_si_voluntary',
      vi: 'Chỉ tiêu BHXH tự nguyện (người)',
      en: 'Participants target, voluntary social insurance',
      type: count,
    },
    { key: 'target_ui', vi: 'Chỉ tiêu BHTN (người)', en: 'Participants target, unemployment insurance', type: count },
    { key: 'target_hi', vi: 'Chỉ tiêu BHYT (người)', en: 'Participants target, health insurance', type: count },
    {
      key: 'late_rate_target_bp',
      vi: 'Tỷ lệ chậm đóng tối đa (phần vạn)',
      en: 'Ceiling of debt over dues, hundredths of a percent (259 = 2.59 %)',
      type: { kind: 'integer', min: 0, max: 10_000, unit: 'count' },
      total: false,
    },
    { key: 'plan_bhxh', vi: 'Kế hoạch thu BHXH (đồng)', en: 'Collection plan, social insurance fund, VND', type: vnd },
    { key: 'plan_bhyt', vi: 'Kế hoạch thu BHYT (đồng)', en: 'Collection plan, health insurance fund, VND', type: vnd },
    {
      key: 'plan_bhtn',
      vi: 'Kế hoạch thu BHTN (đồng)',
      en: 'Collection plan, unemployment insurance fund, VND',
      type: vnd,
    },
    { key: 'decision_no', vi: 'Số quyết định', en: 'Number of the decision assigning the targets', type: { kind: 'text' } },
    { key: 'decision_date', vi: 'Ngày quyết định', en: 'Date of that decision (yyyy-mm-dd)', type: { kind: 'date' } },
  ],
  rowRules: [],
  key: ['year', 'generation', 'province'],
  decision: { number: 'decision_no', date: 'decision_date' },
} as const satisfies NationalDatasetDef;
