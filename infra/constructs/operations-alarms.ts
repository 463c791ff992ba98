import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { INGEST_METRICS } from '../../pipeline/observability/ingest-telemetry.ts';
import { METRICS_NAMESPACE } from '../../pipeline/observability/telemetry.ts';

export interface OperationsAlarmsProps {
  readonly key: IKey;
  readonly ingest: lambda.IFunction;
  readonly refresh: lambda.IFunction;
  /** The officers' upload API: its errors and throttles (officers turned away) notify too. */
  readonly uploadApi?: lambda.IFunction;
  /** The monthly lake compaction: a failed run leaves closed months per province (slower, still right). */
  readonly compact?: lambda.IFunction;
  /** The dead-letter queue alarms, which notify the same topic. */
  readonly queueAlarms: cloudwatch.Alarm[];
}

/**
 * One topic operators subscribe to (e-mail, chat), and the alarms that notify it: failed ingest
 * invocations, failed refreshes, failed compactions, upload API errors and throttles, and anything waiting in a
 * dead-letter queue.
 */
export class OperationsAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'VSS reporting platform alarms',
      masterKey: props.key,
      enforceSSL: true,
    });
    // Alarms publish to the encrypted topic, so CloudWatch must be able to use the key.
    props.key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    const failureAlarm = (id: string, description: string, metric: cloudwatch.IMetric) =>
      new cloudwatch.Alarm(this, id, {
        alarmDescription: description,
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    const fiveMinutes = { period: Duration.minutes(5), statistic: 'Sum' };
    this.alarms = [
      failureAlarm(
        'IngestErrors',
        'An ingest invocation failed (it will be retried, then dead-lettered)',
        props.ingest.metricErrors(fiveMinutes),
      ),
      failureAlarm(
        'IngestFailures',
        'The ingest handler reported failed uploads',
        new cloudwatch.Metric({
          namespace: METRICS_NAMESPACE,
          metricName: INGEST_METRICS.failures,
          dimensionsMap: { service: 'ingest' },
          ...fiveMinutes,
        }),
      ),
      failureAlarm(
        'RefreshErrors',
        'A dashboard refresh failed: the dashboard shows older figures',
        props.refresh.metricErrors(fiveMinutes),
      ),
      ...(props.compact
        ? [
            failureAlarm(
              'CompactErrors',
              'A lake compaction failed: closed months stay per province until a run succeeds',
              props.compact.metricErrors(fiveMinutes),
            ),
          ]
        : []),
      ...(props.uploadApi
        ? [
            failureAlarm(
              'UploadApiErrors',
              'The upload API failed a request: an officer could not upload or read a receipt',
              props.uploadApi.metricErrors(fiveMinutes),
            ),
            failureAlarm(
              'UploadApiThrottles',
              'The upload API turned requests away at its reserved concurrency',
              props.uploadApi.metricThrottles(fiveMinutes),
            ),
          ]
        : []),
    ];
    const notify = new actions.SnsAction(this.topic);
    for (const alarm of this.alarms) alarm.addAlarmAction(notify);
    for (const alarm of props.queueAlarms) alarm.addAlarmAction(notify);
  }
}
