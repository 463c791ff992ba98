/**
 * Every word the dashboard shows, in Vietnamese and English, in one place. core/messages/index.ts
 * exports it with the platform's other text; the page picks one language through i18n.ts.
 */
import type { Bilingual } from './messages.ts';

const b = (vi: string, en: string): Bilingual => ({ vi, en });

export const UI_TEXT = {
  docTitle: b(
    'Bảo hiểm xã hội Việt Nam — Tình hình thu, nợ và giải quyết hồ sơ',
    'Vietnam Social Security — contributions, debt and dossiers',
  ),
  heading: b('Tình hình nợ đóng, bao phủ và giải quyết hồ sơ', 'Debt, coverage and dossiers'),
  subtitle: b(
    'Bảo hiểm xã hội Việt Nam · số liệu báo cáo của các tỉnh, thành phố',
    'Vietnam Social Security · figures reported by the provinces',
  ),
  loading: b('Đang tải số liệu…', 'Loading figures…'),
  month: b('Kỳ báo cáo', 'Month'),
  monthOption: b('Tháng', 'Month'),
  geography: b('Đơn vị hành chính', 'Geography'),
  asReported: b('Theo đơn vị của tháng', 'As reported'),
  current34: b('Quy đổi về 34 tỉnh, thành phố', 'Restated to the 34 current units'),
  region: b('Vùng', 'Region'),
  basis: b('Số liệu toàn quốc', 'National figures'),
  basisLatest: b('Mới nhất được chấp nhận', 'Latest accepted'),
  basisApproved: b('Chỉ số đã phê duyệt', 'Approved only'),
  allRegions: b('Cả nước', 'Whole country'),
  province: b('Tỉnh, thành phố', 'Province'),
  code: b('Mã', 'Code'),
  chooseProvince: b('— Chọn tỉnh —', '— Choose a province —'),
  language: b('English', 'Tiếng Việt'),
  languageLabel: b('Switch the page to English', 'Chuyển trang sang tiếng Việt'),
  portalLink: b('Cổng nộp báo cáo', 'Upload portal'),
  nav: b('Các trang', 'Pages'),
  pageOverview: b('Tổng quan', 'Overview'),
  pageDebt: b('Nợ đóng', 'Debt'),
  pageCoverage: b('Bao phủ', 'Coverage'),
  pageEnforcement: b('Thanh tra và khởi tố', 'Enforcement and prosecution'),
  pageProcedures: b('Thủ tục hành chính', 'Procedures'),
  pageReporting: b('Nộp báo cáo', 'Reporting'),
  pageProvince: b('Tỉnh, thành phố', 'Province'),
  kpiTitle: b('Chỉ tiêu chính tháng', 'Key figures for'),
  trendDebt: b('Nợ đóng bảo hiểm toàn quốc theo tháng', 'National contribution debt by month'),
  rankingDebt: b('Các tỉnh, thành phố nợ nhiều nhất', 'Provinces owing most'),
  heatmap: b('Tình trạng nộp báo cáo 12 tháng gần nhất', 'Reports received in the last 12 months'),
  dataset: b('Loại báo cáo', 'Report'),
  attribution: b(
    'Ranh giới hành chính: geoBoundaries.org (CC BY 4.0)',
    'Boundaries: geoBoundaries.org (CC BY 4.0)',
  ),
  footer: b(
    'Số liệu theo đơn vị hành chính của từng tháng: 63 tỉnh, thành phố đến 06/2025, 34 tỉnh, thành phố từ 07/2025 (Nghị quyết 202/2025/QH15).',
    'Figures in the units of each month: 63 provinces until 06/2025, 34 from 07/2025 (Resolution 202/2025/QH15).',
  ),
  stamp: b('Số liệu tính lúc', 'Computed at'),
  fromReports: b('từ', 'from'),
  reportsOf: b('báo cáo', 'reports'),
  seeReports: b('xem các báo cáo', 'see the reports'),
  exportCsv: b('Tải CSV', 'Download CSV'),
  exportXlsx: b('Tải Excel', 'Download Excel'),
  exportOf: b('Tải số liệu của biểu đồ', 'Download the data of the chart'),
  debtByScheme: b('Nợ theo loại bảo hiểm', 'Debt by scheme'),
  debtOld: b('Nợ từ 3 tháng trở lên', 'Debt of 3+ months'),
  debtRecent: b('Nợ dưới 3 tháng', 'Debt under 3 months'),
  debtTotal: b('Tổng nợ', 'Total debt'),
  debtTy: b('Nợ (tỷ đồng)', 'Debt (VND bn)'),
  debtOldShareTrend: b('Nợ từ 3 tháng trở lên và tiền thu hồi nợ', 'Debt of 3+ months and arrears recovered'),
  arrearsRecovered: b('Thu hồi nợ', 'Arrears recovered'),
  amountTy: b('Tỷ đồng', 'VND bn'),
  employersOwing: b('Đơn vị nợ', 'Employers owing'),
  coverageTrend: b('Tỷ lệ bao phủ toàn quốc theo tháng', 'National coverage rate by month'),
  coverageRate: b('Tỷ lệ bao phủ (%)', 'Coverage rate (%)'),
  hiRate: b('BHYT / dân số', 'HI / population'),
  lateRate: b('Tỷ lệ chậm đóng / số phải thu', 'Late payment / dues'),
  siRate: b('BHXH / lực lượng lao động', 'SI / labour force'),
  targetProgress: b(
    'Tiến độ so với chỉ tiêu năm theo loại hình',
    "Progress against the year's target by scheme",
  ),
  targetShare: b('Đạt chỉ tiêu (%)', 'Target reached (%)'),
  participants: b('Người tham gia', 'Participants'),
  participantsMillions: b('Người tham gia (triệu người)', 'Participants (millions)'),
  target: b('Chỉ tiêu', 'Target'),
  hiRanking: b('Tỷ lệ bao phủ BHYT thấp nhất', 'Lowest health-insurance coverage'),
  inspectionsTrend: b('Thanh tra, kiểm tra và tiền phạt toàn quốc', 'Inspections and fines nationally'),
  inspections: b('Cuộc thanh tra, kiểm tra', 'Inspections'),
  employersViolating: b('Đơn vị vi phạm', 'Employers violating'),
  finesImposed: b('Tiền phạt', 'Fines imposed'),
  finesCollected: b('Tiền phạt đã thu', 'Fines collected'),
  count: b('Số lượng', 'Count'),
  funnel: b('Hồ sơ đề nghị khởi tố theo điều luật và giai đoạn', 'Prosecution dossiers by article and stage'),
  article: b('Điều', 'Article'),
  stage: b('Giai đoạn', 'Stage'),
  dossiers: b('Hồ sơ', 'Dossiers'),
  finesRanking: b('Tiền phạt theo tỉnh, thành phố', 'Fines by province'),
  proceduresTrend: b(
    'Hồ sơ thủ tục hành chính toàn quốc theo tháng',
    'Administrative dossiers nationally by month',
  ),
  proceduresByGroup: b('Hồ sơ theo nhóm thủ tục', 'Dossiers by procedure group'),
  group: b('Nhóm thủ tục', 'Procedure group'),
  outcome: b('Kết quả', 'Outcome'),
  onTime: b('Đúng hạn', 'On time'),
  lateResolved: b('Trễ hạn', 'Late'),
  pending: b('Đang giải quyết', 'Pending'),
  overdue: b('Quá hạn', 'Overdue'),
  onTimeRanking: b('Tỷ lệ đúng hạn thấp nhất', 'Lowest on-time rate'),
  onTimeRate: b('Đúng hạn (%)', 'On time (%)'),
  lateList: b('Báo cáo nộp trễ hạn', 'Reports received late'),
  missingList: b('Báo cáo chưa nộp', 'Reports missing'),
  none: b('Không có.', 'None.'),
  status: b('Tình trạng', 'Status'),
  statusOnTime: b('Đúng hạn', 'On time'),
  statusLate: b('Trễ hạn', 'Late'),
  statusMissing: b('Chưa nộp', 'Missing'),
  periodLabel: b('Tháng', 'Month'),
  value: b('Giá trị', 'Value'),
  measure: b('Chỉ tiêu', 'Measure'),
  provinceMeasures: b('Các chỉ tiêu theo tháng', 'Every measure by month'),
  provinceReports: b('Các báo cáo đã nhận', 'Reports received'),
  receivedAt: b('Thời điểm nộp', 'Received at'),
  file: b('Tệp', 'File'),
  rowsAccepted: b('Dòng hợp lệ', 'Rows accepted'),
  rowsRejected: b('Dòng lỗi', 'Rows rejected'),
  uploadAccepted: b('Đã tiếp nhận', 'Accepted'),
  uploadRejected: b('Bị từ chối', 'Rejected'),
  uploadDuplicate: b('Trùng lặp', 'Duplicate'),
  pickProvince: b(
    'Chọn một tỉnh trên bản đồ, trong bảng xếp hạng hoặc trong ô "Tỉnh, thành phố".',
    'Choose a province on the map, in a ranking or in the "Province" box.',
  ),
  reform: b('Từ 07/2025: 34 tỉnh, thành phố', 'From 07/2025: 34 units'),
  selected: b('Kỳ đang xem', 'Selected month'),
  note: b('Ghi chú', 'Note'),
  noReport: b('Chưa có báo cáo', 'No report'),
  rank: b('Hạng', 'Rank'),
  part: b('Phần', 'Part'),
  downloadChart: b('Tải biểu đồ', 'Download chart'),
  savePng: b('Lưu ảnh PNG', 'Save as PNG'),
  saveSvg: b('Lưu ảnh SVG', 'Save as SVG'),
  mapOf: b('Bản đồ theo tỉnh, thành phố', 'Map by province'),
  receiptErrors: b('Lỗi', 'Errors'),
  receiptWarnings: b('Cảnh báo', 'Warnings'),
  receipt: b('Mã biên nhận', 'Receipt'),
  policeList: b(
    'Danh sách đơn vị nợ từ 3 tháng đề nghị phối hợp cơ quan công an',
    'Employers owing 3+ months for police coordination',
  ),
  taxCode: b('Mã số thuế', 'Tax code'),
  employer: b('Tên đơn vị', 'Employer'),
  monthsOwed: b('Số tháng nợ', 'Months owed'),
  employees: b('Số lao động', 'Employees'),
  debtNature: b('Tính chất nợ', 'Nature of the debt'),
  debtAction: b('Biện pháp xử lý', 'Action taken'),
  notStated: b('Chưa rõ', 'Not stated'),
  art216: b('Đạt ngưỡng định lượng Điều 216', 'Meets the quantitative thresholds of Art. 216'),
  yes: b('Có', 'Yes'),
  no: b('Không', 'No'),
  mapMeasure: b('Chỉ tiêu trên bản đồ', 'Measure on the map'),
  debtOldTy: b('Nợ từ 3 tháng trở lên (tỷ đồng)', 'Debt of 3+ months (VND bn)'),
  hiRatePercent: b('BHYT / dân số (%)', 'HI / population (%)'),
  lateRatePercent: b('Chậm đóng / số phải thu cả năm (%)', 'Late payment / a year of dues (%)'),
  siRatePercent: b('BHXH / lực lượng lao động (%)', 'SI / labour force (%)'),
  onTimeOfReceived: b('Hồ sơ giải quyết đúng hạn', 'Dossiers resolved on time'),
  inspectionsUnit: b('Thanh tra, kiểm tra (cuộc)', 'Inspections (count)'),
  hiTargetShare: b('BHYT / chỉ tiêu giao', 'HI / assigned target'),
  hiTargetPercent: b('Người tham gia BHYT / chỉ tiêu giao (%)', 'HI participants / assigned target (%)'),
} satisfies Record<string, Bilingual>;

