/**
 * How much an upload may ask of the validator. Every limit is checked before the work it
 * protects, so a hostile or accidental giant file costs a receipt, not the Lambda's memory.
 */
import { z } from 'zod';
import { ConfigError } from '../errors.ts';

export interface UploadLimits {
  /** Bytes of the upload as stored. */
  maxBytes: number;
  /** Non-blank rows of the sheet read (title, header and totals rows counted). */
  maxRows: number;
  /** Sum of the declared uncompressed sizes of an XLSX's zip entries. */
  maxUnzippedBytes: number;
  /** Uncompressed / compressed size of one zip entry; XML compresses ~10-30x, bombs ~1000x. */
  maxCompressionRatio: number;
}

export const DEFAULT_LIMITS: Readonly<UploadLimits> = {
  maxBytes: 50 * 1024 * 1024,
  maxRows: 300_000,
  maxUnzippedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
};

const positive = z.coerce.number().int().positive();
const envSchema = z.object({
  VSS_MAX_UPLOAD_BYTES: positive.optional(),
  VSS_MAX_UPLOAD_ROWS: positive.optional(),
});

/** Limits from the environment (VSS_MAX_UPLOAD_BYTES, VSS_MAX_UPLOAD_ROWS) over the defaults. */
export function limitsFromEnv(env: Record<string, string | undefined> = process.env): UploadLimits {
  const parsed = envSchema.safeParse({
    VSS_MAX_UPLOAD_BYTES: env.VSS_MAX_UPLOAD_BYTES || undefined,
    VSS_MAX_UPLOAD_ROWS: env.VSS_MAX_UPLOAD_ROWS || undefined,
  });
  if (!parsed.success)
    throw new ConfigError(`VSS_MAX_UPLOAD_BYTES / VSS_MAX_UPLOAD_ROWS: ${parsed.error.message}`);
  return {
    ...DEFAULT_LIMITS,
    maxBytes: parsed.data.VSS_MAX_UPLOAD_BYTES ?? DEFAULT_LIMITS.maxBytes,
    maxRows: parsed.data.VSS_MAX_UPLOAD_ROWS ?? DEFAULT_LIMITS.maxRows,
  };
}
