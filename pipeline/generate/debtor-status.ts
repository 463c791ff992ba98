/**
 * What a debtor's arrears are (late or evading) and what has been done about them (nothing, a
 * suit, a referral to the police, dissolution), carried as two parts of its state month to month.
 * Version 1 of the debt template shows them as one status (`tinh_trang`: the action once one is
 * taken, else the nature); version 2 shows both (`tinh_chat`, `bien_phap`), so the two versions
 * are read off the same state. The monthly chances are sized so that the shares of a month's
 * register match the published enforcement magnitudes (CALIBRATION.md, the status rows).
 */
import type { Rng } from './random.ts';

export type Nature = 'late' | 'evading';
export type Action = 'none' | 'sued' | 'referred_police' | 'dissolved';

export interface DebtorStatus {
  nature: Nature;
  action: Action;
}

/**
 * Chances in a month, for a debtor old enough. Police referrals are a few hundred employers a
 * year nationally at most: ≈ 80 prosecution dossiers a year, 379 under Art. 216 in 2018–2023
 * ([S19]), the police recovering at 58 employers (issue 21); a referred employer stays on the
 * register a year or two, so about 0.1 % of a month's register. Suits are rarer than the fines
 * (≈ 2,000 units fined in 16 months, [S18]): about 0.5 %. Dissolved employers, whose arrears stay
 * until written off: about 1 %. Evasion (as against late payment) a small share: about 4 %.
 */
export const MONTHLY_CHANCE = {
  /** A late debtor 3+ months behind is found to be evading. */
  evades: 0.008,
  /** An evader 6+ months behind is referred to the police (Art. 216 needs 6 months of evasion). */
  referred: 0.002,
  /** A debtor 6+ months behind with no action yet is sued. */
  sued: 0.0013,
  /** A debtor 12+ months behind is dissolved or its owner absconds. */
  dissolved: 0.0045,
} as const;

export const FRESH_STATUS: DebtorStatus = { nature: 'late', action: 'none' };

/** A month's step of a debtor `months` behind: its nature may worsen, an action may be taken. */
export function escalate(rng: Rng, status: DebtorStatus, months: number): void {
  if (status.action === 'dissolved') return;
  if (months >= 3 && status.nature === 'late' && rng.chance(MONTHLY_CHANCE.evades)) status.nature = 'evading';
  if (months >= 12 && rng.chance(MONTHLY_CHANCE.dissolved)) status.action = 'dissolved';
  else if (
    months >= 6 &&
    status.nature === 'evading' &&
    status.action !== 'referred_police' &&
    rng.chance(MONTHLY_CHANCE.referred)
  )
    status.action = 'referred_police';
  else if (months >= 6 && status.action === 'none' && rng.chance(MONTHLY_CHANCE.sued)) status.action = 'sued';
}

/** The single status of template version 1: the action once one is taken, else the nature. */
export function version1Status(status: DebtorStatus): string {
  return status.action === 'none' ? status.nature : status.action;
}