export type TextKey = keyof typeof UI_TEXT;

/** GSO regions in English, keyed by their Vietnamese names in units.json. */
export const REGION_EN: Record<string, string> = {
  'Bắc Trung Bộ và duyên hải miền Trung': 'North Central and Central Coast',
  'Trung du và miền núi phía Bắc': 'Northern Midlands and Mountains',
  'Tây Nguyên': 'Central Highlands',
  'Đông Nam Bộ': 'South East',
  'Đồng bằng sông Cửu Long': 'Mekong River Delta',
  'Đồng bằng sông Hồng': 'Red River Delta',
};

/** The headline tiles' sentences; numbers arrive already formatted. */
export const KPI_TEXT = {
  debtTotal: b('Tổng nợ BHXH, BHYT, BHTN', 'Total SI, HI and UI debt'),
  debtOld: b('Nợ từ 3 tháng trở lên', 'Debt of 3 months or more'),
  hiCoverage: b('Tỷ lệ bao phủ BHYT', 'Health-insurance coverage'),
  siCoverage: b('Tỷ lệ tham gia BHXH', 'Social-insurance participation'),
  enforcement: b('Thanh tra, kiểm tra', 'Inspections'),
  since: (month: string) => b(`so với ${month}`, `vs ${month}`),
  debtOldDetail: (share: string, owing: string) =>
    b(`${share} tổng nợ · ${owing} đơn vị nợ`, `${share} of all debt · ${owing} employers owing`),
  hiDetail: (n: string, base: string, target: string) =>
    b(
      `${n} người / ${base} dân số · đạt ${target} chỉ tiêu`,
      `${n} people / ${base} population · ${target} of target`,
    ),
  siDetail: (n: string, base: string, target: string) =>
    b(
      `${n} người / ${base} lao động · đạt ${target} chỉ tiêu`,
      `${n} people / ${base} labour force · ${target} of target`,
    ),
  inspections: (n: string) => b(`${n} cuộc`, `${n} inspections`),
  enforcementDetail: (violating: string, fines: string, collected: string) =>
    b(
      `${violating} đơn vị vi phạm · phạt ${fines}, đã thu ${collected}`,
      `${violating} employers violating · fined ${fines}, collected ${collected}`,
    ),
  reported: (reported: number, expected: number, month: string) =>
    b(
      `${reported}/${expected} tỉnh, thành phố đã nộp báo cáo nợ tháng ${month}`,
      `${reported}/${expected} provinces sent their debt report for ${month}`,
    ),
  better: b('tốt hơn tháng trước', 'better than last month'),
  worse: b('xấu hơn tháng trước', 'worse than last month'),
  same: b('không đổi so với tháng trước', 'unchanged from last month'),
  /** Units of a compact amount: nghìn tỷ, tỷ, triệu đồng. */
  trillion: b('nghìn tỷ đồng', 'trillion VND'),
  billion: b('tỷ đồng', 'billion VND'),
  million: b('triệu đồng', 'million VND'),
  dong: b('đồng', 'VND'),
};

