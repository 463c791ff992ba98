/**
 * Who may sign off a province-month: the roles an approver holds and the approver the signed
 * sign-off cookie names. Shared by the upload API (pipeline/approval, pipeline/auth) and the
 * request it hands over (api-types.ts), so it lives where the browser may read it too.
 */

/** `director`: the province's director; `national`: the national level (returns, publishes). */
export const APPROVER_ROLES = ['director', 'national'] as const;
export type ApproverRole = (typeof APPROVER_ROLES)[number];

/** Who acts, from the signed session: a province's director, or the national level (`all`). */
export interface Approver {
  scope: 'all' | string;
  role: ApproverRole;
  actor: string;
}
