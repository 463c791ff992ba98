import { describe, expect, it } from 'vitest';
import { eventOfFailureMessage } from '../../../pipeline/ops/failure-record.ts';
import { redriveFailures } from '../../../pipeline/ops/redrive-failures.ts';

const event = {
  Records: [
    {
      eventName: 'ObjectCreated:Put',
      s3: {
        bucket: { name: 'vss-uploads' },
        object: { key: 'uploads/debt/2025-03/01/thang-3.csv', size: 10 },
      },
    },
  ],
};

/** The record a Lambda on-failure destination receives (AWS's documented shape). */
const invocationRecord = {
  version: '1.0',
  timestamp: '2025-04-10T00:00:00.000Z',
  requestContext: {
    requestId: 'e4b46cbf-b738-4e43-8880-a18cdf61200e',
    functionArn: 'arn:aws:lambda:ap-southeast-1:111122223333:function:vss-ingest:$LATEST',
    condition: 'RetriesExhausted',
    approximateInvokeCount: 3,
  },
  requestPayload: event,
  responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
  responsePayload: { errorType: 'StorageError', errorMessage: '1 of 1 uploads failed' },
};

describe('failure-queue messages', () => {
  it('give back the S3 event of an invocation record, and of a bare event (a classic DLQ)', () => {
    expect(eventOfFailureMessage(JSON.stringify(invocationRecord))).toEqual(event);
    expect(eventOfFailureMessage(JSON.stringify(event))).toEqual(event);
  });

  it('give nothing for what is neither', () => {
    expect(eventOfFailureMessage('not json')).toBeUndefined();
    expect(eventOfFailureMessage(JSON.stringify({ requestPayload: { Records: 'x' } }))).toBeUndefined();
  });

  it('redrive hands each event on once and sorts the messages into handled, failed and unreadable', async () => {
    const seen: unknown[] = [];
    const report = await redriveFailures(
      [
        { id: 'a', body: JSON.stringify(invocationRecord) },
        { id: 'b', body: '{}' },
        { id: 'c', body: JSON.stringify(event) },
      ],
      async (e) => {
        seen.push(e);
        if (seen.length === 2) throw new Error('S3 still away');
      },
    );
    expect(seen).toEqual([event, event]);
    expect(report.redriven).toEqual(['a']);
    expect(report.failed).toEqual([{ id: 'c', error: 'Error: S3 still away' }]);
    expect(report.unreadable).toEqual(['b']);
  });
});
