import * as athena from 'aws-cdk-lib/aws-athena';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ATHENA_RESULTS_PREFIX } from '../athena-query-access.ts';

export interface AthenaWorkgroupProps {
  /** Workgroup name, e.g. `vss-dev`. */
  readonly name: string;
  readonly results: s3.IBucket;
  readonly key: IKey;
  /** A query scanning more than this is cancelled. Default: 10 GB. */
  readonly bytesScannedCutoffPerQuery?: number;
}

const GB = 1024 ** 3;

/**
 * The workgroup `vss query --engine athena` runs in. Its settings are enforced, so a client
 * cannot send results elsewhere, unencrypted, or lift the scan limit.
 */
export class AthenaWorkgroup extends Construct {
  readonly workgroup: athena.CfnWorkGroup;

  constructor(scope: Construct, id: string, props: AthenaWorkgroupProps) {
    super(scope, id);
    this.workgroup = new athena.CfnWorkGroup(this, 'WorkGroup', {
      name: props.name,
      description: 'VSS analysts and the dashboard refresh: queries over the vss database',
      state: 'ENABLED',
      workGroupConfiguration: {
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: props.bytesScannedCutoffPerQuery ?? 10 * GB,
        engineVersion: { selectedEngineVersion: 'Athena engine version 3' },
        resultConfiguration: {
          outputLocation: props.results.s3UrlForObject(ATHENA_RESULTS_PREFIX),
          encryptionConfiguration: { encryptionOption: 'SSE_KMS', kmsKey: props.key.keyArn },
        },
      },
    });
  }
}
