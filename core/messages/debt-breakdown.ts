/** The debt page's breakdown (dashboard/src/pages/debt-breakdown.ts): age bands, sectors, interest. */
import type { Bilingual } from './messages.ts';

const b = (vi: string, en: string): Bilingual => ({ vi, en });

export const DEBT_BREAKDOWN_TEXT = {
  byAge: b('Nợ theo thời gian nợ', 'Debt by months overdue'),
  bySector: b('Nợ theo khu vực kinh tế', "Debt by employer's sector"),
  band: b('Thời gian nợ', 'Months overdue'),
  sector: b('Khu vực kinh tế', "Employer's sector"),
  amount: b('Số nợ (đồng)', 'Debt (VND)'),
  interest: b('Lãi chậm đóng', 'Late-payment interest'),
  ages: {
    debt_age_lt3: b('Dưới 3 tháng', 'Under 3 months'),
    debt_age_3_6: b('Từ 3 đến dưới 6 tháng', '3 to under 6 months'),
    debt_age_6_12: b('Từ 6 đến dưới 12 tháng', '6 to under 12 months'),
    debt_age_12_plus: b('Từ 12 tháng trở lên', '12 months or more'),
  },
  /** Units that sent a debt report in a month with no sector split (before template version 2). */
  noSector: (units: number, from: string) =>
    b(
      `${units} đơn vị chưa báo cáo theo khu vực kinh tế (mẫu báo cáo phiên bản 2, từ kỳ ${from}): không tính vào biểu đồ, không coi là 0.`,
      `${units} units have not reported by sector (template version 2, from ${from}): left out of the chart, not counted as 0.`,
    ),
  noSectorAtAll: (from: string) =>
    b(
      `Chưa báo cáo: nợ theo khu vực kinh tế và lãi chậm đóng có từ kỳ ${from} (mẫu báo cáo phiên bản 2).`,
      `No report: debt by sector and late-payment interest are reported from ${from} (template version 2).`,
    ),
  interestOf: (amount: string, units: number) =>
    b(
      `Lãi chậm đóng: ${amount} (${units} đơn vị báo cáo)`,
      `Late-payment interest: ${amount} (${units} units reporting)`,
    ),
} as const;
