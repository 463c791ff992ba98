import type { RemovalPolicy } from 'aws-cdk-lib';
import { Duration, Validations } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DATASET_NAMES } from '../../core/datasets/index.ts';
import { lakeMonthPrefix } from '../../core/contracts/layout.ts';

/**
 * The key prefixes whose new objects trigger a refresh: each dataset's per-province lake objects,
 * `lake/<dataset>/period=`, which only an accepted upload writes. Not the compacted objects
 * beside them (`lake/<dataset>/compacted/`): compaction rewrites closed months without changing a
 * figure, and one refresh per object it writes would be a storm of refreshes that change nothing.
 * Its removals are no trigger either: the notification is for created objects only.
 */
export function refreshTriggerPrefixes(): string[] {
  return DATASET_NAMES.map((d) => lakeMonthPrefix(d, ''));
}

/** Whether a new object with this key triggers a refresh (what S3's prefix filters decide). */
export const triggersRefresh = (key: string): boolean =>
  refreshTriggerPrefixes().some((p) => key.startsWith(p));

export interface RefreshTriggerProps {
  readonly lake: s3.IBucket;
  readonly refresh: lambda.IFunction;
  /** Where trigger messages go after repeated failed refreshes (the refresh failure queue). */
  readonly deadLetterQueue: sqs.IQueue;
  /** How long the refresh waits for more uploads before it runs. Default: 5 minutes (SQS maximum). */
  readonly debounce?: Duration;
  /** Must cover the refresh timeout. Default: 30 minutes. */
  readonly visibilityTimeout?: Duration;
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Refresh after accepted uploads, debounced: each per-province lake object an upload writes
 * sends a message to a queue, and the refresh runs once per batching window for
 * everything that arrived in it, instead of once per province on the deadline day.
 */
export class RefreshTrigger extends Construct {
  readonly queue: sqs.Queue;

  constructor(scope: Construct, id: string, props: RefreshTriggerProps) {
    super(scope, id);
    this.queue = new sqs.Queue(this, 'LakeChanges', {
      // Messages carry object keys only, never data. With the data key, S3 would need a key
      // policy naming the lake bucket, and the bucket already names the key: a cycle.
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: props.visibilityTimeout ?? Duration.minutes(30),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: props.deadLetterQueue, maxReceiveCount: 5 },
      removalPolicy: props.removalPolicy,
    });
    // S3 filters by one prefix a notification, so one notification per dataset.
    const destination = new s3n.SqsDestination(this.queue);
    for (const prefix of refreshTriggerPrefixes()) {
      props.lake.addEventNotification(s3.EventType.OBJECT_CREATED, destination, { prefix });
    }
    props.refresh.addEventSource(
      new sources.SqsEventSource(this.queue, {
        batchSize: 10_000,
        maxBatchingWindow: props.debounce ?? Duration.minutes(5),
        // Two refreshes at most; each publishes a full snapshot, so the later one wins cleanly.
        maxConcurrency: 2,
        reportBatchItemFailures: false,
      }),
    );
    Validations.of(props.refresh).acknowledge({
      id: 'Serverless-LambdaEventSourceMappingDestination',
      reason:
        'SQS event sources take no on-failure destination; the queue redrives to the refresh failure queue.',
    });
    Validations.of(this.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'It has a dead-letter queue: the refresh failure queue (the nag rule cannot see the reference).',
    });
  }
}
