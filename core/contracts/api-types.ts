/**
 * The upload API's request and response, independent of what carries them: the Lambda adapter
 * (functions/upload-api.ts) and the local server (local/site-server.ts) both translate to these.
 */
import type { Approver } from './approver.ts';
import type { Bilingual } from '../messages/index.ts';

/** Who is calling: a province code, or `all` for leadership. Never taken from the request. */
export type Scope = 'all' | string;

export interface ApiRequest {
  method: string;
  /** The path after the host, e.g. `/api/uploads`. */
  path: string;
  query: URLSearchParams;
  /** The raw body (JSON for POST), already size-limited by the adapter. */
  body: string;
  /** Who the caller is, as the adapter established it; undefined when not signed in. */
  scope: Scope | undefined;
  /** Who may sign off, from the signed sign-off cookie (pipeline/auth/approver-cookie.ts); never the body. */
  approver?: Approver;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON text, or bytes for a workbook download. */
  body: string | Uint8Array;
}

/** The body of every refusal: a machine-readable code and the bilingual sentence for the officer. */
export interface Refusal {
  error: string;
  message: Bilingual;
}

/** A request as the local server hands it over: the identity is still to be established from its cookies. */
export type UnidentifiedRequest = Omit<ApiRequest, 'scope'> & { cookies: string[] };

/** Local server only: the cookie of the page's act-as-province selector (never read in AWS). */
export const LOCAL_PROVINCE_COOKIE = 'vss_as_province';

/** Upload requests carry a small JSON object; anything bigger is not one. */
export const MAX_REQUEST_BODY_BYTES = 16 * 1024;

export function json(status: number, value: unknown): ApiResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(value),
  };
}

export function refuse(status: number, error: string, message: Bilingual): ApiResponse {
  const refusal: Refusal = { error, message };
  return json(status, refusal);
}
