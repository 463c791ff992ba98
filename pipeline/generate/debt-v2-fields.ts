/**
 * What a debtor row adds from template version 2 of the debt report (core/datasets/debt.ts): the
 * employer's sector, the late-payment interest, the status split into nature and action, and the
 * rows of employers that paid everything off in the month. The sector is drawn from a stream of its
 * own (keyed by the tax code), so the columns of version 1 are the same numbers with or without it.
 */
import type { DebtorStatus } from './debtor-status.ts';
import { Rng } from './random.ts';
import type { Row } from './rows.ts';

/**
 * Shares of debtors by sector: non-state enterprises held about 80 % of the 2022 debt (VSS
 * reporting, in issue 21's background); state and foreign-invested employers owe less often.
 */
const SECTOR_SHARES: readonly [string, number][] = [
  ['non_state', 0.8],
  ['fdi', 0.08],
  ['state', 0.03],
  ['public', 0.05],
  ['other', 0.04],
];
/** Late-payment interest, 0.03 % a day of the amount late (Law on Social Insurance 2024, Art. 40). */
const INTEREST_PER_DAY = 0.0003;

function sectorOf(rng: Rng): string {
  let draw = rng.next();
  for (const [code, share] of SECTOR_SHARES) {
    if (draw < share) return code;
    draw -= share;
  }
  return 'other';
}

const owedOf = (row: Row) => Number(row.no_bhxh) + Number(row.no_bhyt) + Number(row.no_bhtn);

/**
 * Interest on arrears that built up evenly over `so_thang_no` months: on average half of them,
 * 30 days a month, at the daily rate; whole thousands of đồng.
 */
function interestOf(row: Row): number {
  const days = (Number(row.so_thang_no) * 30) / 2;
  return Math.round((owedOf(row) * INTEREST_PER_DAY * days) / 1000) * 1000;
}

/**
 * A version-1 row with the columns version 2 adds; nature and action come from the same state
 * as the row's `tinh_trang`, so the two versions agree (a referred evader stays an evader).
 */
export function withVersion2Fields(row: Row, status: DebtorStatus): Row {
  const rng = new Rng(0, 'debt-v2', String(row.ma_so_thue));
  return {
    ...row,
    khu_vuc: sectorOf(rng),
    lai_cham_dong: interestOf(row),
    tinh_chat: status.nature,
    bien_phap: status.action,
  };
}

/** The row of an employer that paid its whole balance this month and leaves the register. */
export function paidOffRow(last: Row, paid: number, status: DebtorStatus): Row {
  return withVersion2Fields(
    {
      ...last,
      no_bhxh: 0,
      no_bhyt: 0,
      no_bhtn: 0,
      so_thang_no: 0,
      da_thu_hoi: paid,
    },
    status,
  );
}
