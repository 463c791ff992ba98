import { Validations, type Stack } from 'aws-cdk-lib';

/**
 * Findings on resources the CDK adds by itself (the handler that writes S3 bucket notification
 * settings at deploy time), which we cannot configure. Acknowledged on that handler only.
 */
export function acknowledgeFrameworkFindings(stack: Stack): void {
  for (const handler of stack.node.children.filter((c) =>
    c.node.id.startsWith('BucketNotificationsHandler'),
  )) {
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'CDK-provided deploy-time handler for the uploads bucket notifications; its role only writes logs.',
    });
  }
}
