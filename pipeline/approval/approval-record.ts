/**
 * One immutable sign-off record of a province-month, stored as JSON at approvalKey(...). Modelled
 * on DHIS2's data approval: a named person approves a unit's data for a period, approved data is
 * locked, and a higher level may return it. The record names the uploads it covers, so a newer
 * upload that arrived while the director was reading is never approved by accident.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DATASET_NAMES, type DatasetName } from '../../core/datasets/index.ts';
import { APPROVER_ROLES } from '../../core/contracts/approver.ts';

export const APPROVAL_ACTIONS = ['approve', 'reopen', 'return', 'publish'] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

const datasetName = z.enum(DATASET_NAMES as [DatasetName, ...DatasetName[]]);

export const approvalRecord = z
  .object({
    approval_id: z.string().regex(/^[0-9a-f]{24}$/u),
    action: z.enum(APPROVAL_ACTIONS),
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/u),
    province: z.string().regex(/^\d{2}$/u),
    /** Per report: the upload the action is about (approved, reopened, returned or published). */
    covers: z
      .array(z.object({ dataset: datasetName, upload_id: z.string().min(1) }))
      .min(1)
      .refine((c) => new Set(c.map((x) => x.dataset)).size === c.length, 'one upload per report'),
    /** Who acted: the signed-in user's name as the session carries it. */
    actor: z.string().min(1).max(200),
    role: z.enum(APPROVER_ROLES),
    /** When the action was taken (ISO 8601, UTC, from the server's clock). */
    at: z.string().datetime(),
    /** Why the month was reopened or returned; null for approve and publish. */
    reason: z.string().max(2000).nullable(),
  })
  .refine((r) => (r.action === 'reopen' || r.action === 'return' ? (r.reason ?? '').trim() !== '' : true), {
    message: 'a reopen or a return needs a reason',
    path: ['reason'],
  })
  .refine((r) => (r.action === 'return' || r.action === 'publish' ? r.role === 'national' : true), {
    message: 'only the national level returns or publishes',
    path: ['role'],
  })
  .refine((r) => (r.action === 'approve' || r.action === 'reopen' ? r.role === 'director' : true), {
    message: "only the province's director approves or reopens",
    path: ['role'],
  });
export type ApprovalRecord = z.infer<typeof approvalRecord>;

/** A stable id from the record's content, so writing the same action twice writes one object. */
export function approvalIdOf(record: Omit<ApprovalRecord, 'approval_id'>): string {
  const canonical = JSON.stringify([
    record.action,
    record.period,
    record.province,
    [...record.covers].sort((a, b) => a.dataset.localeCompare(b.dataset)),
    record.actor,
    record.role,
    record.at,
    record.reason,
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 24);
}