const BASIS_VI = { mom: 'So với tháng trước', yoy: 'So với cùng kỳ năm trước', ytd: 'So với đầu năm' };
const BASIS_EN = { mom: 'Month on month', yoy: 'Year on year', ytd: 'Year to date' };
type BasisKey = keyof typeof BASIS_VI;

/** The like-for-like changes on the headline tiles and beside the trends. */
export const CHANGE_TEXT = {
  line: (basis: BasisKey, month: string, change: string, units: number, expected: number) =>
    b(
      `${BASIS_VI[basis]} (${month}): ${change} · cùng ${units}/${expected} tỉnh báo cáo cả hai kỳ`,
      `${BASIS_EN[basis]} (vs ${month}): ${change} · same ${units}/${expected} provinces reporting both months`,
    ),
  unitLine: (basis: BasisKey, month: string, change: string) =>
    b(`${BASIS_VI[basis]} (${month}): ${change}`, `${BASIS_EN[basis]} (vs ${month}): ${change}`),
  none: (basis: BasisKey) =>
    b(`${BASIS_VI[basis]}: chưa có số liệu để so sánh`, `${BASIS_EN[basis]}: no figures to compare with`),
  /** A comparison across a template change of what the figure counts: no change is given. */
  notComparable: (basis: BasisKey, month: string, from: string) =>
    b(
      `${BASIS_VI[basis]} (${month}): không so sánh được: mẫu báo cáo thay đổi từ ${from}`,
      `${BASIS_EN[basis]} (vs ${month}): not comparable: template changed in ${from}`,
    ),
  /** The label of the rule a trend chart draws at such a change. */
  templateChanged: (from: string) => b(`mẫu báo cáo thay đổi từ ${from}`, `template changed in ${from}`),
  points: b(' điểm %', ' pts'),
  basis: (basis: BasisKey) => b(BASIS_VI[basis], BASIS_EN[basis]),
  reported: (reported: number, expected: number) =>
    b(`${reported}/${expected} tỉnh đã báo cáo`, `${reported}/${expected} provinces reported`),
  notReported: b('chưa báo cáo', 'no report'),
  reportedStatus: b('đã báo cáo', 'reported'),
  notReportedList: (names: string) => b(`Chưa báo cáo: ${names}`, `No report: ${names}`),
  approvedUnits: (approved: number, expected: number) =>
    b(`${approved}/${expected} tỉnh đã phê duyệt`, `${approved}/${expected} provinces approved`),
};

