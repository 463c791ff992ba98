/**
 * How much an upload may ask of the validator. Every limit is checked before the work it
 * protects, so a hostile or accidental giant file costs a receipt, not the Lambda's memory.
 */
import { z } from 'zod';
import { ConfigError } from '../../core/errors.ts';

export interface UploadLimits {
  /** Bytes of the upload as stored. */
  maxBytes: number;
  /** Non-blank rows of the sheet read (title, header and totals rows counted). */
  maxRows: number;
  /** Sum of the declared uncompressed sizes of an XLSX's zip entries. */
  maxUnzippedBytes: number;
  /** Uncompressed / compressed size of one zip entry; XML compresses ~10-30x, bombs ~1000x. */
  maxCompressionRatio: number;
  /**
   * Rightmost column a value may sit in. Templates have at most a few dozen columns; Excel's
   * last is XFD (16,384), and a value out there must not cost a row of 16,384 cells.
   */
  maxColumns: number;
  /** Non-empty cells over the whole file, counted as they are read. */
  maxCells: number;
  /**
   * Bytes of text a reader holds at once: the text of the cells kept, an XLSX's shared-strings
   * table (cached whole by the reader), and a whole workbook when it cannot be streamed.
   */
  maxDecodedBytes: number;
}

export const DEFAULT_LIMITS: Readonly<UploadLimits> = {
  maxBytes: 50 * 1024 * 1024,
  maxRows: 300_000,
  maxUnzippedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxColumns: 256,
  // 300,000 rows of the widest template (9 columns) and room to spare; 4 million cells peak near
  // 1 GB of the ingest function's 2,048 MB (measured with test/support/upload-bombs.ts).
  maxCells: 4_000_000,
  maxDecodedBytes: 256 * 1024 * 1024,
};

/** A workbook that must be loaded whole (not streamable) gets this share of maxDecodedBytes. */
export const IN_MEMORY_SHARE = 4;

const positive = z.coerce.number().int().positive();
/** The variables that tune the limits; the environment schemas of the functions that validate reuse them. */
export const UPLOAD_LIMITS_ENVIRONMENT = {
  VSS_MAX_UPLOAD_BYTES: positive.optional(),
  VSS_MAX_UPLOAD_ROWS: positive.optional(),
};
const envSchema = z.object(UPLOAD_LIMITS_ENVIRONMENT);

/** Limits from the environment (VSS_MAX_UPLOAD_BYTES, VSS_MAX_UPLOAD_ROWS) over the defaults. */
export function limitsFromEnv(env: Record<string, string | undefined> = process.env): UploadLimits {
  const parsed = envSchema.safeParse({
    VSS_MAX_UPLOAD_BYTES: env.VSS_MAX_UPLOAD_BYTES || undefined,
    VSS_MAX_UPLOAD_ROWS: env.VSS_MAX_UPLOAD_ROWS || undefined,
  });
  if (!parsed.success)
    throw new ConfigError(`VSS_MAX_UPLOAD_BYTES / VSS_MAX_UPLOAD_ROWS: ${parsed.error.message}`);
  return limitsOf(parsed.data);
}

/** The limits from variables already parsed (a function's environment schema): the defaults where absent. */
export function limitsOf(values: z.output<typeof envSchema>): UploadLimits {
  return {
    ...DEFAULT_LIMITS,
    maxBytes: values.VSS_MAX_UPLOAD_BYTES ?? DEFAULT_LIMITS.maxBytes,
    maxRows: values.VSS_MAX_UPLOAD_ROWS ?? DEFAULT_LIMITS.maxRows,
  };
}
