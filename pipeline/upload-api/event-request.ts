/**
 * The Lambda function URL / API Gateway v2 event, read once at the edge with zod, and the API's
 * response written back in that shape.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { z } from 'zod';
import { MAX_REQUEST_BODY_BYTES, type ApiRequest, type ApiResponse } from '../../core/contracts/api-types.ts';

export const httpEvent = z.object({
  rawPath: z.string(),
  rawQueryString: z.string().default(''),
  cookies: z.array(z.string()).optional(),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().optional(),
  isBase64Encoded: z.boolean().default(false),
  requestContext: z.object({ http: z.object({ method: z.string() }) }),
});
export type HttpEvent = z.infer<typeof httpEvent>;

/** The request without its identity, which the handler adds; undefined when the body is too big. */
export function requestOf(event: HttpEvent): Omit<ApiRequest, 'scope'> | undefined {
  const body = event.body
    ? event.isBase64Encoded
      ? Buffer.from(event.body, 'base64').toString('utf8')
      : event.body
    : '';
  if (Buffer.byteLength(body) > MAX_REQUEST_BODY_BYTES) return undefined;
  return {
    method: event.requestContext.http.method.toUpperCase(),
    path: event.rawPath,
    query: new URLSearchParams(event.rawQueryString),
    body,
  };
}

/** The cookies of the event: the `cookies` array (payload v2) or a Cookie header. */
export function cookiesOf(event: HttpEvent): string[] {
  if (event.cookies) return event.cookies;
  return (event.headers.cookie ?? '').split(';').map((c) => c.trim());
}

export function resultOf(response: ApiResponse): APIGatewayProxyStructuredResultV2 {
  const binary = typeof response.body !== 'string';
  return {
    statusCode: response.status,
    headers: { ...response.headers, 'x-content-type-options': 'nosniff' },
    body: binary ? Buffer.from(response.body).toString('base64') : (response.body as string),
    isBase64Encoded: binary,
  };
}
