/**
 * Asks a maintained IAM policy simulator (@cloud-copilot/iam-simulate) whether a principal may
 * make a request, given the synthesized statements (resolved by template-resolver.ts): the
 * identity policies of its role and the resource policy of what it touches, same-account rules.
 * A request the simulator cannot judge (an unknown action, a resource of the wrong type, a
 * malformed policy) throws, so a test cannot pass by asking the wrong question.
 */
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { ACCOUNT, resolveStatement, type Statement } from './template-resolver.ts';

export type Decision = 'Allow' | 'ImplicitDeny' | 'ExplicitDeny';

export interface Request {
  principalArn: string;
  action: string;
  resource: string;
  /** Condition keys of the request, e.g. `aws:SecureTransport`, `s3:prefix`. */
  context?: Record<string, string | string[]>;
}

const DECISIONS: Record<string, Decision> = {
  Allowed: 'Allow',
  ImplicitlyDenied: 'ImplicitDeny',
  ExplicitlyDenied: 'ExplicitDeny',
};

const document = (statements: readonly Statement[]) => ({ Version: '2012-10-17', Statement: statements });

/** The decision for one request; statements must already be resolved. */
export async function simulate(
  identity: readonly Statement[],
  resourcePolicy: readonly Statement[],
  request: Request,
): Promise<Decision> {
  const answer = await runSimulation(
    {
      request: {
        principal: request.principalArn,
        action: request.action,
        resource: { resource: request.resource, accountId: ACCOUNT },
        // The simulator fills no request keys itself; these are what AWS sets on every call.
        contextVariables: {
          'aws:SecureTransport': 'true',
          'aws:PrincipalArn': request.principalArn,
          'aws:PrincipalAccount': ACCOUNT,
          ...request.context,
        },
      },
      identityPolicies: identity.length > 0 ? [{ name: 'role', policy: document(identity) }] : [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      ...(resourcePolicy.length > 0 ? { resourcePolicy: document(resourcePolicy) } : {}),
    },
    {},
  );
  if (answer.resultType === 'error') {
    throw new Error(
      `the IAM simulator cannot judge ${request.action} on ${request.resource}: ${JSON.stringify(answer.errors)}`,
    );
  }
  const decision = DECISIONS[answer.overallResult];
  if (!decision) throw new Error(`unexpected simulator result ${answer.overallResult}`);
  return decision;
}

/** The decision for a request, from statements as synthesized (intrinsics resolved first). */
export function evaluate(
  identity: readonly Statement[],
  resourcePolicy: readonly Statement[],
  request: Request,
  resolve: (value: unknown) => string,
): Promise<Decision> {
  const resolved = (sts: readonly Statement[]) => sts.map((st) => resolveStatement(st, resolve));
  return simulate(resolved(identity), resolved(resourcePolicy), request);
}