/** The sign-off state of the units' reports (approvals.json), on the reporting page and overview. */
export const APPROVAL_TEXT = {
  title: b('Phê duyệt số liệu', 'Sign-off'),
  approved: b('đã phê duyệt', 'approved'),
  pending: b('chờ phê duyệt', 'pending approval'),
  reopened: b('đã mở lại', 'reopened'),
  missing: b('chưa báo cáo', 'no report'),
  expected: b('số tỉnh', 'units'),
  held: b('bản nộp lại đang giữ', 'held re-uploads'),
  allReports: b('Mọi báo cáo', 'Every report'),
  /** "Phê duyệt 09/2025: 20 đã phê duyệt · 10 chờ phê duyệt · 1 đã mở lại · 3 chưa báo cáo". */
  line: (month: string, counts: string) => b(`Phê duyệt ${month}: ${counts}`, `Sign-off ${month}: ${counts}`),
  perReport: (report: string, counts: string) => b(`${report}: ${counts}`, `${report}: ${counts}`),
  /** The overview's short form when the reports differ: "Nợ đóng 15/14/2/3 · Bao phủ 17/10/4/3 …". */
  compactLine: (month: string, parts: string) =>
    b(
      `Phê duyệt ${month} (đã phê duyệt/chờ phê duyệt/đã mở lại/chưa báo cáo): ${parts}`,
      `Sign-off ${month} (approved/pending/reopened/no report): ${parts}`,
    ),
  /** Short report names for the overview's one line. */
  short: {
    debt: b('Nợ đóng', 'Debt'),
    coverage: b('Bao phủ', 'Coverage'),
    enforcement: b('Thanh tra', 'Inspections'),
    prosecution: b('Khởi tố', 'Prosecution'),
    procedures: b('Thủ tục', 'Procedures'),
    collection: b('Thu', 'Collection'),
  } as Record<string, Bilingual>,
};

