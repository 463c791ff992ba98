/**
 * The upload API, the same in the Lambda and on the local server:
 *
 *   GET  /api/me                          who the caller is (province or leadership)
 *   POST /api/uploads                     {dataset, period, fileName, size, sha256} -> a pre-signed PUT
 *   GET  /api/receipt?key=&sha256=        the receipt of that upload (404 until the ingest wrote it)
 *   GET  /api/annotated?key=&sha256=      303 to a five-minute link to the file with wrong cells marked (XLSX)
 *   GET  /api/due?period=[&province=]     what the province owes for the month, and its uploads
 *   GET  /api/templates/<dataset>.xlsx    the upload template
 *   GET|POST /api/approvals               the month's sign-off (approval-routes.ts)
 *
 * The caller's province comes from `request.scope`, which the adapter takes from the identity.
 */
import { createHash } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { DATASETS, isDatasetName, templateAt } from '../../core/datasets/index.ts';
import { parseUploadKey, type UploadLocation } from '../../core/contracts/layout.ts';
import { PORTAL_MESSAGES } from '../../core/messages/index.ts';
import { isPeriod } from '../../core/period.ts';
import { provinces } from '../reference/provinces.ts';
import { isMissingObject, readObject } from '../storage/object-bytes.ts';
import { writeTemplate } from '../template/write-template.ts';
import { annotateUpload } from '../validate/annotate.ts';
import { annotatedLink } from './annotated-link.ts';
import { approvalStanding, nationalStanding, postApproval } from './approval-routes.ts';
import { publishedMonth, publishMonth } from './publish-routes.ts';
import { json, refuse, type ApiRequest, type ApiResponse } from '../../core/contracts/api-types.ts';
import { dueReports, periodDue } from './due-reports.ts';
import { presignUpload } from './presign-upload.ts';
import { findUploadRecord, readReceipt } from './receipt-lookup.ts';
import { decideUpload, mayRead, uploadRequestBody } from './upload-request.ts';

