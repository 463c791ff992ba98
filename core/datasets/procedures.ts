import type { DatasetDef } from './types.ts';

const count = { kind: 'integer', min: 0, unit: 'count' } as const;

export const procedures = {
  name: 'procedures',
  titleVi: 'Giải quyết thủ tục hành chính',
  titleEn: 'Administrative-procedure dossiers',
  grainVi: 'một nhóm thủ tục, trong tháng',
  grainEn: 'one procedure group, in the month',
  columns: [
    {
      key: 'nhom_thu_tuc',
      vi: 'Nhóm thủ tục',
      en: 'Procedure group',
      unique: true,
      output: { name: 'procedure_group', en: 'Procedure group' },
      type: {
        kind: 'category',
        options: [
          { code: 'collection', vi: 'thu, cấp sổ thẻ', en: 'collection, books and cards' },
          { code: 'short_term', vi: 'ốm đau, thai sản', en: 'sickness, maternity' },
          { code: 'long_term', vi: 'hưu trí, tử tuất', en: 'pensions, survivors' },
          { code: 'lump_sum', vi: 'BHXH một lần', en: 'lump-sum SI' },
          { code: 'hi_claims', vi: 'giám định BHYT', en: 'HI claims review' },
        ],
      },
    },
    {
      key: 'tiep_nhan',
      vi: 'Tiếp nhận',
      en: 'Dossiers received (new + carried over)',
      type: count,
      output: { name: 'received', en: 'Dossiers received' },
    },
    {
      key: 'dung_han',
      vi: 'Giải quyết đúng hạn',
      en: 'Resolved on time',
      type: count,
      output: { name: 'on_time', en: 'Resolved on time' },
    },
    {
      key: 'tre_han',
      vi: 'Giải quyết trễ hạn',
      en: 'Resolved late',
      type: count,
      output: { name: 'late', en: 'Resolved late' },
    },
    {
      key: 'dang_giai_quyet',
      vi: 'Đang giải quyết',
      en: 'Pending',
      type: count,
      output: { name: 'pending', en: 'Pending' },
    },
    {
      key: 'qua_han',
      vi: 'Quá hạn chưa giải quyết',
      en: 'Pending and overdue',
      type: count,
      output: { name: 'overdue', en: 'Pending and overdue' },
    },
  ],
  rowRules: [
    {
      kind: 'sum_equals',
      parts: ['dung_han', 'tre_han', 'dang_giai_quyet'],
      total: 'tiep_nhan',
      severity: 'error',
    },
    { kind: 'not_greater', left: 'qua_han', right: 'dang_giai_quyet', severity: 'error' },
  ],
  summary: { prefix: 'procedures_' },
} as const satisfies DatasetDef;
