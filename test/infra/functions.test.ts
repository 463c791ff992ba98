import { beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { DATASET_NAMES } from '../../core/datasets/index.ts';
import { bucketArn, refreshEnv, refreshMay, SUMMARIES_TABLE_ARN, WORKGROUP_ARN } from './refresh-role.ts';
import { resourcesOfType, synthForTemplate, type Synthesized } from './synth.ts';

let s: Synthesized;
beforeAll(() => {
  s = synthForTemplate();
});

const id = (construct: { node: { defaultChild?: unknown } }) =>
  s.stack.getLogicalId(construct.node.defaultChild as never);

describe('ingest function', () => {
  it('runs on nodejs22.x x86_64 with 2 GB, 10 minutes, 10 reserved executions and the bucket names', async () => {
    const fn = resourcesOfType(s.template, 'AWS::Lambda::Function')[id(s.stack.ingest.fn.fn)];
    expect(fn?.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['x86_64'],
      MemorySize: 2048,
      Timeout: 600,
      ReservedConcurrentExecutions: 10,
      Handler: 'index.handler',
      Environment: {
        Variables: {
          UPLOADS_BUCKET: { Ref: id(s.stack.storage.uploads) },
          LAKE_BUCKET: { Ref: id(s.stack.storage.lake) },
          VSS_REFERENCE_DIR: '/var/task/reference',
        },
      },
    });
  });

  it('is invoked for objects created under uploads/ only', async () => {
    s.template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: id(s.stack.storage.uploads) },
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'uploads/' }] } },
            LambdaFunctionArn: { 'Fn::GetAtt': [id(s.stack.ingest.fn.fn), 'Arn'] },
          },
        ],
      },
    });
  });

  it('sends events that still fail after retries to an encrypted queue, with an alarm on its depth', async () => {
    const queueId = id(s.stack.ingest.failures.queue);
    s.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: id(s.stack.ingest.fn.fn) },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
    const queue = resourcesOfType(s.template, 'AWS::SQS::Queue')[queueId];
    expect(queue?.Properties?.KmsMasterKeyId).toBeDefined();
    s.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('may read uploads only under uploads/ and never write them', async () => {
    const policy = resourcesOfType(s.template, 'AWS::IAM::Policy')[
      s.stack.getLogicalId(s.stack.ingest.fn.role.node.findChild('DefaultPolicy').node.defaultChild as never)
    ];
    const statements = (
      policy?.Properties?.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] }
    ).Statement;
    const onUploads = statements.filter((st) =>
      JSON.stringify(st.Resource).includes(id(s.stack.storage.uploads)),
    );
    expect(onUploads).toHaveLength(1);
    expect(onUploads[0]?.Action).toEqual(['s3:GetObject', 's3:GetObjectVersion']);
    expect(JSON.stringify(onUploads[0]?.Resource)).toContain('/uploads/*');
  });
});

describe('refresh function', () => {
  it('gets the lake and site bucket names and runs monthly on the 11th at 01:00 Vietnam time', async () => {
    const fn = resourcesOfType(s.template, 'AWS::Lambda::Function')[id(s.stack.refresh.fn.fn)];
    expect(fn?.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Environment: {
        Variables: {
          LAKE_BUCKET: { Ref: id(s.stack.storage.lake) },
          SITE_BUCKET: { Ref: id(s.stack.storage.site) },
        },
      },
    });
    s.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 1 11 * ? *)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [id(s.stack.refresh.fn.fn), 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [id(s.stack.refresh.failures.queue), 'Arn'] } },
      }),
    });
  });

  it('runs the queries with DuckDB by default, with no Athena, Glue or query results rights', async () => {
    expect(refreshEnv(s).VSS_REFRESH_ENGINE).toBe('duckdb');
    expect(refreshEnv(s).VSS_ATHENA_WORKGROUP).toBeUndefined();
    expect(await refreshMay(s, 'athena:StartQueryExecution', WORKGROUP_ARN)).toBe('ImplicitDeny');
    expect(await refreshMay(s, 'glue:GetTable', SUMMARIES_TABLE_ARN)).toBe('ImplicitDeny');
    const results = bucketArn(s, s.stack.storage.queryResults);
    expect(await refreshMay(s, 's3:PutObject', `${results}/athena/q.csv`)).toBe('ImplicitDeny');
  });
});

