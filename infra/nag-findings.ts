import type { IConstruct } from 'constructs';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';

export interface NagFinding {
  rule: string;
  severity: string;
  path: string;
  description: string;
}

/** The nag packs this platform is held to. */
export function nagPacks() {
  return [new AwsSolutionsChecks(), new ServerlessChecks()];
}

/** Every unacknowledged finding of the packs on a construct tree, one per rule and resource. */
export function nagFindings(scope: IConstruct): NagFinding[] {
  return nagPacks().flatMap((pack) =>
    pack.validateScope(scope).violations.flatMap((v) =>
      v.violatingResources.map((r) => ({
        rule: v.ruleName,
        severity: v.severity ?? 'error',
        path: r.constructPath ?? '?',
        description: v.description,
      })),
    ),
  );
}
