/**
 * Why a command stopped, said to the person who ran it: the CLI user (flags, files, named queries),
 * the operator running `vss replay` or `vss refresh`, and anyone reading `vss serve`. Each entry is
 * what a person-facing typed error (core/errors.ts) carries; the CLI prints Vietnamese, then English.
 * Errors only a developer reads (a wrapped S3 failure, an internal invariant) keep English text at
 * their throw site instead.
 */
import type { Bilingual } from './messages.ts';

const q = (s: string) => `"${s}"`;

/** A flag or value the command line was given that it cannot use. */
export const FLAG_ERRORS = {
  badPort: (value: string): Bilingual => ({
    vi: `--port phải là số nguyên từ 0 đến 65535, không phải ${q(value)}`,
    en: `--port must be 0-65535: ${value}`,
  }),
  notPeriod: (flag: string, value: string): Bilingual => ({
    vi: `${flag} phải có dạng YYYY-MM (năm-tháng), không phải ${q(value)}`,
    en: `${flag} must be YYYY-MM: ${value}`,
  }),
  notPeriods: (from: string, to: string): Bilingual => ({
    vi: `Kỳ báo cáo phải có dạng YYYY-MM (năm-tháng): ${from}, ${to}`,
    en: `periods must be YYYY-MM: ${from}, ${to}`,
  }),
  fromAfterTo: (from: string, to: string): Bilingual => ({
    vi: `--from ${from} nằm sau --to ${to}`,
    en: `--from ${from} is after --to ${to}`,
  }),
  notInteger: (flag: string, value: string | number): Bilingual => ({
    vi: `${flag} phải là số nguyên, không phải ${q(String(value))}`,
    en: `${flag} must be an integer: ${value}`,
  }),
  notWholeNumber: (flag: string, value: string): Bilingual => ({
    vi: `${flag} phải là số tự nhiên (0, 1, 2, …), không phải ${q(value)}`,
    en: `${flag} must be a whole number: ${value}`,
  }),
  notPositive: (flag: string, value: number): Bilingual => ({
    vi: `${flag} phải là số nguyên dương, không phải ${value}`,
    en: `${flag} must be a positive integer: ${value}`,
  }),
  notScope: (value: string): Bilingual => ({
    vi: `--as-province phải là mã tỉnh hoặc all, không phải ${q(value)}`,
    en: `--as-province must be a province code or all: ${value}`,
  }),
  unknownScale: (name: string, known: string): Bilingual => ({
    vi: `--scale chỉ nhận ${known}, không phải ${q(name)}`,
    en: `--scale must be one of ${known}: ${name}`,
  }),
  notCurrentProvince: (province: string): Bilingual => ({
    vi: `${q(province)} không phải mã tỉnh của 34 đơn vị hiện hành`,
    en: `not a province code of the 34 units: ${province}`,
  }),
  paramPair: (pair: string): Bilingual => ({
    vi: `--param nhận dạng tên=giá trị, không phải ${JSON.stringify(pair)}`,
    en: `--param takes name=value, not ${JSON.stringify(pair)}`,
  }),
  sqlAndName: (): Bilingual => ({
    vi: 'Chỉ dùng một trong hai: câu SQL hoặc --name <truy vấn>, không dùng cả hai',
    en: 'give either SQL text or --name <query>, not both',
  }),
} as const;

/** A named query or a query parameter that cannot be used (`vss query`). */
export const QUERY_ERRORS = {
  noParamsLine: (name: string): Bilingual => ({
    vi: `queries/${name}.sql: phần đầu tệp thiếu dòng "-- params:"`,
    en: `queries/${name}.sql: the header has no "-- params:" line`,
  }),
  headerPlaceholders: (name: string, placeholders: number, params: number): Bilingual => ({
    vi: `queries/${name}.sql: có ${placeholders} dấu ? nhưng phần đầu tệp khai báo ${params} tham số`,
    en: `queries/${name}.sql: ${placeholders} placeholders but ${params} params in the header`,
  }),
  noSuchParam: (name: string, unknown: string): Bilingual => ({
    vi: `Truy vấn ${name} không nhận tham số ${unknown}`,
    en: `${name} takes no parameter ${unknown}`,
  }),
  needsParam: (name: string, param: string): Bilingual => ({
    vi: `Truy vấn ${name} cần tham số ${param} (--param ${param}=…)`,
    en: `${name} needs the parameter ${param}`,
  }),
  needsPeriod: (name: string, given: string): Bilingual => ({
    vi: `Truy vấn ${name} cần tham số period dạng YYYY-MM, không phải ${given}`,
    en: `${name} needs the parameter period as YYYY-MM, not ${given}`,
  }),
  notQueryName: (name: string): Bilingual => ({
    vi: `${JSON.stringify(name)} không phải tên truy vấn (chữ thường, số và dấu _)`,
    en: `not a query name: ${JSON.stringify(name)}`,
  }),
  noSuchQuery: (name: string, dir: string): Bilingual => ({
    vi: `Không có truy vấn tên ${name} trong ${dir}`,
    en: `no query named ${name} in ${dir}`,
  }),
  placeholders: (placeholders: number, given: number): Bilingual => ({
    vi: `Câu SQL có ${placeholders} dấu ? nhưng có ${given} giá trị tham số`,
    en: `the SQL has ${placeholders} ? placeholders but ${given} parameters were given`,
  }),
  notBindable: (value: number): Bilingual => ({
    vi: `Không gán được ${value} làm tham số truy vấn`,
    en: `cannot bind ${value} as a query parameter`,
  }),
  beyondSafeInteger: (value: number): Bilingual => ({
    vi: `${value} vượt quá số nguyên JavaScript giữ được chính xác`,
    en: `${value} is beyond the integers JavaScript holds exactly`,
  }),
  noPlainDecimal: (value: number): Bilingual => ({
    vi: `${value} không viết được thành số thập phân thường; hãy truyền dưới dạng văn bản`,
    en: `${value} has no plain decimal literal; pass it as text`,
  }),
} as const;

