/**
 * Redrive of the ingest failure queue: every message's S3 event handed to the ingest handler again,
 * as S3 first delivered it. The queue is a Lambda on-failure destination with no source queue, so
 * SQS's own redrive has nowhere to move the messages; re-invoking the handler is the redrive.
 * Ingest converges from any state, so a message redriven twice, or after a newer upload, is safe.
 */
import type { S3Event } from 'aws-lambda';
import { eventOfFailureMessage } from './failure-record.ts';

export interface FailureMessage {
  /** What deletes the message from the queue once handled (the SQS receipt handle). */
  id: string;
  body: string;
}

export interface RedriveReport {
  /** Handled: delete them from the queue. */
  redriven: string[];
  /** Failed again: leave them on the queue for a later redrive. */
  failed: { id: string; error: string }[];
  /** Not an invocation record nor an S3 event: for a person to look at. */
  unreadable: string[];
}

export async function redriveFailures(
  messages: readonly FailureMessage[],
  handle: (event: S3Event) => Promise<void>,
): Promise<RedriveReport> {
  const report: RedriveReport = { redriven: [], failed: [], unreadable: [] };
  for (const message of messages) {
    const event = eventOfFailureMessage(message.body);
    if (!event) {
      report.unreadable.push(message.id);
      continue;
    }
    try {
      await handle(event);
      report.redriven.push(message.id);
    } catch (error) {
      report.failed.push({ id: message.id, error: String(error) });
    }
  }
  return report;
}
