/**
 * The prosecution-dossier register of every old (63) unit, month by month. A dossier keeps its
 * id for life and moves through the stages; most end not prosecuted, few reach a verdict. As
 * with debt, a merged unit reports the union of its old units' registers.
 */
import type { ARTICLES, STAGES } from '../../core/measures.ts';
import { addMonths, periodRange, type Period } from '../../core/period.ts';
import type { Unit } from '../reference/provinces.ts';
import { NATIONAL, populationShare } from './calibration.ts';
import type { TaxCodes } from './employers.ts';
import { Rng } from './random.ts';
import type { Row } from './rows.ts';

type Stage = (typeof STAGES)[number];

interface Dossier {
  id: string;
  article: (typeof ARTICLES)[number];
  taxCode: string;
  sentOn: string;
  stage: Stage;
  amount: number;
}

/** Chance per month of moving from a stage, and where to. Final stages have none. */
const MOVES: Partial<Record<Stage, ReadonlyArray<readonly [Stage, number]>>> = {
  sent: [
    ['accepted', 0.25],
    ['returned', 0.03],
  ],
  // Of 417 dossiers sent 2018-2023, 15 were prosecuted and 220 not: prosecution is rare.
  accepted: [
    ['not_prosecuted', 0.05],
    ['prosecuted', 0.004],
    ['suspended', 0.008],
  ],
  prosecuted: [['tried', 0.04]],
  returned: [['sent', 0.2]],
};

/** The register reaches back two years before the first simulated month. */
const BACKLOG_MONTHS = 24;

function advance(rng: Rng, d: Dossier): void {
  const roll = rng.next();
  let cumulative = 0;
  for (const [stage, p] of MOVES[d.stage] ?? []) {
    cumulative += p;
    if (roll < cumulative) {
      d.stage = stage;
      return;
    }
  }
}

function open(rng: Rng, unit: Unit, period: Period, serial: number, codes: TaxCodes): Dossier {
  const roll = rng.next();
  const article = roll < 0.9 ? '216' : roll < 0.98 ? '214' : '215';
  // Art. 214/215 are usually individual benefit fraud with no employer behind them.
  const employer = article === '216' || rng.chance(0.2);
  const day = String(rng.int(1, 28)).padStart(2, '0');
  const [year, month] = period.split('-') as [string, string];
  return {
    id: `HS-${unit.code}-${year}-${String(serial).padStart(3, '0')}`,
    article,
    taxCode: employer ? codes.next(rng, unit.code) : '',
    sentOn: `${day}/${month}/${year}`,
    stage: 'sent',
    amount: Math.round(rng.logNormal(article === '216' ? 600_000_000 : 150_000_000, 0.8) / 1000) * 1000,
  };
}

function toRow(d: Dossier): Row {
  return {
    ma_ho_so: d.id,
    dieu_luat: d.article,
    ma_so_thue: d.taxCode,
    ngay_gui: d.sentOn,
    trang_thai: d.stage,
    so_tien: d.amount,
  };
}

/** Rows of every old unit's register for every month from `start` to `to`, keyed `<period>/<old code>`. */
export function simulateDossiers(
  seed: number,
  units: readonly Unit[],
  start: Period,
  to: Period,
  codes: TaxCodes,
): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const unit of units) {
    const register: Dossier[] = [];
    const serials = new Map<string, number>();
    const rate = (NATIONAL.dossiersPerYear / 12) * populationShare(unit);
    for (const period of periodRange(addMonths(start, -BACKLOG_MONTHS), to)) {
      const rng = new Rng(seed, 'dossiers', unit.code, period);
      for (const d of register) advance(rng, d);
      // Every office has at least one dossier on its register, so no register is reported empty.
      const opened =
        register.length === 0 && period === start ? Math.max(1, rng.poisson(rate)) : rng.poisson(rate);
      for (let i = 0; i < opened; i++) {
        const year = period.slice(0, 4);
        const serial = (serials.get(year) ?? 0) + 1;
        serials.set(year, serial);
        register.push(open(rng, unit, period, serial, codes));
      }
      if (period >= start) out.set(`${period}/${unit.code}`, register.map(toRow));
    }
  }
  return out;
}
