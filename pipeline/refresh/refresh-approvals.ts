/**
 * The sign-off state of every unit's reports for the months the site shows (approvals.json), for
 * leadership's counts of approved, pending and reopened units. Decided by the same pure function
 * the ingest and the portal use (pipeline/approval/standing.ts), from the ledger's rows as the
 * engine returned them (reports.json: DuckDB or Athena alike) and the sign-off records copied
 * beside the lake mirror (approvals/<YYYY-MM>/<province>/<id>.json: a handful per unit-month).
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { approvalRecord, type ApprovalRecord } from '../approval/approval-record.ts';
import { reportStanding } from '../approval/standing.ts';
import { DATASET_NAMES } from '../../core/datasets/index.ts';
import { APPROVALS_PREFIX } from '../../core/contracts/layout.ts';
import { approvalRow, type ApprovalRow, type ReportRow } from '../../core/contracts/site-data.ts';
import { StorageError } from '../../core/errors.ts';
import { isPeriod, type Period } from '../../core/period.ts';
import { provinces } from '../reference/provinces.ts';

/**
 * The sign-off records under the mirror's approvals/ folder, for the months given. The published
 * snapshots beside them (approvals/<YYYY-MM>/published/) are not sign-off actions and are skipped.
 */
export async function readApprovalRecords(
  mirrorDir: string,
  months: readonly string[],
): Promise<ApprovalRecord[]> {
  const root = join(mirrorDir, APPROVALS_PREFIX);
  const records: ApprovalRecord[] = [];
  for (const period of months) {
    const monthDir = join(root, period);
    if (!isPeriod(period) || !existsSync(monthDir)) continue;
    for (const province of readdirSync(monthDir)) {
      if (!/^\d{2}$/.test(province)) continue;
      for (const name of readdirSync(join(monthDir, province))) {
        if (!name.endsWith('.json')) continue;
        const path = join(monthDir, province, name);
        const parsed = approvalRecord.safeParse(JSON.parse(await readFile(path, 'utf8')));
        if (!parsed.success) throw new StorageError(`approval record ${path} is malformed`);
        records.push(parsed.data);
      }
    }
  }
  return records;
}

const unitMonth = (period: string, province: string) => `${period}/${province}`;

/**
 * One row per dataset, month and unit valid in that month, in that order. A unit without an
 * accepted upload is `missing` whatever the records say: nothing of it can be approved.
 */
export function approvalRows(
  reports: readonly ReportRow[],
  records: readonly ApprovalRecord[],
  months: readonly Period[],
): ApprovalRow[] {
  const uploads = new Map<string, ReportRow[]>();
  for (const r of reports) {
    const key = `${r.dataset}/${unitMonth(r.period, r.province)}`;
    uploads.set(key, [...(uploads.get(key) ?? []), r]);
  }
  const actions = new Map<string, ApprovalRecord[]>();
  for (const a of records) {
    const key = unitMonth(a.period, a.province);
    actions.set(key, [...(actions.get(key) ?? []), a]);
  }
  const rows: ApprovalRow[] = [];
  for (const dataset of DATASET_NAMES) {
    for (const period of months) {
      for (const { code } of provinces().validIn(period)) {
        const standing = reportStanding(
          { dataset, period, province: code },
          uploads.get(`${dataset}/${unitMonth(period, code)}`) ?? [],
          actions.get(unitMonth(period, code)) ?? [],
        );
        rows.push(
          approvalRow.parse({
            dataset,
            period,
            province: code,
            state: standing.state,
            held: standing.held.length,
          }),
        );
      }
    }
  }
  return rows;
}
