/**
 * An Athena client that asks IAM first, like authorizing-s3.ts: each query operation is
 * authorized against the function's synthesized role on the workgroup it names (Athena checks
 * athena:<Operation> on the workgroup), and a denied one fails with AccessDeniedException.
 * The catalog and lake reads Athena then makes with the caller's rights are checked by the
 * grants table (role-grants.test.ts): the stand-in reads a local mirror, not S3.
 */
import { AthenaServiceException, type AthenaClient } from '@aws-sdk/client-athena';
import type { AuthorizedCall } from './authorizing-s3.ts';
import type { FunctionRole } from './function-role.ts';
import { ACCOUNT, REGION } from './template-resolver.ts';

const OPERATIONS: Record<string, string> = {
  StartQueryExecutionCommand: 'athena:StartQueryExecution',
  GetQueryExecutionCommand: 'athena:GetQueryExecution',
  GetQueryResultsCommand: 'athena:GetQueryResults',
  StopQueryExecutionCommand: 'athena:StopQueryExecution',
  GetWorkGroupCommand: 'athena:GetWorkGroup',
};

/** `workGroup`: where the executions the client polls were started (their ids carry none). */
export function authorizeAthena(
  client: AthenaClient,
  role: FunctionRole,
  workGroup: string,
): { calls: AuthorizedCall[] } {
  const calls: AuthorizedCall[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const action = OPERATIONS[context.commandName ?? ''];
      if (!action) throw new Error(`${role.label}: no IAM mapping for ${context.commandName}`);
      const named = (args.input as { WorkGroup?: string }).WorkGroup ?? workGroup;
      const resource = `arn:aws:athena:${REGION}:${ACCOUNT}:workgroup/${named}`;
      const decision = await role.may(action, resource);
      calls.push({ action, resource, decision });
      if (decision !== 'Allow') {
        throw new AthenaServiceException({
          name: 'AccessDeniedException',
          $fault: 'client',
          $metadata: { httpStatusCode: 400 },
          message: `User: ${role.principalArn} is not authorized to perform: ${action} on resource: ${resource}`,
        });
      }
      return next(args);
    },
    { step: 'initialize', name: 'authorizeAgainstSynthesizedRole' },
  );
  return { calls };
}
