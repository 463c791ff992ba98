/**
 * The page's side of the upload API: ask for a pre-signed URL, PUT the bytes there with progress,
 * poll for the receipt. Same-origin calls carry the session cookie; the PUT goes straight to S3.
 */
import type { Bilingual } from '../../../core/messages/index.ts';
import type { DueAnswer } from '../../../core/contracts/due-report.ts';
import type { LedgerRecord } from '../../../core/contracts/ledger-record.ts';
import type { Receipt } from '../../../core/contracts/receipt.ts';

export interface Me {
  scope: string | null;
  local: boolean;
  /** Local server only: the units the act-as-province selector offers. */
  units?: Array<{ code: string; name: string; generation: string }>;
}

export interface Grant {
  key: string;
  sha256: string;
  upload: { url: string; method: 'PUT'; headers: Record<string, string> };
  /** When the API granted the upload: the receipt to wait for is of an upload handled after it. */
  issued_at?: string;
}

export interface ReceiptAnswer {
  record: LedgerRecord;
  receipt: Receipt;
}

/** A refusal from the API, carrying its bilingual sentence. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly text: Bilingual,
  ) {
    super(text.en);
  }
}

export async function sha256Hex(data: BufferSource): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(digest)].map((x) => x.toString(16).padStart(2, '0')).join('');
}

export async function answer<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const message = (body as { message?: Bilingual }).message;
    throw new ApiRefusal(
      response.status,
      message ?? { vi: `Lỗi ${response.status}`, en: `Error ${response.status}` },
    );
  }
  return body as T;
}

/** POSTs a JSON body to the upload API and returns its answer (ApiRefusal when refused). */
export async function postJson<T = unknown>(path: string, body: unknown): Promise<T> {
  return answer<T>(
    await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

export const getMe = async (): Promise<Me> => answer<Me>(await fetch('api/me', { cache: 'no-store' }));

export async function getDue(period: string): Promise<DueAnswer> {
  return answer<DueAnswer>(
    await fetch(`api/due?period=${encodeURIComponent(period)}`, { cache: 'no-store' }),
  );
}

export async function askToUpload(request: {
  dataset: string;
  period: string;
  fileName: string;
  size: number;
  sha256: string;
}): Promise<Grant> {
  const body = JSON.stringify(request);
  const response = await fetch('api/uploads', {
    method: 'POST',
    // CloudFront signs its request to the API function with the body's hash, which only the
    // viewer can give for a POST (origin access control for Lambda function URLs).
    headers: {
      'content-type': 'application/json',
      'x-amz-content-sha256': await sha256Hex(new TextEncoder().encode(body)),
    },
    body,
  });
  return answer<Grant>(response);
}

/** The PUT, through XMLHttpRequest because fetch reports no upload progress. */
export function putFile(grant: Grant, file: Blob, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(grant.upload.method, grant.upload.url);
    for (const [name, value] of Object.entries(grant.upload.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(`PUT ${xhr.status}`));
    xhr.onerror = () => reject(new Error('PUT failed'));
    xhr.send(file);
  });
}

export function receiptQuery(key: string, sha256: string, after?: string): string {
  const since = after === undefined ? '' : `&after=${encodeURIComponent(after)}`;
  return `key=${encodeURIComponent(key)}&sha256=${sha256}${since}`;
}

/** The receipt once the ingest wrote it; polls every `everyMs` up to `attempts` times. */
export async function waitForReceipt(
  key: string,
  sha256: string,
  opts: { everyMs: number; attempts: number; after?: string },
): Promise<ReceiptAnswer | undefined> {
  for (let i = 0; i < opts.attempts; i++) {
    const response = await fetch(`api/receipt?${receiptQuery(key, sha256, opts.after)}`, {
      cache: 'no-store',
    });
    if (response.status !== 404) return answer<ReceiptAnswer>(response);
    await new Promise((r) => setTimeout(r, opts.everyMs));
  }
  return undefined;
}
