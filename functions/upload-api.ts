/**
 * The upload API Lambda (behind CloudFront at /api/*): the caller's province is the scope of the
 * signed session cookie the dashboard sign-in issued, never anything the request says. Settings:
 * UPLOADS_BUCKET, LAKE_BUCKET, SESSION_SECRET_NAME, optional VSS_MAX_UPLOAD_BYTES.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { approverCookieOf, verifyApprover } from '../pipeline/auth/approver-cookie.ts';
import { sessionCookieOf, verifySession } from '../pipeline/auth/session-cookie.ts';
import { ConfigError } from '../core/errors.ts';
import { PORTAL_MESSAGES } from '../core/messages/index.ts';
import {
  logRequest,
  requestLogEntry,
  withUploadApiTelemetry,
  type RequestLogEntry,
} from '../pipeline/observability/upload-api-telemetry.ts';
import { refuse, type ApiRequest, type ApiResponse } from '../core/contracts/api-types.ts';
import { createUploadApi, type UploadApiDeps } from '../pipeline/upload-api/route-request.ts';
import { createS3Client } from '../pipeline/storage/s3-client.ts';
import { limitsFromEnv } from '../pipeline/validate/limits.ts';
import { cookiesOf, httpEvent, requestOf, resultOf } from '../pipeline/upload-api/event-request.ts';
import { loadSessionKey } from '../pipeline/upload-api/session-key.ts';

export interface UploadApiHandlerDeps extends UploadApiDeps {
  sessionKey: () => Promise<string>;
  /** One line per request: route and outcome, never the file, its key or the session. */
  log?: (entry: RequestLogEntry) => void;
}

export function createUploadApiHandler(
  deps: UploadApiHandlerDeps,
): (event: unknown) => Promise<APIGatewayProxyStructuredResultV2> {
  const api = createUploadApi(deps);
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? ((entry: RequestLogEntry) => logRequest(entry));
  return async (raw) => {
    const parsed = httpEvent.safeParse(raw);
    if (!parsed.success) return resultOf(refuse(400, 'bad_request', PORTAL_MESSAGES.badRequest('event')));
    const request = requestOf(parsed.data);
    if (!request) return resultOf(refuse(413, 'bad_request', PORTAL_MESSAGES.badRequest('body')));
    const cookie = sessionCookieOf(cookiesOf(parsed.data));
    const scope = cookie
      ? verifySession(cookie, await deps.sessionKey(), Math.floor(now().getTime() / 1000))
      : undefined;
    const signer = approverCookieOf(cookiesOf(parsed.data));
    const approver = signer
      ? verifyApprover(signer, await deps.sessionKey(), Math.floor(now().getTime() / 1000), scope)
      : undefined;
    const full: ApiRequest = { ...request, scope, ...(approver ? { approver } : {}) };
    const response: ApiResponse = await api(full);
    log(requestLogEntry(full, response));
    return resultOf(response);
  };
}

let lambdaHandler: ((event: unknown) => Promise<APIGatewayProxyStructuredResultV2>) | undefined;
let sessionKey: Promise<string> | undefined;

/** The Lambda entry; built on the first request and kept while the container is warm. */
export const handler = withUploadApiTelemetry(
  (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    lambdaHandler ??= createUploadApiHandler({
      s3: createS3Client({ endpoint: process.env.S3_ENDPOINT || undefined }),
      uploadsBucket: requiredEnv('UPLOADS_BUCKET'),
      lakeBucket: requiredEnv('LAKE_BUCKET'),
      maxBytes: limitsFromEnv().maxBytes,
      sessionKey: () => (sessionKey ??= loadSessionKey()),
    });
    return lambdaHandler(event);
  },
);

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new ConfigError(`environment variable ${name} is not set`);
  return value;
}
