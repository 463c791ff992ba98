import type { S3Event } from 'aws-lambda';
import { encodeEventKey } from '../ingest/event-key.ts';
import type { ListedObject } from '../storage/list-objects.ts';

/**
 * The notification S3 would have sent for a stored upload, so replay goes through the ingest
 * handler exactly as the live path does. Its time is the object's Last-Modified: the listing is
 * all replay has, and it is when S3 stored the upload.
 */
export function replayEvent(bucket: string, object: ListedObject): S3Event {
  const eventTime = object.lastModified.toISOString();
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'ap-southeast-1',
        eventTime,
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'vss-replay' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': 'replay', 'x-amz-id-2': 'replay' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'vss-replay',
          bucket: {
            name: bucket,
            ownerIdentity: { principalId: 'vss-replay' },
            arn: `arn:aws:s3:::${bucket}`,
          },
          object: {
            key: encodeEventKey(object.key),
            ...(object.versionId ? { versionId: object.versionId } : {}),
            size: object.size,
            eTag: object.eTag,
            sequencer: object.lastModified.getTime().toString(16).toUpperCase(),
          },
        },
      },
    ],
  };
}
