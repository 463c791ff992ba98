/** A reporting month, always `YYYY-MM`. Text compares in time order, which both engines rely on. */
export type Period = string;

/** First month reported by the 34 units of Resolution 202/2025/QH15; the 63 units end the month before. */
export const REFORM_FIRST_PERIOD: Period = '2025-07';
export const REFORM_LAST_OLD_PERIOD: Period = '2025-06';
/** The earliest period the platform accepts uploads for. */
export const FIRST_PERIOD: Period = '2015-01';

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: string): value is Period {
  return PERIOD.test(value);
}

export function parsePeriod(value: string): Period {
  if (!isPeriod(value)) throw new RangeError(`not a period (YYYY-MM): ${JSON.stringify(value)}`);
  return value;
}

export function addMonths(period: Period, months: number): Period {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every period from `from` to `to`, both included. */
export function periodRange(from: Period, to: Period): Period[] {
  const out: Period[] = [];
  for (let p = from; p <= to; p = addMonths(p, 1)) out.push(p);
  return out;
}

/** The month a date falls in, in Vietnam's time zone (UTC+7, no daylight saving). */
export function periodOf(date: Date): Period {
  const local = new Date(date.getTime() + 7 * 3600_000);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}
