/**
 * The Lambda entry of the sign-in function. Its settings (client id, hosted UI, signing key)
 * live in one Secrets Manager secret found by name, which keeps the function independent of
 * the user pool client (whose callback URL names the distribution that fronts this function).
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { authConfig, createSessionHandler, type AuthConfig } from '../pipeline/auth/session-handler.ts';
import { parseEnvironment } from './environment.ts';

let config: Promise<AuthConfig> | undefined;

async function loadConfig(): Promise<AuthConfig> {
  const env = parseEnvironment('session');
  const secret = await new SecretsManagerClient({}).send(
    new GetSecretValueCommand({ SecretId: env.SESSION_SECRET_NAME }),
  );
  return authConfig.parse({ ...JSON.parse(secret.SecretString ?? '{}'), region: env.AWS_REGION });
}

const session = createSessionHandler({
  config: () => (config ??= loadConfig()),
  fetch: (...args) => fetch(...args),
});

export const handler = (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> =>
  session(event);
