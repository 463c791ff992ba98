/**
 * The overview's first-screen figures against the national targets (headline.json): each tile's
 * name, what it is measured against, its like-for-like changes and the units that lag most.
 */
import type { Bilingual } from './messages.ts';

const b = (vi: string, en: string): Bilingual => ({ vi, en });

const BASIS_VI = { mom: 'So với tháng trước', yoy: 'So với cùng kỳ năm trước' };
const BASIS_EN = { mom: 'Month on month', yoy: 'Year on year' };
type Basis = keyof typeof BASIS_VI;

export const HEADLINE_TEXT = {
  lateRate: b('Tỷ lệ chậm đóng so với chỉ tiêu', 'Late-payment rate against its ceiling'),
  lateRateTarget: (ceiling: string, debt: string, dueYear: string) =>
    b(
      `Chỉ tiêu tối đa ${ceiling} · nợ ${debt} / số phải thu cả năm ${dueYear} (số phải thu tháng × 12)`,
      `Ceiling ${ceiling} · debt ${debt} / a year's dues ${dueYear} (the month's dues × 12)`,
    ),
  noCeiling: b('chưa có chỉ tiêu được giao', 'no ceiling assigned'),
  collectionPlan: b(
    'Số đã thu so với kế hoạch năm, lũy kế',
    'Collected against the year’s plan, year to date',
  ),
  collectionPlanDetail: (collected: string, plan: string, from: string) =>
    b(
      `Đã thu ${collected} từ ${from} / kế hoạch thu năm ${plan}`,
      `Collected ${collected} since ${from} / the year's plan ${plan}`,
    ),
  hiTarget: b('Người tham gia BHYT so với chỉ tiêu giao', 'Health-insurance participants against target'),
  siTarget: b('Người tham gia BHXH so với chỉ tiêu giao', 'Social-insurance participants against target'),
  targetDetail: (n: string, target: string) =>
    b(
      `${n} người / chỉ tiêu ${target} người (giao theo quyết định, không theo số tỉnh tự báo)`,
      `${n} people / ${target} assigned (by the national decision, not the province's own figure)`,
    ),
  onTime: b('Hồ sơ giải quyết đúng hạn', 'Dossiers resolved on time'),
  onTimeDetail: (n: string, resolved: string) =>
    b(`${n} / ${resolved} hồ sơ đã giải quyết`, `${n} / ${resolved} dossiers resolved`),
  units: (units: number, expected: number) =>
    b(
      `Tính trên ${units}/${expected} tỉnh có đủ số liệu`,
      `Over ${units}/${expected} provinces with the figures`,
    ),
  change: (basis: Basis, month: string, change: string, units: number, expected: number) =>
    b(
      `${BASIS_VI[basis]} (${month}): ${change} · cùng ${units}/${expected} tỉnh có số liệu cả hai kỳ`,
      `${BASIS_EN[basis]} (vs ${month}): ${change} · same ${units}/${expected} provinces with both months`,
    ),
  none: (basis: Basis) =>
    b(`${BASIS_VI[basis]}: chưa có số liệu để so sánh`, `${BASIS_EN[basis]}: no figures to compare with`),
  points: b(' điểm %', ' pts'),
  laggingRate: (list: string) => b(`Vượt chỉ tiêu nhiều nhất: ${list}`, `Furthest over the ceiling: ${list}`),
  laggingShare: (list: string) => b(`Thấp nhất: ${list}`, `Lowest: ${list}`),
  /** "Hà Nội 2,71 % (chỉ tiêu 2,55 %)" */
  laggingAgainst: (name: string, value: string, ceiling: string) =>
    b(`${name} ${value} (chỉ tiêu ${ceiling})`, `${name} ${value} (ceiling ${ceiling})`),
  rankingBy: (measure: string) => b(`Xếp hạng tỉnh theo ${measure}`, `Provinces by ${measure}`),
  ranked: b('đã báo cáo', 'reported'),
  noFigure: b('chưa có chỉ tiêu hoặc số cơ sở', 'no target or base'),
};
