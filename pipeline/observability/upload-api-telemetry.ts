/**
 * Telemetry of the upload API Lambda: UploadApiLatency and UploadApiFailures per invocation, and
 * one log line per request saying which route answered and how. The line carries no personal
 * data and nothing an officer typed: no file name, object key, query, body, cookie or session,
 * only the route, the status, the refusal's code and whose scope (a province code or `all`).
 */
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import type { ApiRequest, ApiResponse } from '../../core/contracts/api-types.ts';
import { createTelemetry, instrument, type Telemetry } from './telemetry.ts';

export const UPLOAD_API_METRICS = { latency: 'UploadApiLatency', failures: 'UploadApiFailures' } as const;

export const uploadApiTelemetry = createTelemetry('upload-api');

export interface RequestLogEntry {
  method: string;
  /** The API's own route, or `other` for any path it does not serve (paths are caller text). */
  route: string;
  status: number;
  /** The refusal's machine code (`forbidden`, `too_large`…), when refused. */
  error?: string;
  scope: string;
}

const KNOWN_ROUTE = /^\/api\/(me|uploads|receipt|annotated|due|templates\/[a-z]+\.xlsx)$/;
const refusalBody = z.object({ error: z.string().max(64) });

export function requestLogEntry(request: ApiRequest, response: ApiResponse): RequestLogEntry {
  const entry: RequestLogEntry = {
    method: request.method,
    route: KNOWN_ROUTE.test(request.path) ? request.path : 'other',
    status: response.status,
    scope: request.scope ?? 'none',
  };
  if (response.status >= 400 && typeof response.body === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(response.body);
    } catch {
      parsed = undefined;
    }
    const refusal = refusalBody.safeParse(parsed);
    if (refusal.success) entry.error = refusal.data.error;
  }
  return entry;
}

/** Logs the request's line at INFO (answered) or WARN (refused) through the Powertools logger. */
export function logRequest(entry: RequestLogEntry, telemetry: Telemetry = uploadApiTelemetry): void {
  if (entry.status >= 400) telemetry.logger.warn('upload api request refused', { ...entry });
  else telemetry.logger.info('upload api request', { ...entry });
}

/** `export const handler = withUploadApiTelemetry(async (event) => ...)`. */
export function withUploadApiTelemetry<E, R>(
  inner: (event: E, context?: Context) => Promise<R>,
  telemetry: Telemetry = uploadApiTelemetry,
): (event: E, context?: Context) => Promise<R> {
  return instrument(telemetry, { name: 'UploadApi' }, inner);
}
