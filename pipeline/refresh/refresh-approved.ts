/**
 * The national figures "approved only" (national-approved.json, comparisons-approved.json): the
 * same sums as national.json, over only the units whose report of that dataset and month the
 * director approved. The lake and its summaries hold the approved upload of every approved report
 * (pipeline/ingest/counted-upload.ts), so each unit's part is read once (queries/national_parts.sql)
 * and the approved ones are added up here; a unit not approved is left out, never summed as zero,
 * and the row says how many units it sums (provinces_reported, rate_units).
 */
import { z } from 'zod';
import { approvedKeys, reportKey } from '../../core/approved-basis.ts';
import {
  ASSIGNED_TARGETS,
  nationalRow,
  type ApprovalRow,
  type NationalRow,
} from '../../core/contracts/site-data.ts';

/** A row of queries/national_parts.sql: one unit's part of the national sums, for one report. */
export const nationalPart = nationalRow
  .omit({
    rate_debt: true,
    rate_due: true,
    rate_units: true,
    provinces_reported: true,
    provinces_expected: true,
  })
  .extend({ dataset: z.string(), province: z.string().regex(/^\d{2}$/) });
export type NationalPart = z.infer<typeof nationalPart>;

/** The targets a part carries may be missing (null): their sum leaves those units out. */
type Assigned = keyof typeof ASSIGNED_TARGETS;
const ASSIGNED = Object.keys(ASSIGNED_TARGETS) as Assigned[];
const isAssigned = (k: string): k is Assigned => (ASSIGNED as string[]).includes(k);
type Summed = Exclude<keyof NationalPart, 'dataset' | 'period' | 'province' | Assigned>;
const SUMMED = Object.keys(nationalPart.shape).filter(
  (k): k is Summed => k !== 'dataset' && k !== 'period' && k !== 'province' && !isAssigned(k),
);

/** The sum of the values present; null when none is (no unit with an assigned target). */
function sumPresent(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((s, v) => s + v, 0);
}

/**
 * national.json's rows again, summed over the approved reports only. The months and the units
 * expected are national.json's; the late-payment rate's parts keep their like-for-like rule
 * (units whose debt and collection reports are both approved).
 */
export function approvedNational(
  national: readonly NationalRow[],
  parts: readonly NationalPart[],
  approvals: readonly ApprovalRow[],
): NationalRow[] {
  const approved = approvedKeys(approvals);
  const mine = parts.filter((p) => approved.has(reportKey(p.dataset, p.period, p.province)));
  const byKey = new Map(mine.map((p) => [reportKey(p.dataset, p.period, p.province), p]));
  const part = (dataset: string, period: string, province: string) =>
    byKey.get(reportKey(dataset, period, province));
  return national.map((row) => {
    const month = mine.filter((p) => p.period === row.period);
    const sums = Object.fromEntries(SUMMED.map((k) => [k, month.reduce((s, p) => s + p[k], 0)]));
    const assigned = Object.fromEntries(ASSIGNED.map((k) => [k, sumPresent(month.map((p) => p[k]))]));
    const debtUnits = month.filter((p) => p.dataset === 'debt');
    const rated = debtUnits
      .map((d) => ({ debt: d, collection: part('collection', row.period, d.province) }))
      .filter((u) => u.collection !== undefined);
    return nationalRow.parse({
      ...sums,
      ...assigned,
      period: row.period,
      rate_debt: rated.reduce((s, u) => s + u.debt.debt_total, 0),
      rate_due: rated.reduce((s, u) => s + (u.collection?.collection_due ?? 0), 0),
      rate_units: rated.length,
      provinces_reported: approvals.filter(
        (a) => a.dataset === 'debt' && a.period === row.period && a.state === 'approved',
      ).length,
      provinces_expected: row.provinces_expected,
    });
  });
}
