/**
 * The uploads of a soak run, drawn from a seed: every unit of every chosen month sends a debt
 * report, then random extra uploads follow — corrections, broken files (a negative debt) and
 * resends of bytes already sent. What the lake must end up holding is worked out here from the
 * files alone, independently of the pipeline: per province-month the latest-arrived valid file.
 */
import { uploadKey } from '../../core/contracts/layout.ts';
import type { Period } from '../../core/period.ts';
import { provinces } from '../../pipeline/reference/provinces.ts';
import { brokenDebtCsv, debtCsv } from '../fixtures/ingest-fixture.ts';
import type { Random } from './fault-random.ts';

export type UploadKind = 'first' | 'correction' | 'broken' | 'resend';

export interface PlannedUpload {
  key: string;
  body: string;
  /** When the province sent it: the arrival order the ledger judges by. */
  submittedAt: string;
  kind: UploadKind;
  period: Period;
  province: string;
  valid: boolean;
}

export function planUploads(
  random: Random,
  o: { periods: readonly Period[]; uploads: number },
): PlannedUpload[] {
  const pms = o.periods.flatMap((period) =>
    provinces()
      .validIn(period)
      .map((u) => ({ period, province: u.code })),
  );
  const sent = new Map<string, PlannedUpload[]>();
  const plan: PlannedUpload[] = [];
  let seed = 1;
  const add = (pm: { period: Period; province: string }, kind: UploadKind) => {
    const earlier = sent.get(`${pm.period}/${pm.province}`) ?? [];
    const valid = earlier.filter((u) => u.valid);
    let body: string;
    if (kind === 'broken') body = brokenDebtCsv(2 + random.below(6), seed++);
    else if (kind === 'resend' && valid.length > 0) body = random.pick(valid).body;
    else body = debtCsv(1 + random.below(8), seed++);
    const n = earlier.length;
    const [year, month] = pm.period.split('-').map(Number) as [number, number];
    // Sent in the month after the period, an hour apart per resend, so arrival is never a tie.
    const submittedAt = new Date(
      Date.UTC(year, month, 2 + random.below(5), n, random.below(60)),
    ).toISOString();
    const upload: PlannedUpload = {
      key: uploadKey({
        dataset: 'debt',
        period: pm.period,
        province: pm.province,
        fileName: `bao-cao-no-${n + 1}.csv`,
      }),
      body,
      submittedAt: n === 0 ? submittedAt : laterThan(earlier.at(-1)!.submittedAt, n),
      kind,
      period: pm.period,
      province: pm.province,
      valid: kind !== 'broken',
    };
    sent.set(`${pm.period}/${pm.province}`, [...earlier, upload]);
    plan.push(upload);
  };
  for (const pm of pms) add(pm, 'first');
  while (plan.length < o.uploads) {
    add(random.pick(pms), random.pick(['correction', 'correction', 'broken', 'resend'] as const));
  }
  return plan;
}

const laterThan = (iso: string, n: number) => new Date(Date.parse(iso) + (n + 1) * 3_600_000).toISOString();

/** Per province-month (`period/province`), the upload whose rows the lake must hold. */
export function expectedInForce(sent: readonly PlannedUpload[]): Map<string, PlannedUpload> {
  const inForce = new Map<string, PlannedUpload>();
  for (const u of sent) {
    if (!u.valid) continue;
    const pm = `${u.period}/${u.province}`;
    const current = inForce.get(pm);
    if (!current || u.submittedAt > current.submittedAt) inForce.set(pm, u);
  }
  return inForce;
}

/** The national debt (BHXH + BHYT + BHTN) of each period, summed over the files in force. */
export function expectedNationalDebt(sent: readonly PlannedUpload[]): Map<Period, number> {
  const totals = new Map<Period, number>();
  for (const u of expectedInForce(sent).values()) {
    totals.set(u.period, (totals.get(u.period) ?? 0) + debtTotalOf(u.body));
  }
  return totals;
}

function debtTotalOf(csv: string): number {
  const [header, ...lines] = csv.trim().split('\n');
  const names = header!.split(',');
  const columns = ['no_bhxh', 'no_bhyt', 'no_bhtn'].map((name) => names.indexOf(name));
  let total = 0;
  for (const line of lines) {
    const cells = line.split(',');
    for (const c of columns) total += Number(cells[c]);
  }
  return total;
}