/** Files and folders `vss ingest` / `vss upload` were pointed at. */
export const LOCAL_FILE_ERRORS = {
  noSuchPath: (path: string): Bilingual => ({
    vi: `Không có tệp hoặc thư mục ${path}`,
    en: `no such file or folder: ${path}`,
  }),
  notManifest: (path: string, detail: string): Bilingual => ({
    vi: `${path} không phải tệp kê khai dữ liệu mẫu: ${detail}`,
    en: `${path} is not a sample manifest: ${detail}`,
  }),
  unshapedPath: (path: string): Bilingual => ({
    vi: `${path}: cần đường dẫn dạng .../<loại báo cáo>/<YYYY-MM>/<mã tỉnh>.csv|xlsx (hoặc dùng vss upload)`,
    en: `${path}: expected .../<dataset>/<YYYY-MM>/<province>.csv|xlsx (or use vss upload)`,
  }),
  unknownDataset: (where: string, dataset: string): Bilingual => ({
    vi: `${where}: không có loại báo cáo ${dataset}`,
    en: `${where}: unknown dataset ${dataset}`,
  }),
  badLocation: (where: string, location: string): Bilingual => ({
    vi: `${where}: vị trí không hợp lệ ${location}`,
    en: `${where}: bad location ${location}`,
  }),
} as const;

/** What stops `vss serve`, `vss refresh` and `vss replay` before they start. */
export const OPS_ERRORS = {
  noSiteDir: (dir: string): Bilingual => ({
    vi: `Không tìm thấy thư mục trang: ${dir}`,
    en: `site directory not found: ${dir}`,
  }),
  cannotListen: (address: string, detail: string): Bilingual => ({
    vi: `Không mở được cổng ${address} (${detail}); hãy chọn cổng khác bằng --port`,
    en: `cannot listen on ${address}: ${detail}`,
  }),
  nothingToRefresh: (mirrorDir: string): Bilingual => ({
    vi: `Bản sao kho dữ liệu tại ${mirrorDir} chưa có báo cáo nào: không có gì để làm mới`,
    en: `the lake mirror at ${mirrorDir} holds no reports yet: nothing to refresh`,
  }),
  lakeUnversioned: (bucket: string): Bilingual => ({
    vi: `s3://${bucket} chưa bật phiên bản: dựng lại sẽ xoá những gì không khôi phục được (hãy bật phiên bản trước)`,
    en: `s3://${bucket} is not versioned: replay would delete what it cannot restore (enable versioning first)`,
  }),
} as const;

/**
 * The command line's own refusals (unknown option, missing argument, …), keyed by the parser's
 * error code; `names` are the quoted words of its English message, `en` that message itself.
 */
export const PARSER_ERRORS = {
  'commander.unknownOption': (names: readonly string[]) => `Không có tuỳ chọn ${names[0] ?? ''}.`,
  'commander.unknownCommand': (names: readonly string[]) => `Không có lệnh ${names[0] ?? ''}.`,
  'commander.missingArgument': (names: readonly string[]) => `Thiếu tham số bắt buộc ${names[0] ?? ''}.`,
  'commander.optionMissingArgument': (names: readonly string[]) =>
    `Tuỳ chọn ${names[0] ?? ''} cần một giá trị.`,
  'commander.missingMandatoryOptionValue': (names: readonly string[]) =>
    `Thiếu tuỳ chọn bắt buộc ${names[0] ?? ''}.`,
  'commander.conflictingOption': (names: readonly string[]) =>
    `Không dùng được ${names[0] ?? ''} cùng với ${names[1] ?? ''}.`,
  'commander.excessArguments': (names: readonly string[]) => `Lệnh ${names[0] ?? ''} nhận quá nhiều tham số.`,
  'commander.invalidArgument': (names: readonly string[]) =>
    `Giá trị ${names[1] ?? ''} không hợp lệ cho ${names[0] ?? ''}.`,
} as const satisfies Record<string, (names: readonly string[]) => string>;

/** A parser refusal in both languages: Vietnamese from its code, English as the parser said it. */
export function parserError(code: string, en: string): Bilingual {
  const names = [...en.matchAll(/'([^']*)'/g)].map((m) => `'${m[1]}'`);
  const said = Object.hasOwn(PARSER_ERRORS, code)
    ? PARSER_ERRORS[code as keyof typeof PARSER_ERRORS](names)
    : 'Lệnh gọi không đúng cách.';
  const choices = /Allowed choices are (.*)\.$/m.exec(en)?.[1];
  const vi = choices === undefined ? said : `${said} Chỉ nhận: ${choices}.`;
  return { vi, en: en.trim().replace(/^error: /, '') };
}
