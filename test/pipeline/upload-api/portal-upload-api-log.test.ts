import { createHash } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createUploadApiHandler } from '../../../pipeline/upload-api/upload-api-handler.ts';
import { signSession } from '../../../pipeline/auth/session-cookie.ts';
import type { RequestLogEntry } from '../../../pipeline/observability/upload-api-telemetry.ts';

const KEY = 'k'.repeat(48);
const NOW = new Date('2026-11-20T03:00:00Z');
const SHA = createHash('sha256').update('a,b\n').digest('hex');
const FILE = 'no-nguyen-van-an.csv';
const session = signSession('48', NOW.getTime() / 1000 + 3600, KEY);

// Pre-signing is offline arithmetic: these credentials never leave the process.
const s3 = new S3Client({
  region: 'ap-southeast-1',
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'x' },
});

function uploadEvent(size: number, path = '/api/uploads') {
  return {
    rawPath: path,
    rawQueryString: `file=${FILE}`,
    cookies: [`vss_session=${session}`],
    headers: {},
    body: JSON.stringify({ dataset: 'debt', period: '2026-10', fileName: FILE, size, sha256: SHA }),
    isBase64Encoded: false,
    requestContext: { http: { method: 'POST' } },
  };
}

describe('upload API log', () => {
  it('writes one line a request with route, status, refusal code and scope, and nothing the officer sent', async () => {
    const lines: RequestLogEntry[] = [];
    const handler = createUploadApiHandler({
      s3,
      uploadsBucket: 'uploads-bucket',
      lakeBucket: 'lake-bucket',
      maxBytes: 1000,
      now: () => NOW,
      sessionKey: async () => KEY,
      log: (entry) => lines.push(entry),
    });
    const accepted = await handler(uploadEvent(4));
    const tooLarge = await handler(uploadEvent(5000));
    const unknown = await handler(uploadEvent(4, `/api/${FILE}`));
    expect([accepted.statusCode, tooLarge.statusCode, unknown.statusCode]).toEqual([201, 413, 404]);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({ method: 'POST', route: '/api/uploads', status: 201, scope: '48' });
    expect(lines[1]).toMatchObject({ route: '/api/uploads', status: 413, scope: '48' });
    expect(lines[1]?.error).toBe('file.too_large');
    expect(lines[2]).toMatchObject({ route: 'other', status: 404 });
    const text = JSON.stringify(lines);
    for (const secret of [FILE, 'nguyen', SHA, session, 'uploads/debt']) expect(text).not.toContain(secret);
  });
});
