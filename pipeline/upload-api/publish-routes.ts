/**
 * Publishing a month (the national level) and reading it back with what changed since:
 *
 *   POST /api/approvals/publish {period}     freeze the counted figures of every report
 *   GET  /api/approvals/published?period=    the latest snapshot and the differences from now
 */
import { ListObjectsCommand, type S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import {
  publishedSnapshot,
  snapshotDifferences,
  snapshotIdOf,
  type PublishedSnapshot,
} from '../approval/published-snapshot.ts';
import { publishedKey, publishedPrefix } from '../../core/contracts/layout.ts';
import { DATASET_NAMES } from '../../core/datasets/index.ts';
import { APPROVAL_MESSAGES, PORTAL_MESSAGES } from '../../core/messages/index.ts';
import { isPeriod, type Period } from '../../core/period.ts';
import { putJsonObject, readObject } from '../storage/object-bytes.ts';
import { nationalApproval } from './approval-national.ts';
import { json, refuse, type ApiRequest, type ApiResponse } from '../../core/contracts/api-types.ts';

interface Deps {
  s3: S3Client;
  lakeBucket: string;
  now: () => Date;
}

async function countedNow(deps: Deps, period: Period): Promise<PublishedSnapshot['reports']> {
  const reports: PublishedSnapshot['reports'] = {};
  for (const dataset of DATASET_NAMES) {
    const view = await nationalApproval(deps.s3, deps.lakeBucket, period, dataset);
    reports[dataset] = Object.fromEntries(
      view.provinces.flatMap((p) => (p.counted ? [[p.province, p.counted] as const] : [])),
    );
  }
  return reports;
}

export async function publishMonth(deps: Deps, request: ApiRequest): Promise<ApiResponse> {
  if (request.approver?.role !== 'national' || request.scope !== 'all')
    return refuse(403, 'not_national', APPROVAL_MESSAGES.notNational());
  let raw: unknown;
  try {
    raw = JSON.parse(request.body || '{}');
  } catch {
    return refuse(400, 'bad_request', PORTAL_MESSAGES.badRequest('JSON'));
  }
  const parsed = z.object({ period: z.string() }).safeParse(raw);
  const period = parsed.success ? parsed.data.period : '';
  if (!isPeriod(period)) return refuse(400, 'bad_period', PORTAL_MESSAGES.badPeriod(period));
  const body = {
    period,
    actor: request.approver.actor,
    role: 'national' as const,
    at: deps.now().toISOString(),
    reports: await countedNow(deps, period),
  };
  const snapshot = publishedSnapshot.parse({ ...body, snapshot_id: snapshotIdOf(body) });
  const key = publishedKey(period, snapshot.snapshot_id);
  await putJsonObject(deps.s3, deps.lakeBucket, key, snapshot, { once: true });
  return json(201, { key, snapshot });
}

export async function publishedMonth(deps: Deps, request: ApiRequest): Promise<ApiResponse> {
  if (request.scope !== 'all') return refuse(403, 'not_leadership', APPROVAL_MESSAGES.notNational());
  const period = request.query.get('period') ?? '';
  if (!isPeriod(period)) return refuse(400, 'bad_period', PORTAL_MESSAGES.badPeriod(period));
  const listed = await deps.s3.send(
    new ListObjectsCommand({ Bucket: deps.lakeBucket, Prefix: publishedPrefix(period) }),
  );
  const snapshots = await Promise.all(
    (listed.Contents ?? []).map(async (o) => {
      const { bytes } = await readObject(deps.s3, deps.lakeBucket, o.Key ?? '');
      return publishedSnapshot.parse(JSON.parse(new TextDecoder().decode(bytes)));
    }),
  );
  const latest = snapshots.sort((a, b) => a.at.localeCompare(b.at)).at(-1);
  if (!latest) return refuse(404, 'not_found', PORTAL_MESSAGES.notFound());
  return json(200, {
    snapshot: latest,
    differences: snapshotDifferences(latest, await countedNow(deps, period)),
  });
}
