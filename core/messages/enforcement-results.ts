/**
 * The enforcement page's inspection types, inspection results and police-coordination panels
 * (dashboard/src/pages/enforcement-results.ts), in Vietnamese and English.
 */
import type { ResultFigure } from '../enforcement-results.ts';
import type { Bilingual } from './messages.ts';

const b = (vi: string, en: string): Bilingual => ({ vi, en });

export const RESULTS_TEXT = {
  /** Each figure as a series, a column and a line of the summary. */
  figure: {
    inspections_planned: b('Theo kế hoạch', 'Planned'),
    inspections_unscheduled: b('Đột xuất', 'Unscheduled'),
    inspections_specialised: b('Chuyên ngành', 'Specialised'),
    workers_not_enrolled: b('Lao động chưa tham gia BHXH phát hiện', 'Workers found not enrolled'),
    underpaid_found: b('Số tiền đóng thiếu phát hiện', 'Under-declared contributions found'),
    inspection_recovered: b('Số tiền đã truy thu', 'Recovered after inspection'),
    police_employers: b('Đơn vị đã thu hồi qua phối hợp công an', 'Employers recovered from via the police'),
    police_recovered: b('Số tiền thu hồi qua phối hợp công an', 'Recovered via the police'),
  } satisfies Record<ResultFigure, Bilingual>,
  typesTitle: b('Cuộc thanh tra theo loại, toàn quốc', 'Inspections by type, nationally'),
  typesTitleRegion: b('Cuộc thanh tra theo loại, vùng đã chọn', 'Inspections by type, region chosen'),
  resultsTitle: b(
    'Kết quả thanh tra và phối hợp công an, toàn quốc',
    'Inspection results and police coordination, nationally',
  ),
  resultsTitleRegion: b(
    'Kết quả thanh tra và phối hợp công an, vùng đã chọn',
    'Inspection results and police coordination, region chosen',
  ),
  unitsTitle: b(
    'Kết quả thanh tra và phối hợp công an theo tỉnh',
    'Inspection results and police coordination by province',
  ),
  rankingTitle: b('Số tiền đã truy thu sau thanh tra theo tỉnh', 'Recovered after inspection by province'),
  unitRecoveries: b(
    'Truy thu sau thanh tra và thu hồi qua phối hợp công an',
    'Recovered after inspection and via the police',
  ),
  type: b('Loại thanh tra', 'Inspection type'),
  result: b('Kết quả', 'Result'),
  /** The trend tables' coverage columns. */
  unitsWithFigures: b('Số tỉnh có số liệu', 'Provinces with figures'),
  unitsReported: b('Số tỉnh đã báo cáo', 'Provinces reported'),
  noFigures: b('chưa có số liệu', 'no figures'),
  noFiguresYet: b('Chưa có số liệu', 'No figures yet'),
  /** The line under a trend: what the month's sums cover. */
  covered: (month: string, units: number, expected: number) =>
    b(
      `Tháng ${month}: tổng trên ${units}/${expected} tỉnh có số liệu`,
      `${month}: summed over ${units}/${expected} provinces with figures`,
    ),
  noneCovered: (month: string) =>
    b(
      `Tháng ${month}: chưa có số liệu (chưa tỉnh nào báo cáo theo mẫu mới)`,
      `${month}: no figures yet (no province reported on the new template)`,
    ),
  /** Units that reported on the older template, without these figures. */
  withoutFigures: (names: string) =>
    b(`Chưa có số liệu (báo cáo theo mẫu cũ): ${names}`, `No figures (older template): ${names}`),
  summary: (figure: string, value: string, units: number, expected: number) =>
    b(
      `${figure}: ${value} (${units}/${expected} tỉnh)`,
      `${figure}: ${value} (${units}/${expected} provinces)`,
    ),
};
