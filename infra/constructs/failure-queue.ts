import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface FailureQueueProps {
  readonly encryptionKey: IKey;
  /** What failed, for the alarm description (e.g. "ingest"). */
  readonly purpose: string;
  /** Default: 14 days, SQS's maximum, so an operator back from a weekend still finds them. */
  readonly retention?: Duration;
  /** Default: RETAIN. */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Where events land that a function failed on after its retries, and an alarm that fires as
 * soon as one is waiting: a stuck upload is a province without a receipt.
 */
export class FailureQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: FailureQueueProps) {
    super(scope, id);
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.encryptionKey,
      enforceSSL: true,
      retentionPeriod: props.retention ?? Duration.days(14),
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    const reason =
      'This queue is itself the dead-letter queue: nothing consumes it but an operator replaying events.';
    Validations.of(this.queue).acknowledge(
      { id: 'AwsSolutions-SQS3', reason },
      { id: 'Serverless-SQSRedrivePolicy', reason },
    );
    this.alarm = new cloudwatch.Alarm(this, 'Depth', {
      alarmDescription: `Failed ${props.purpose} events are waiting in the dead-letter queue`,
      metric: this.queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
