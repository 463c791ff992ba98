/** What the ingest pool and its worker threads say to each other (structured-clone data only). */
import type { S3Event } from 'aws-lambda';
import type { UploadOutcome } from '../pipeline/ingest/ingest-handler.ts';

export interface ThreadSettings {
  endpoint: string;
  uploadsBucket: string;
  lakeBucket: string;
}

export type PoolMessage = { type: 'event'; id: number; event: S3Event } | { type: 'close' };

export type ThreadMessage =
  | { type: 'ready' }
  | { type: 'outcome'; outcome: UploadOutcome }
  | { type: 'done'; id: number; error?: string };
