/**
 * The Athena client of the query engine. In AWS it takes the usual credential chain and region;
 * a test points it at a local stand-in with `endpoint` and static credentials.
 */
import { AthenaClient, type AthenaClientConfig } from '@aws-sdk/client-athena';

export interface AthenaClientOptions {
  region?: string;
  endpoint?: string;
  credentials?: AthenaClientConfig['credentials'];
}

export function createAthenaClient(options: AthenaClientOptions = {}): AthenaClient {
  return new AthenaClient({
    region: options.region ?? process.env.AWS_REGION ?? 'ap-southeast-1',
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    // Our polling is the retry that matters; throttled calls still get the SDK's standard retries.
    maxAttempts: 5,
  });
}
