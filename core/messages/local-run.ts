/**
 * What the local verbs (start, refresh, generate) say on stderr while they work, between the
 * stage lines of pipeline/progress and in the same shape: Vietnamese, then English, on one line.
 */
import type { Bilingual } from './messages.ts';
import type { IngestCounts } from '../contracts/ingest-counts.ts';

/** One line, Vietnamese first: how a stage line (pipeline/progress/stages.ts) reads too. */
export const inOneLine = (text: Bilingual): string => `${text.vi} / ${text.en}`;

export const LOCAL_RUN_MESSAGES = {
  mirrored: (s: { downloaded: number; deleted: number; unchanged: number }): Bilingual => ({
    vi: `bản sao kho dữ liệu: tải về ${s.downloaded}, xoá ${s.deleted}, không đổi ${s.unchanged}`,
    en: `mirror: ${s.downloaded} downloaded, ${s.deleted} deleted, ${s.unchanged} unchanged`,
  }),
  generatedMonth: (month: string, files: number): Bilingual => ({
    vi: `${month}: ${files} tệp`,
    en: `${month}: ${files} files`,
  }),
  samplesWritten: (files: number, dir: string): Bilingual => ({
    vi: `${files} tệp mẫu trong ${dir}`,
    en: `${files} files in ${dir}`,
  }),
  samplesReused: (dir: string): Bilingual => ({
    vi: `dùng lại các tệp mẫu trong ${dir}`,
    en: `reusing sample uploads in ${dir}`,
  }),
  ingested: (s: IngestCounts): Bilingual => ({
    vi:
      `tải lên ${s.uploaded}, đã có ${s.skipped}; ` +
      `chấp nhận ${s.accepted}, từ chối ${s.rejected}, trùng ${s.duplicate}, lỗi ${s.failed}`,
    en:
      `${s.uploaded} uploaded, ${s.skipped} already stored; ` +
      `${s.accepted} accepted, ${s.rejected} rejected, ${s.duplicate} duplicate, ${s.failed} failed`,
  }),
} as const;
