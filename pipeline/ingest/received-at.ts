import type { S3EventRecord } from 'aws-lambda';

/**
 * When the upload arrived: the notification's time. Generated sample runs may carry the time a
 * province "submitted" in object metadata, so late reports look late; AWS never trusts it.
 * Replay asks the same question of a stored object, so both paths order uploads alike.
 */
export function receivedAtOf(
  record: S3EventRecord,
  metadata: Record<string, string>,
  trustSubmittedAt: boolean,
  now: () => Date,
): string {
  const submitted = metadata['submitted-at'];
  if (trustSubmittedAt && submitted && !Number.isNaN(Date.parse(submitted))) {
    return new Date(submitted).toISOString();
  }
  const eventTime = Date.parse(record.eventTime);
  return new Date(Number.isNaN(eventTime) ? now().getTime() : eventTime).toISOString();
}
