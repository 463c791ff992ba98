/**
 * What the ingest Lambda's on-failure destination (an SQS queue, infra/constructs/failure-queue.ts)
 * receives once an asynchronous invocation has used up its retries: AWS's invocation record, with
 * the original S3 event as `requestPayload`. Parsed once, here, since it arrives as untyped JSON.
 */
import type { S3Event } from 'aws-lambda';
import { z } from 'zod';

const s3Record = z
  .object({
    eventName: z.string(),
    s3: z.looseObject({
      bucket: z.looseObject({ name: z.string() }),
      object: z.looseObject({ key: z.string() }),
    }),
  })
  .loose();

const s3Event = z.object({ Records: z.array(s3Record) });

export const failureRecord = z.object({
  version: z.string(),
  timestamp: z.string(),
  requestContext: z.object({
    requestId: z.string(),
    functionArn: z.string(),
    condition: z.string(),
    approximateInvokeCount: z.number().int(),
  }),
  requestPayload: s3Event,
  responseContext: z
    .object({
      statusCode: z.number().int(),
      executedVersion: z.string(),
      functionError: z.string().optional(),
    })
    .loose(),
  responsePayload: z.unknown().optional(),
});

export type FailureRecord = z.infer<typeof failureRecord>;

/**
 * The S3 event a failure-queue message carries: the invocation record's `requestPayload`, or the
 * message itself when it is a bare event (what a classic dead-letter queue holds).
 */
export function eventOfFailureMessage(body: string): S3Event | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const record = failureRecord.safeParse(json);
  if (record.success) return record.data.requestPayload as unknown as S3Event;
  const bare = s3Event.safeParse(json);
  return bare.success ? (bare.data as unknown as S3Event) : undefined;
}
