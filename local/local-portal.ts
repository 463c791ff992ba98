/**
 * The upload portal on a laptop: the local S3 with the ingest handler listening (so a portal
 * upload is validated, receipted and recorded for real), the same API as the Lambda, and an
 * identity that exists only here: the province chosen with `--as-province` or with the page's
 * local-only selector (cookie `vss_as_province`). The AWS build never imports this file.
 *
 * The browser PUTs to s3rver through the same pre-signed URL as in AWS. s3rver checks neither
 * SigV4 signatures nor checksums, so locally a different length or body is not refused at the
 * PUT; the ingest records the bytes' own SHA-256 and the page compares it with what it sent.
 */
import { PutBucketCorsCommand } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import type { UploadOutcome } from '../pipeline/ingest/ingest-handler.ts';
import { StorageError } from '../core/errors.ts';
import { localIngestHandler } from './local-ingest-handler.ts';
import { startLocalS3, type LocalS3 } from './local-s3.ts';
import { provinces } from '../pipeline/reference/provinces.ts';
import { limitsFromEnv } from '../pipeline/validate/limits.ts';
import {
  LOCAL_PROVINCE_COOKIE,
  type ApiResponse,
  type Scope,
  type UnidentifiedRequest,
} from '../core/contracts/api-types.ts';
import { createUploadApi } from '../pipeline/upload-api/route-request.ts';

export interface LocalPortal {
  handle(request: UnidentifiedRequest): Promise<ApiResponse>;
  /** Resolves when every upload so far has been ingested (tests). */
  idle(): Promise<void>;
  s3: LocalS3;
  close(): Promise<void>;
}

/** A province code any unit ever had, or `all`; anything else is no identity. */
export function isKnownScope(value: string): value is Scope {
  return value === 'all' || provinces().units.some((u) => u.code === value);
}

export function localScope(cookies: readonly string[], fallback: Scope | undefined): Scope | undefined {
  for (const pair of cookies) {
    const [name, value = ''] = pair.split('=').map((s) => s.trim());
    if (name === LOCAL_PROVINCE_COOKIE && isKnownScope(value)) return value;
  }
  return fallback;
}

export async function startLocalPortal(opts: {
  dataDir: string;
  asProvince?: Scope;
  log?: (line: string) => void;
  /** Called after each upload the ingest handled (`vss start` refreshes the dashboard with it). */
  onOutcome?: (outcome: UploadOutcome) => void;
}): Promise<LocalPortal> {
  // The handler needs the endpoint, which exists only once the server runs: bound just after.
  const ingest: { handle?: ReturnType<typeof localIngestHandler> } = {};
  const s3 = await startLocalS3({
    dataDir: opts.dataDir,
    log: opts.log,
    onEvent: async (event) => ingest.handle?.(event),
  });
  ingest.handle = localIngestHandler(s3, opts.onOutcome ? { onOutcome: opts.onOutcome } : {});
  try {
    // The page (another port of 127.0.0.1) PUTs straight to the local S3, as it does to S3 in AWS.
    await s3.client.send(
      new PutBucketCorsCommand({
        Bucket: s3.uploadsBucket,
        CORSConfiguration: {
          CORSRules: [
            {
              AllowedOrigins: ['http://127.0.0.1:*'],
              AllowedMethods: ['PUT'],
              AllowedHeaders: ['*'],
              ExposeHeaders: ['ETag'],
              MaxAgeSeconds: 600,
            },
          ],
        },
      }),
    );
  } catch (error) {
    await s3.close();
    throw new StorageError('cannot allow the portal page to upload to the local S3', { cause: error });
  }
  const api = createUploadApi({
    s3: s3.client,
    uploadsBucket: s3.uploadsBucket,
    lakeBucket: s3.lakeBucket,
    maxBytes: limitsFromEnv().maxBytes,
    local: true,
  });
  return {
    handle: async ({ cookies, ...request }) => {
      const scope = localScope(cookies, opts.asProvince);
      // Local runs only: acting as a province is acting as its director too, and acting as 'all' as
      // the national level (return, publish), so the whole sign-off can be tried.
      const approver = !scope
        ? undefined
        : scope === 'all'
          ? { scope, role: 'national' as const, actor: 'local-national' }
          : { scope, role: 'director' as const, actor: `local-${scope}` };
      const answer = await api({ ...request, scope, ...(approver ? { approver } : {}) });
      // In AWS the lake bucket announces a sign-off record to the ingest; the local S3 announces
      // only uploads (lake events are many), so the local server hands the record over itself.
      if (request.method === 'POST' && request.path === '/api/approvals' && answer.status === 201)
        await ingest.handle?.(
          approvalEvent(s3.lakeBucket, JSON.parse(String(answer.body)) as { key: string }),
        );
      return answer;
    },
    idle: () => s3.idle(),
    s3,
    close: () => s3.close(),
  };
}

function approvalEvent(bucket: string, written: { key: string }): S3Event {
  const record = {
    eventName: 'ObjectCreated:Put',
    eventTime: new Date().toISOString(),
    s3: { bucket: { name: bucket }, object: { key: written.key } },
  };
  // Only the fields the ingest reads of a notification are set.
  return { Records: [record] } as unknown as S3Event;
}
