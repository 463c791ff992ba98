/**
 * What starts a compaction in AWS, parsed once at the edge: the monthly EventBridge scheduled
 * event (infra/constructs/compaction-schedule.ts), or an operator's manual invocation
 * `{ before?: 'YYYY-MM', datasets?: [...] }` to compact later than the rule or fewer datasets.
 * Neither can open a month to compaction: compactLake applies the closed-month rule whatever
 * `before` says (pipeline/lake/closed-month.ts).
 */
import type { ScheduledEvent } from 'aws-lambda';
import { z } from 'zod';
import { DATASET_NAMES, type DatasetName } from '../../core/datasets/index.ts';
import { ConfigError } from '../../core/errors.ts';
import { isPeriod, type Period } from '../../core/period.ts';

const scheduledEvent = z.looseObject({
  source: z.literal('aws.events'),
  'detail-type': z.literal('Scheduled Event'),
  time: z.string(),
});

const manualCompaction = z.strictObject({
  before: z.string().refine(isPeriod, 'a month YYYY-MM').optional(),
  datasets: z
    .array(z.enum(DATASET_NAMES as [DatasetName, ...DatasetName[]]))
    .min(1)
    .optional(),
});

/** The two shapes the function accepts, as @types/aws-lambda and the manual payload name them. */
export type CompactEvent = ScheduledEvent | z.input<typeof manualCompaction>;

export interface CompactRequest {
  trigger: 'schedule' | 'manual';
  before?: Period;
  datasets?: readonly DatasetName[];
}

export function parseCompactEvent(event: unknown): CompactRequest {
  if (scheduledEvent.safeParse(event).success) return { trigger: 'schedule' };
  const manual = manualCompaction.safeParse(event ?? {});
  if (!manual.success) {
    const issue = manual.error.issues[0];
    const where = issue?.path.join('.') || 'event';
    throw new ConfigError(`compaction event not understood: ${where}: ${issue?.message ?? ''}`);
  }
  const { before, datasets } = manual.data;
  return { trigger: 'manual', ...(before ? { before } : {}), ...(datasets ? { datasets } : {}) };
}