export interface UploadApiDeps {
  s3: S3Client;
  uploadsBucket: string;
  lakeBucket: string;
  maxBytes: number;
  now?: () => Date;
  /** Only the local server sets this: the page then offers its act-as-province switch. */
  local?: boolean;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function xlsx(fileName: string, bytes: Uint8Array): ApiResponse {
  return {
    status: 200,
    headers: {
      'content-type': XLSX,
      'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'no-store',
    },
    body: bytes,
  };
}

/** What the local act-as-province selector offers: each code once, the current 34 first, then old ones. */
function localUnits() {
  const byCode = new Map<string, { code: string; name: string; generation: string }>();
  const units = [...provinces().units].sort(
    (a, b) => a.generation.localeCompare(b.generation) || a.code.localeCompare(b.code),
  );
  for (const u of units)
    if (!byCode.has(u.code)) byCode.set(u.code, { code: u.code, name: u.nameVi, generation: u.generation });
  return [...byCode.values()];
}

const notFound = () => refuse(404, 'not_found', PORTAL_MESSAGES.notFound());
const notSignedIn = () => refuse(401, 'not_signed_in', PORTAL_MESSAGES.notSignedIn());

export function createUploadApi(deps: UploadApiDeps): (request: ApiRequest) => Promise<ApiResponse> {
  const now = deps.now ?? (() => new Date());
  const templates = new Map<string, Promise<Uint8Array>>();

  /** The upload a `key` + `sha256` query names, if the caller may see it. */
  function uploadOf(
    request: ApiRequest,
  ): { refusal: ApiResponse } | { key: string; sha256: string; location: UploadLocation } {
    const key = request.query.get('key') ?? '';
    const sha256 = request.query.get('sha256') ?? '';
    const location = parseUploadKey(key);
    if (!location || !/^[0-9a-f]{64}$/.test(sha256)) return { refusal: notFound() };
    if (!mayRead(request.scope, location.province))
      return { refusal: refuse(403, 'other_province', PORTAL_MESSAGES.otherProvince(location.province)) };
    return { key, sha256, location };
  }

  /** The ledger record of the upload a request names, once the ingest has written it. */
  async function recordOf(request: ApiRequest) {
    const upload = uploadOf(request);
    if ('refusal' in upload) return upload;
    const { location, key, sha256 } = upload;
    // `after` (the grant's issued_at): only an upload handled since then answers, so a file sent
    // again is never answered with the receipt of its earlier upload.
    const after = request.query.get('after') ?? undefined;
    const record = await findUploadRecord(deps.s3, deps.lakeBucket, location, key, sha256, after);
    if (!record) return { refusal: refuse(404, 'pending', PORTAL_MESSAGES.receiptPending()) };
    return { upload, record };
  }

  async function receipt(request: ApiRequest): Promise<ApiResponse> {
    const found = await recordOf(request);
    if ('refusal' in found) return found.refusal;
    return json(200, {
      record: found.record,
      receipt: await readReceipt(deps.s3, deps.lakeBucket, found.record),
    });
  }

  async function annotated(request: ApiRequest): Promise<ApiResponse> {
    const found = await recordOf(request);
    if ('refusal' in found) return found.refusal;
    const { upload, record } = found;
    const stored = await readObject(deps.s3, deps.uploadsBucket, upload.key, record.version_id ?? undefined);
    if (createHash('sha256').update(stored.bytes).digest('hex') !== upload.sha256)
      return refuse(409, 'replaced', PORTAL_MESSAGES.uploadReplaced());
    const receiptValue = await readReceipt(deps.s3, deps.lakeBucket, record);
    const bytes = await annotateUpload(
      stored.bytes,
      receiptValue,
      templateAt(DATASETS[upload.location.dataset], upload.location.period),
    );
    if (!bytes) return refuse(422, 'not_annotatable', PORTAL_MESSAGES.notAnnotatable());
    const url = await annotatedLink(deps.s3, {
      bucket: deps.lakeBucket,
      location: upload.location,
      uploadId: record.upload_id,
      fileName: upload.location.fileName.replace(/\.(csv|xlsx)$/i, '') + '.checked.xlsx',
      bytes,
      now: now(),
    });
    return { status: 303, headers: { location: url, 'cache-control': 'no-store' }, body: '' };
  }

  async function due(request: ApiRequest): Promise<ApiResponse> {
    const period = request.query.get('period') || periodDue(now());
    if (!isPeriod(period)) return refuse(400, 'bad_period', PORTAL_MESSAGES.badPeriod(period));
    // Leadership may look at any province; a province only at itself, whatever it asks for.
    const province = request.scope === 'all' ? (request.query.get('province') ?? '') : (request.scope ?? '');
    if (!/^\d{2}$/.test(province)) return refuse(400, 'bad_request', PORTAL_MESSAGES.badRequest('province'));
    return json(200, await dueReports(deps.s3, deps.lakeBucket, province, period));
  }

  async function upload(request: ApiRequest): Promise<ApiResponse> {
    let parsed;
    try {
      parsed = uploadRequestBody.safeParse(JSON.parse(request.body));
    } catch {
      return refuse(400, 'bad_request', PORTAL_MESSAGES.badRequest('JSON'));
    }
    if (!parsed.success)
      return refuse(
        400,
        'bad_request',
        PORTAL_MESSAGES.badRequest(parsed.error.issues.map((i) => i.path.join('.')).join(', ')),
      );
    const at = now();
    const decision = decideUpload(request.scope, parsed.data, { now: at, maxBytes: deps.maxBytes });
    if (!decision.ok) return refuse(decision.status, decision.error, decision.message);
    const put = await presignUpload(deps.s3, {
      bucket: deps.uploadsBucket,
      key: decision.key,
      size: parsed.data.size,
      sha256Hex: parsed.data.sha256,
      now: at,
    });
    return json(201, {
      key: decision.key,
      sha256: parsed.data.sha256,
      upload: put,
      issued_at: at.toISOString(),
    });
  }

  /** The template of the version in force for `?period=` (default: the month now due). */
  async function template(name: string, request: ApiRequest): Promise<ApiResponse> {
    if (!isDatasetName(name)) return notFound();
    const period = request.query.get('period') || periodDue(now());
    if (!isPeriod(period)) return refuse(400, 'bad_period', PORTAL_MESSAGES.badPeriod(period));
    const def = templateAt(DATASETS[name], period);
    const cached = `${name}@${def.version ?? 1}`;
    let bytes = templates.get(cached);
    if (!bytes) templates.set(cached, (bytes = writeTemplate(def)));
    return xlsx(`${name}.xlsx`, await bytes);
  }

  return async (request) => {
    const { method, path } = request;
    // Anyone may ask who they are: the page then offers sign-in (or, locally, the province switch).
    if (method === 'GET' && path === '/api/me')
      return json(200, {
        scope: request.scope ?? null,
        local: deps.local === true,
        ...(deps.local ? { units: localUnits() } : {}),
      });
    if (request.scope === undefined) return notSignedIn();
    try {
      if (method === 'POST' && path === '/api/uploads') return await upload(request);
      if (method === 'GET' && path === '/api/receipt') return await receipt(request);
      if (method === 'GET' && path === '/api/annotated') return await annotated(request);
      if (method === 'GET' && path === '/api/due') return await due(request);
      const signing = { s3: deps.s3, lakeBucket: deps.lakeBucket, now };
      if (method === 'GET' && path === '/api/approvals') return await approvalStanding(signing, request);
      if (method === 'POST' && path === '/api/approvals') return await postApproval(signing, request);
      if (method === 'GET' && path === '/api/approvals/national')
        return await nationalStanding(signing, request);
      if (method === 'POST' && path === '/api/approvals/publish') return await publishMonth(signing, request);
      if (method === 'GET' && path === '/api/approvals/published')
        return await publishedMonth(signing, request);
      const tpl = /^\/api\/templates\/([a-z]+)\.xlsx$/.exec(path);
      if (method === 'GET' && tpl) return await template(tpl[1]!, request);
      return notFound();
    } catch (error) {
      if (isMissingObject(error)) return notFound();
      throw error;
    }
  };
}
