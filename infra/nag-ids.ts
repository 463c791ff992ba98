/**
 * Finding ids for acknowledgements that name a resource. cdk-nag writes resource references as
 * `<LogicalId.Arn>`; computing them from the construct keeps an acknowledgement pinned to the
 * exact resource and prefix it was reasoned about, and it follows renames.
 */
import { CfnElement, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

function logicalIdOf(resource: IConstruct): string {
  const element = resource.node.defaultChild ?? resource;
  if (!CfnElement.isCfnElement(element))
    throw new Error(`${resource.node.path} has no CloudFormation resource`);
  return Stack.of(element).getLogicalId(element);
}

/** `AwsSolutions-IAM5[Resource::<Bucket.Arn>/<prefix>*]`: access to every object under one prefix. */
export function objectPrefixFinding(bucket: IConstruct, prefix: string): string {
  return `AwsSolutions-IAM5[Resource::<${logicalIdOf(bucket)}.Arn>/${prefix}*]`;
}

/** `AwsSolutions-IAM5[Resource::<Function.Arn>:*]`: invoking any version or alias of one function. */
export function functionVersionsFinding(fn: IConstruct): string {
  return `AwsSolutions-IAM5[Resource::<${logicalIdOf(fn)}.Arn>:*]`;
}
