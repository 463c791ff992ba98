/**
 * The sign-off routes of the upload API:
 *
 *   GET  /api/approvals?period=[&province=]   each report's standing: approved, pending, reopened
 *   POST /api/approvals                       {action, period, province, covers | datasets, reason}
 *   GET  /api/approvals/national?period=&dataset=   leadership: units by state, totals three ways
 *
 * The caller's province and role come from `request.scope` and `request.approver`, which the
 * adapter took from the signed cookies; the body only names the month and the uploads.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { putApproval, listApprovals } from '../approval/approval-store.ts';
import { signOff, signOffRequest } from '../approval/sign-off.ts';
import { reportStanding } from '../approval/standing.ts';
import { DATASET_NAMES, isDatasetName } from '../../core/datasets/index.ts';
import { listLedger } from '../ledger/ledger-store.ts';
import { APPROVAL_MESSAGES, PORTAL_MESSAGES } from '../../core/messages/index.ts';
import { isPeriod } from '../../core/period.ts';
import { nationalApproval } from './approval-national.ts';
import { json, refuse, type ApiRequest, type ApiResponse } from '../../core/contracts/api-types.ts';

interface Deps {
  s3: S3Client;
  lakeBucket: string;
  now: () => Date;
}

export async function approvalStanding(deps: Deps, request: ApiRequest): Promise<ApiResponse> {
  const period = request.query.get('period') ?? '';
  if (!isPeriod(period)) return refuse(400, 'bad_period', PORTAL_MESSAGES.badPeriod(period));
  const province = request.scope === 'all' ? (request.query.get('province') ?? '') : (request.scope ?? '');
  if (!/^\d{2}$/.test(province)) return refuse(400, 'bad_request', PORTAL_MESSAGES.badRequest('province'));
  const approvals = await listApprovals(deps.s3, deps.lakeBucket, { period, province });
  const reports = await Promise.all(
    DATASET_NAMES.map(async (dataset) => {
      const ledger = await listLedger(deps.s3, deps.lakeBucket, { dataset, period, province });
      const s = reportStanding({ dataset, period, province }, ledger, approvals);
      return {
        dataset,
        state: s.state,
        latest_accepted: s.latestAccepted?.upload_id ?? null,
        counted: s.counted?.upload_id ?? null,
        approved: s.approved?.upload_id ?? null,
        held: s.held.map((r) => ({
          upload_id: r.upload_id,
          file_name: r.file_name,
          received_at: r.received_at,
        })),
        last_action: s.lastAction
          ? {
              action: s.lastAction.action,
              actor: s.lastAction.actor,
              at: s.lastAction.at,
              reason: s.lastAction.reason,
            }
          : null,
      };
    }),
  );
  return json(200, { period, province, may_sign_off: request.approver?.role ?? null, reports });
}

export async function postApproval(deps: Deps, request: ApiRequest): Promise<ApiResponse> {
  if (!request.approver) return refuse(403, 'not_director', APPROVAL_MESSAGES.notDirector());
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    return refuse(400, 'bad_request', PORTAL_MESSAGES.badRequest('JSON'));
  }
  const parsed = signOffRequest.safeParse(body);
  if (!parsed.success)
    return refuse(
      400,
      'bad_request',
      PORTAL_MESSAGES.badRequest(parsed.error.issues.map((i) => i.path.join('.')).join(', ')),
    );
  // The session's scope is checked once more here, so a cookie pair out of step is never trusted.
  if (request.approver.scope !== request.scope)
    return refuse(403, 'other_province', APPROVAL_MESSAGES.otherProvince(parsed.data.province));
  const outcome = await signOff(deps.s3, deps.lakeBucket, request.approver, parsed.data, deps.now());
  if (!outcome.ok) return refuse(outcome.status, outcome.error, outcome.message);
  const key = await putApproval(deps.s3, deps.lakeBucket, outcome.record);
  return json(201, { key, record: outcome.record });
}

export async function nationalStanding(deps: Deps, request: ApiRequest): Promise<ApiResponse> {
  if (request.scope !== 'all') return refuse(403, 'not_leadership', APPROVAL_MESSAGES.notNational());
  const period = request.query.get('period') ?? '';
  if (!isPeriod(period)) return refuse(400, 'bad_period', PORTAL_MESSAGES.badPeriod(period));
  const dataset = request.query.get('dataset') ?? 'debt';
  if (!isDatasetName(dataset)) return refuse(400, 'bad_request', PORTAL_MESSAGES.badRequest('dataset'));
  return json(200, await nationalApproval(deps.s3, deps.lakeBucket, period, dataset));
}
