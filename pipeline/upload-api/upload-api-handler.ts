/**
 * The upload API Lambda's handler (behind CloudFront at /api/*; entry point functions/upload-api.ts):
 * the caller's province is the scope of the signed session cookie the dashboard sign-in issued,
 * never anything the request says.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { approverCookieOf, verifyApprover } from '../auth/approver-cookie.ts';
import { sessionCookieOf, verifySession } from '../auth/session-cookie.ts';
import { PORTAL_MESSAGES } from '../../core/messages/index.ts';
import { logRequest, requestLogEntry, type RequestLogEntry } from '../observability/upload-api-telemetry.ts';
import { refuse, type ApiRequest, type ApiResponse } from '../../core/contracts/api-types.ts';
import { createUploadApi, type UploadApiDeps } from './route-request.ts';
import { cookiesOf, httpEvent, requestOf, resultOf } from './event-request.ts';

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
