/**
 * Asynchronous Lambda invocation as AWS runs it for S3 notifications, against the real handler:
 * an event that fails is retried later (2 retries, the function's `retryAttempts`), other events
 * going on meanwhile; after the last failed attempt the invocation record goes to the on-failure
 * destination queue in the shape AWS sends (what pipeline/ops reads back).
 */
import type { S3Event } from 'aws-lambda';
import type { FailureRecord } from '../../pipeline/ops/failure-record.ts';
import type { FailureMessage } from '../../pipeline/ops/redrive-failures.ts';

export const FUNCTION_ARN = 'arn:aws:lambda:ap-southeast-1:111122223333:function:vss-ingest:$LATEST';

export interface AsyncInvoker {
  /** Delivers the events (at most `concurrency` at once) until each succeeded or went to the queue. */
  deliver(events: readonly S3Event[]): Promise<void>;
  /** The failure queue's messages, oldest first. */
  readonly failureQueue: FailureMessage[];
  readonly stats: { invocations: number; failedAttempts: number; deadLettered: number };
}

export function asyncInvoker(o: {
  handle: (event: S3Event) => Promise<void>;
  retryAttempts?: number;
  concurrency?: number;
  /** Called before each attempt; the soak injects outages here. */
  beforeAttempt?: (n: number) => Promise<void>;
  now?: () => Date;
}): AsyncInvoker {
  const retries = o.retryAttempts ?? 2;
  const failureQueue: FailureMessage[] = [];
  const stats = { invocations: 0, failedAttempts: 0, deadLettered: 0 };
  let requests = 0;
  return {
    failureQueue,
    stats,
    async deliver(events) {
      type Work = { event: S3Event; attempt: number; requestId: string };
      const work: Work[] = events.map((event) => ({ event, attempt: 1, requestId: `req-${++requests}` }));
      const worker = async (): Promise<void> => {
        for (let item = work.shift(); item; item = work.shift()) {
          const n = ++stats.invocations;
          await o.beforeAttempt?.(n);
          try {
            await o.handle(item.event);
          } catch (error) {
            stats.failedAttempts++;
            // A retry comes later (AWS waits a minute, then two): behind the events already waiting.
            if (item.attempt <= retries) work.push({ ...item, attempt: item.attempt + 1 });
            else {
              stats.deadLettered++;
              failureQueue.push({
                id: item.requestId,
                body: JSON.stringify(failureRecordOf(item, error, o.now?.() ?? new Date())),
              });
            }
          }
        }
      };
      // Workers end when the list is empty; retries pushed meanwhile are picked up by those left.
      await Promise.all(Array.from({ length: Math.max(1, o.concurrency ?? 4) }, worker));
      while (work.length > 0) await worker();
    },
  };
}

function failureRecordOf(
  item: { event: S3Event; attempt: number; requestId: string },
  error: unknown,
  at: Date,
): FailureRecord {
  return {
    version: '1.0',
    timestamp: at.toISOString(),
    requestContext: {
      requestId: item.requestId,
      functionArn: FUNCTION_ARN,
      condition: 'RetriesExhausted',
      approximateInvokeCount: item.attempt,
    },
    requestPayload: item.event as unknown as FailureRecord['requestPayload'],
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    responsePayload: {
      errorType: error instanceof Error ? error.name : 'Error',
      errorMessage: error instanceof Error ? error.message : String(error),
    },
  };
}
