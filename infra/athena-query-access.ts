/**
 * What a role needs to run the named queries on Athena: start and read queries in one
 * workgroup, read the catalog of one database, read the lake objects the tables lie over, and
 * write results only where the workgroup (which enforces its configuration) puts them.
 */
import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import {
  LAKE_PREFIX,
  LEDGER_COMPACTED_PREFIX,
  LEDGER_PREFIX,
  SUMMARIES_PREFIX,
  TARGETS_PREFIX,
} from '../core/contracts/layout.ts';
import { objectPrefixFinding } from './nag-ids.ts';
import { REFERENCE_PREFIX } from './reference-rows.ts';

/** Where the workgroup writes query results in the results bucket (athena-workgroup.ts). */
export const ATHENA_RESULTS_PREFIX = 'athena/';

/**
 * Lake prefixes the Glue tables lie over: the datasets, the ledger (its JSON records and its
 * compacted months), summaries, reference rows and targets. Not ledger-closed/: no table reads it.
 */
export const ATHENA_TABLE_PREFIXES = [
  LAKE_PREFIX,
  LEDGER_PREFIX,
  LEDGER_COMPACTED_PREFIX,
  SUMMARIES_PREFIX,
  REFERENCE_PREFIX,
  TARGETS_PREFIX,
] as const;

export interface AthenaQueryAccess {
  readonly workGroup: string;
  readonly database: string;
  readonly lake: s3.IBucket;
  readonly results: s3.IBucket;
}

export function grantAthenaQueries(role: iam.Role, access: AthenaQueryAccess): void {
  const stack = Stack.of(role);
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: [
        'athena:StartQueryExecution',
        'athena:GetQueryExecution',
        'athena:GetQueryResults',
        'athena:StopQueryExecution',
        'athena:GetWorkGroup',
      ],
      resources: [
        stack.formatArn({ service: 'athena', resource: 'workgroup', resourceName: access.workGroup }),
      ],
    }),
  );
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: [
        'glue:GetDatabase',
        'glue:GetTable',
        'glue:GetTables',
        'glue:GetPartition',
        'glue:GetPartitions',
      ],
      resources: [
        stack.formatArn({ service: 'glue', resource: 'catalog' }),
        stack.formatArn({ service: 'glue', resource: 'database', resourceName: access.database }),
        stack.formatArn({
          service: 'glue',
          resource: 'table',
          resourceName: `${access.database}/*`,
          arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
        }),
      ],
    }),
  );
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: ['s3:GetObject'],
      resources: ATHENA_TABLE_PREFIXES.map((p) => access.lake.arnForObjects(`${p}*`)),
    }),
  );
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: ['s3:ListBucket', 's3:GetBucketLocation'],
      resources: [access.lake.bucketArn, access.results.bucketArn],
    }),
  );
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
      resources: [access.results.arnForObjects(`${ATHENA_RESULTS_PREFIX}*`)],
    }),
  );
  const objects = 'Athena reads every object under a table prefix and names result objects itself.';
  Validations.of(role).acknowledge(
    ...ATHENA_TABLE_PREFIXES.map((p) => ({ id: objectPrefixFinding(access.lake, p), reason: objects })),
    { id: objectPrefixFinding(access.results, ATHENA_RESULTS_PREFIX), reason: objects },
    {
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:glue:<AWS::Region>:<AWS::AccountId>:table/${access.database}/*]`,
      reason: 'The named queries read every table of the one database; tables follow the dataset list.',
    },
  );
}