describe('compaction function', () => {
  it('runs alone (reserved concurrency 1) for up to 15 minutes, 3008 MB and 2 GiB of /tmp, knowing the lake only', () => {
    const fn = resourcesOfType(s.template, 'AWS::Lambda::Function')[id(s.stack.compaction.fn.fn)];
    expect(fn?.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['x86_64'],
      MemorySize: 3008,
      Timeout: 900,
      EphemeralStorage: { Size: 2048 },
      ReservedConcurrentExecutions: 1,
    });
    expect(fn?.Properties?.Environment).toEqual({
      Variables: { LAKE_BUCKET: { Ref: id(s.stack.storage.lake) } },
    });
  });

  it('runs monthly on day 1 at 02:00 Vietnam time, which is 19:00 UTC on the last day of the month before', () => {
    s.template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 19 L * ? *)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [id(s.stack.compaction.fn.fn), 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [id(s.stack.compaction.failures.queue), 'Arn'] } },
        }),
      ],
    });
  });

  it('retries a failed run once, then queues it with an alarm; its errors alarm too, and the logs are kept a year', () => {
    const queueId = id(s.stack.compaction.failures.queue);
    const fnId = id(s.stack.compaction.fn.fn);
    s.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fnId },
      MaximumRetryAttempts: 1,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
    s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      AlarmActions: [{ Ref: id(s.stack.alarms.topic) }],
    });
    s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Namespace: 'AWS/Lambda',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: fnId } }],
      AlarmActions: [{ Ref: id(s.stack.alarms.topic) }],
    });
    const logGroup = s.stack.compaction.fn.fn.logGroup;
    const groups = resourcesOfType(s.template, 'AWS::Logs::LogGroup');
    expect(groups[id(logGroup)]?.Properties?.RetentionInDays).toBe(365);
  });

  it('lets EventBridge put an undelivered event in the encrypted queue, for its own rule only', () => {
    const key = resourcesOfType(s.template, 'AWS::KMS::Key')[id(s.stack.storage.key)];
    const statements = (key?.Properties?.KeyPolicy as { Statement: Record<string, unknown>[] }).Statement;
    const events = statements.filter(
      (st) => JSON.stringify(st.Principal) === JSON.stringify({ Service: 'events.amazonaws.com' }),
    );
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]?.Condition)).toContain(':rule/vss-test-lake-compaction');
    s.template.hasResourceProperties('AWS::Events::Rule', { Name: 'vss-test-lake-compaction' });
  });
});

describe('refresh trigger', () => {
  it('sends the lake objects of uploads to the refresh queue, one notification per dataset, nothing compacted', () => {
    const notifications = resourcesOfType(s.template, 'Custom::S3BucketNotifications');
    const lake = Object.values(notifications).find(
      (n) => JSON.stringify(n.Properties?.BucketName) === JSON.stringify({ Ref: id(s.stack.storage.lake) }),
    );
    const config = lake?.Properties?.NotificationConfiguration as {
      QueueConfigurations: {
        Events: string[];
        Filter: { Key: { FilterRules: { Name: string; Value: string }[] } };
      }[];
    };
    const prefixes = config.QueueConfigurations.map((q) => {
      expect(q.Events).toEqual(['s3:ObjectCreated:*']);
      return q.Filter.Key.FilterRules.map((r) => `${r.Name}:${r.Value}`).join(' ');
    });
    expect(prefixes.sort()).toEqual(DATASET_NAMES.map((d) => `prefix:lake/${d}/period=`).sort());
  });
});