/** The view line under the page title, printed with the page. */
export const VIEW_TEXT = {
  /** The unit column every export with money carries: amounts are whole đồng. */
  unitColumn: b('Đơn vị', 'Unit'),
  shownColumn: b('Hiển thị', 'As shown'),
  dong: b('đồng', 'VND'),
  percent: b('%', '%'),
  count: b('số lượng', 'count'),
  /** Suffixes of titles: the unit their figures are drawn in. */
  inTy: b('tỷ đồng', 'VND billion'),
  inTrieu: b('triệu đồng', 'VND million'),
  amountTrieu: b('Triệu đồng', 'VND million'),
  inDong: (label: string) => b(`${label} (đồng)`, `${label} (VND)`),
  moneyNational: b('Tiền: tỷ đồng', 'Money: VND billion'),
  moneyProvince: b('Tiền: triệu đồng', 'Money: VND million'),
  /** Which figures count under the sign-off (docs/sign-off.md): said on screen, in print and exports. */
  approvalBasis: b(
    'Số liệu: bản đã phê duyệt, hoặc bản mới nhất được chấp nhận nếu tháng chưa duyệt',
    'Figures: the approved upload, or the latest accepted where the month is not approved',
  ),
  /** The national figures' basis (the toggle): the picker's words, and the view line's. */
  approvedOnlyLine: b(
    'Số liệu toàn quốc: chỉ các báo cáo đã được giám đốc phê duyệt; báo cáo chưa duyệt không được cộng',
    'National figures: approved reports only; reports not approved are left out',
  ),
  /** The column every export carries, saying which figures it holds. */
  basisColumn: b('Cơ sở số liệu', 'Basis'),
  regionScope: b(
    'vùng áp dụng cho xếp hạng, bản đồ và bảng theo tỉnh; chỉ tiêu chính và xu hướng tính cho cả nước',
    'the region applies to rankings, the map and province tables; key figures and trends are national',
  ),
  retired: (code: string, name: string, month: string, intoName: string) =>
    b(
      `Mã ${code} (${name}) không còn là một đơn vị từ 07/2025: tỉnh đã hợp nhất vào ${intoName} theo Nghị quyết 202/2025/QH15. Tháng ${month} được báo cáo trong số liệu của ${intoName}.`,
      `Code ${code} (${name}) is no longer a unit from 07/2025: it merged into ${intoName} under Resolution 202/2025/QH15. ${month} is reported within ${intoName}'s figures.`,
    ),
  openSuccessor: (name: string) => b(`Mở trang ${name}`, `Open ${name}`),
  policeMonth: (listMonth: string, chosen: string) =>
    b(
      `Danh sách này là của tháng ${listMonth}, tháng mới nhất có số liệu chi tiết từng đơn vị; tháng đang xem là ${chosen}.`,
      `This list is for ${listMonth}, the latest month with employer-level figures; the month in view is ${chosen}.`,
    ),
};

