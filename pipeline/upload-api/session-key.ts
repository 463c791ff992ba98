/**
 * The key that signs the dashboard session cookie, from the same Secrets Manager secret the
 * sign-in function reads (SESSION_SECRET_NAME, field `sessionKey`), read once per container.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import { ConfigError } from '../../core/errors.ts';

const secretFields = z.object({ sessionKey: z.string().min(32) });

export async function loadSessionKey(env: Record<string, string | undefined> = process.env): Promise<string> {
  const name = env.SESSION_SECRET_NAME;
  if (!name) throw new ConfigError('environment variable SESSION_SECRET_NAME is not set');
  const secret = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: name }));
  const parsed = secretFields.safeParse(JSON.parse(secret.SecretString ?? '{}'));
  if (!parsed.success) throw new ConfigError(`secret ${name} has no usable sessionKey`);
  return parsed.data.sessionKey;
}
