/**
 * What `vss compact` and `vss doctor` say about compacted months (pipeline/lake/compact-month.ts),
 * in Vietnamese and English (exported by core/messages/index.ts).
 */
import type { Bilingual } from './bilingual.ts';

export interface CompactedLine {
  dataset: string;
  period: string;
  provinces: number;
  folded: number;
  removed: number;
}

export const COMPACTION_MESSAGES = {
  /** A compacted object whose rows are not those its own record of them says. */
  altered: (key: string): Bilingual => ({
    vi: `Tệp gộp của tháng đã đóng không khớp với các báo cáo nó ghi nhận (dữ liệu bị sửa hoặc hỏng): ${key}`,
    en: `A compacted month's object does not hold the rows it records (altered or damaged): ${key}`,
  }),
  /** A compacted ledger month that does not hold exactly the records archived for it. */
  ledgerStale: (key: string): Bilingual => ({
    vi: `Tệp gộp sổ ghi nhận của tháng đã đóng không khớp với các bản ghi đã lưu trữ (thiếu bản ghi hoặc có bản ghi lạ): ${key}`,
    en: `A compacted ledger month does not hold the records archived for it (one missing, or one that is no record): ${key}`,
  }),
  month: (m: CompactedLine): Bilingual => ({
    vi: `Đã gộp ${m.dataset} tháng ${m.period}: ${m.provinces} tỉnh trong một tệp (${m.folded} tệp tỉnh được gộp, ${m.removed} tệp đã xoá).`,
    en: `Compacted ${m.dataset} ${m.period}: ${m.provinces} provinces in one object (${m.folded} province objects folded in, ${m.removed} removed).`,
  }),
  ledgerMonth: (m: {
    dataset: string;
    period: string;
    records: number;
    folded: number;
    moved: number;
  }): Bilingual => ({
    vi: `Đã gộp sổ ghi nhận ${m.dataset} tháng ${m.period}: ${m.records} bản ghi trong một tệp (${m.folded} bản ghi mới được gộp, ${m.moved} đã chuyển vào lưu trữ).`,
    en: `Compacted the ${m.dataset} ${m.period} ledger: ${m.records} records in one object (${m.folded} new records folded in, ${m.moved} moved to the archive).`,
  }),
  done: (months: number, before: string): Bilingual => ({
    vi: `Xong: đã gộp ${months} tháng-bộ dữ liệu (các tháng trước ${before}).`,
    en: `Done: ${months} dataset-months compacted (months before ${before}).`,
  }),
  nothing: (before: string): Bilingual => ({
    vi: `Không có tháng nào cần gộp (các tháng trước ${before} đã gộp hoặc chưa có dữ liệu).`,
    en: `Nothing to compact (the months before ${before} are compacted already or hold no data).`,
  }),
  badBefore: (found: string): Bilingual => ({
    vi: `--before phải là một tháng dạng YYYY-MM, nhận được ${JSON.stringify(found)}`,
    en: `--before must be a month YYYY-MM, found ${JSON.stringify(found)}`,
  }),
  beforeOpen: (before: string, firstOpen: string): Bilingual => ({
    vi: `--before ${before} gồm cả tháng chưa đóng; chỉ gộp các tháng trước ${firstOpen}.`,
    en: `--before ${before} includes months not closed yet; only months before ${firstOpen} are compacted.`,
  }),
} as const;