/** Words inside the overview's charts (axes, legends, tooltips, descriptions for screen readers). */
export const CHART_TEXT = {
  debtScheme: b('Loại nợ', 'Scheme'),
  debtAmount: b('Số nợ', 'Debt'),
  debtTrendDescription: b(
    'Biểu đồ đường: nợ đóng bảo hiểm toàn quốc theo tháng, chia theo BHXH, BHYT, BHTN và tổng',
    'Line chart: national contribution debt by month, by SI, HI, UI and in total',
  ),
  rankingDescription: (n: number, month: string) =>
    b(
      `Biểu đồ thanh: ${n} tỉnh, thành phố có số nợ lớn nhất tháng ${month}`,
      `Bar chart: the ${n} provinces with the largest debt in ${month}`,
    ),
  debtPart: b('Thời gian nợ', 'Age of debt'),
  mapDescription: (measure: string, month: string) =>
    b(`Bản đồ: ${measure} theo tỉnh, thành phố tháng ${month}`, `Map: ${measure} by province, ${month}`),
  // The archipelagos an official map of Viet Nam shows and names, with the unit each belongs to.
  hoangSa: b('Quần đảo Hoàng Sa (TP Đà Nẵng)', 'Hoang Sa (Paracel) Islands'),
  truongSa: b('Quần đảo Trường Sa (tỉnh Khánh Hòa)', 'Truong Sa (Spratly) Islands'),
  heatmapDescription: (from: string, to: string) =>
    b(
      `Bản đồ nhiệt: tình trạng nộp báo cáo theo tỉnh và tháng, từ ${from} đến ${to}`,
      `Heatmap: reports received by province and month, ${from} to ${to}`,
    ),
};
