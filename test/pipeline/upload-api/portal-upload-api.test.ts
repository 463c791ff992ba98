import { createHash } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createUploadApiHandler } from '../../../pipeline/upload-api/upload-api-handler.ts';
import { signSession } from '../../../pipeline/auth/session-cookie.ts';
import { RULE_MESSAGES } from '../../../core/messages/index.ts';

const KEY = 'k'.repeat(48);
const NOW = new Date('2026-11-20T03:00:00Z');
const nowSeconds = NOW.getTime() / 1000;
const MAX = 1000;
const SHA = createHash('sha256').update('a,b\n').digest('hex');

// Pre-signing is offline arithmetic: these credentials never leave the process.
const s3 = new S3Client({
  region: 'ap-southeast-1',
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'x' },
});
const handler = createUploadApiHandler({
  s3,
  uploadsBucket: 'uploads-bucket',
  lakeBucket: 'lake-bucket',
  maxBytes: MAX,
  now: () => NOW,
  sessionKey: async () => KEY,
});

const cookie = (scope: 'all' | `${number}`, expires = nowSeconds + 3600, key = KEY) =>
  `vss_session=${signSession(scope, expires, key)}`;

function event(
  method: string,
  path: string,
  opts: { body?: unknown; query?: string; cookies?: string[] } = {},
) {
  return {
    rawPath: path,
    rawQueryString: opts.query ?? '',
    cookies: opts.cookies,
    headers: {},
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    isBase64Encoded: false,
    requestContext: { http: { method } },
  };
}

const upload = (body: Record<string, unknown>, cookies = [cookie('48')]) =>
  handler(
    event('POST', '/api/uploads', {
      cookies,
      body: { dataset: 'debt', period: '2026-10', fileName: 'no-t10.csv', size: 4, sha256: SHA, ...body },
    }),
  );
const bodyOf = (r: { body?: string }) => JSON.parse(r.body ?? '{}');

describe('upload API: who may upload what', () => {
  it('hands the signed-in province a pre-signed PUT for exactly its own key, with length and checksum signed', async () => {
    const res = await upload({});
    expect(res.statusCode).toBe(201);
    const answer = bodyOf(res);
    expect(answer.key).toBe('uploads/debt/2026-10/48/no-t10.csv');
    const url = new URL(answer.upload.url);
    expect(url.host).toMatch(/^uploads-bucket\.s3\./);
    expect(url.pathname).toBe('/uploads/debt/2026-10/48/no-t10.csv');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    const signed = url.searchParams.get('X-Amz-SignedHeaders')?.split(';');
    expect(signed).toEqual(expect.arrayContaining(['content-length', 'x-amz-checksum-sha256']));
    expect(answer.upload.headers['x-amz-checksum-sha256']).toBe(Buffer.from(SHA, 'hex').toString('base64'));
  });

  it('never takes the province from the request body', async () => {
    const res = await upload({ province: '01' });
    expect(bodyOf(res).key).toBe('uploads/debt/2026-10/48/no-t10.csv');
  });

  it('refuses without a valid session: none, expired, or signed with another key', async () => {
    for (const cookies of [
      [],
      [cookie('48', nowSeconds - 1)],
      [cookie('48', nowSeconds + 60, 'z'.repeat(48))],
    ]) {
      const res = await upload({}, cookies);
      expect(res.statusCode).toBe(401);
      expect(bodyOf(res).message.vi).toMatch(/đăng nhập/);
    }
  });

  it('lets leadership look but not upload', async () => {
    const res = await upload({}, [cookie('all')]);
    expect(res.statusCode).toBe(403);
    expect(bodyOf(res).error).toBe('leadership_read_only');
  });

  it('refuses an unknown dataset, bilingually', async () => {
    const res = await upload({ dataset: 'pensions' });
    expect(res.statusCode).toBe(400);
    expect(bodyOf(res).message).toEqual({
      vi: expect.stringContaining('Không có loại báo cáo "pensions"'),
      en: expect.stringContaining('no report type "pensions"'),
    });
  });

  it('refuses a future period and a malformed one with the receipt wording', async () => {
    const future = await upload({ period: '2026-12' });
    expect(future.statusCode).toBe(400);
    expect(bodyOf(future).message).toEqual(
      RULE_MESSAGES['location.period']({ period: '2026-12', reason: 'future', limit: '2026-11' }),
    );
    expect(bodyOf(await upload({ period: '2026-13' })).error).toBe('bad_period');
  });

  it('refuses a period the province does not report for (a merged-away code after the reform)', async () => {
    const res = await upload({ period: '2025-08' }, [cookie('49')]);
    expect(res.statusCode).toBe(400);
    expect(bodyOf(res).error).toBe('location.province');
  });

  it('refuses a file over the size cap with the receipt wording', async () => {
    const res = await upload({ size: MAX + 1 });
    expect(res.statusCode).toBe(413);
    expect(bodyOf(res).message).toEqual(RULE_MESSAGES['file.too_large']({ bytes: MAX + 1, max: MAX }));
  });

  it('refuses bad file names and types', async () => {
    for (const fileName of ['../48/x.csv', '.hidden.csv', 'a/b.csv'])
      expect(bodyOf(await upload({ fileName })).error).toBe('bad_file_name');
    expect(bodyOf(await upload({ fileName: 'report.xls' })).error).toBe('file.type');
  });

  it("refuses to show another province's receipt or marked workbook", async () => {
    const query = `key=${encodeURIComponent('uploads/debt/2026-10/01/x.csv')}&sha256=${SHA}`;
    const other = await handler(event('GET', '/api/receipt', { query, cookies: [cookie('48')] }));
    expect(other.statusCode).toBe(403);
    expect(bodyOf(other)).toEqual({
      error: 'other_province',
      message: { vi: expect.stringContaining('tỉnh 01'), en: expect.stringContaining('province 01') },
    });
    const annotated = await handler(event('GET', '/api/annotated', { query, cookies: [cookie('48')] }));
    expect(annotated.statusCode).toBe(403);
  });

  it('answers who the caller is, and says it is not the local server', async () => {
    const res = await handler(event('GET', '/api/me', { cookies: [cookie('48')] }));
    expect(bodyOf(res)).toEqual({ scope: '48', local: false });
  });
});
