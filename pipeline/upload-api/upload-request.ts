/**
 * The rules an upload request must pass before the API hands out a URL to put the file: a known
 * dataset, a period the caller's province reports for and that has begun, a size under the cap,
 * a usable CSV or XLSX file name, a SHA-256 of the bytes. Refusals say why in both languages, in
 * the receipts' words where a receipt would say the same thing.
 */
import { z } from 'zod';
import { DATASET_NAMES, isDatasetName } from '../../core/datasets/index.ts';
import { parseUploadKey, uploadKey, type UploadLocation } from '../../core/contracts/layout.ts';
import { PORTAL_MESSAGES, RULE_MESSAGES, type Bilingual } from '../../core/messages/index.ts';
import { isPeriod, periodOf } from '../../core/period.ts';
import { provinces } from '../reference/provinces.ts';
import { FIRST_PERIOD } from '../../core/period.ts';
import type { Scope } from '../../core/contracts/api-types.ts';

export const uploadRequestBody = z.object({
  dataset: z.string(),
  period: z.string(),
  fileName: z.string(),
  size: z.number().int().nonnegative(),
  /** Hex SHA-256 of the file's bytes, as the page computed it. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type UploadRequestBody = z.infer<typeof uploadRequestBody>;

export type UploadDecision =
  | { ok: true; location: UploadLocation; key: string }
  | { ok: false; status: number; error: string; message: Bilingual };

const refused = (status: number, error: string, message: Bilingual): UploadDecision => ({
  ok: false,
  status,
  error,
  message,
});

/** Whether `scope` may put `request` into S3 at `now`, and where. */
export function decideUpload(
  scope: Scope | undefined,
  request: UploadRequestBody,
  opts: { now: Date; maxBytes: number },
): UploadDecision {
  if (scope === undefined) return refused(401, 'not_signed_in', PORTAL_MESSAGES.notSignedIn());
  if (scope === 'all') return refused(403, 'leadership_read_only', PORTAL_MESSAGES.leadershipCannotUpload());
  const { dataset, period, fileName, size } = request;
  if (!isDatasetName(dataset))
    return refused(400, 'unknown_dataset', PORTAL_MESSAGES.unknownDataset(dataset, DATASET_NAMES.join(', ')));
  if (!isPeriod(period)) return refused(400, 'bad_period', PORTAL_MESSAGES.badPeriod(period));
  const current = periodOf(opts.now);
  if (period > current)
    return refused(
      400,
      'location.period',
      RULE_MESSAGES['location.period']({ period, reason: 'future', limit: current }),
    );
  if (period < FIRST_PERIOD)
    return refused(
      400,
      'location.period',
      RULE_MESSAGES['location.period']({ period, reason: 'too_early', limit: FIRST_PERIOD }),
    );
  if (!provinces().find(scope, period))
    return refused(400, 'location.province', RULE_MESSAGES['location.province']({ code: scope, period }));
  if (size > opts.maxBytes)
    return refused(
      413,
      'file.too_large',
      RULE_MESSAGES['file.too_large']({ bytes: size, max: opts.maxBytes }),
    );
  if (size === 0) return refused(400, 'file.empty', RULE_MESSAGES['file.empty']());
  const location = parseUploadKey(uploadKey({ dataset, period, province: scope, fileName }));
  if (!location) return refused(400, 'bad_file_name', PORTAL_MESSAGES.badFileName(fileName));
  if (!/\.(csv|xlsx)$/i.test(fileName)) return refused(400, 'file.type', RULE_MESSAGES['file.type']());
  return { ok: true, location, key: uploadKey(location) };
}

/** Whether `scope` may read what belongs to `province` (its own, or leadership's everything). */
export function mayRead(scope: Scope | undefined, province: string): boolean {
  return scope === 'all' || scope === province;
}
