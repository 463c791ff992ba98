/**
 * The validator in a process of its own, so a test can give it the ingest function's memory and
 * read its peak: argv[2] is the upload's path, argv[3] optional limits (JSON) over the defaults.
 * Prints one JSON line: the receipt's errors and the process's peak resident set in MB.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DEFAULT_LIMITS, validateUpload } from '../../pipeline/validate/index.ts';

const overrides = z
  .object({
    maxRows: z.number().optional(),
    maxColumns: z.number().optional(),
    maxCells: z.number().optional(),
    maxDecodedBytes: z.number().optional(),
  })
  .parse(JSON.parse(process.argv[3] ?? '{}'));
const bytes = await readFile(process.argv[2] ?? '');
const now = new Date('2025-09-15T03:00:00Z');
const { receipt } = await validateUpload({
  bytes,
  key: 'uploads/debt/2025-08/48/bomb',
  location: { dataset: 'debt', period: '2025-08', province: '48', fileName: 'bomb' },
  receivedAt: now.toISOString(),
  now,
  limits: { ...DEFAULT_LIMITS, ...overrides },
});
process.stdout.write(
  `${JSON.stringify({
    status: receipt.status,
    errors: receipt.errors.map((e) => ({
      rule: e.rule,
      expected: e.expected,
      found: e.found,
      vi: e.message_vi,
      en: e.message_en,
    })),
    peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
