/**
 * The compaction rule's cron is UTC (EventBridge rules have no time zone) and must fire on day 1
 * of the month at the chosen hour in Vietnam (UTC+7, no daylight saving), for every hour and
 * across month and year ends (a short February, a leap year, December into January).
 */
import { describe, expect, it } from 'vitest';
import { vietnamDayOneCron } from '../../infra/constructs/compaction-schedule.ts';

/** The UTC instant the cron fields fire at in the UTC month that holds the given day 1. */
function firing(fields: { day: string; hour: string; minute: string }, year: number, month: number): Date {
  const hour = Number(fields.hour);
  if (fields.day === '1') return new Date(Date.UTC(year, month, 1, hour, Number(fields.minute)));
  expect(fields.day).toBe('L');
  // Day 0 of a month is the last day of the month before.
  return new Date(Date.UTC(year, month, 0, hour, Number(fields.minute)));
}

/** The Vietnam wall clock of an instant, as text. */
const inVietnam = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16);

describe('vietnamDayOneCron', () => {
  it.each([
    [2025, 0],
    [2024, 2],
    [2025, 2],
    [2026, 9],
  ])('fires at every hour of day 1 in Vietnam (%i, month index %i)', (year, month) => {
    for (let hour = 0; hour < 24; hour++) {
      const expected = `${year}-${String(month + 1).padStart(2, '0')}-01T${String(hour).padStart(2, '0')}:00`;
      expect(inVietnam(firing(vietnamDayOneCron(hour), year, month))).toBe(expected);
    }
  });

  it('spells 02:00 in Vietnam as 19:00 UTC on the last day, and 09:00 as 02:00 UTC on day 1', () => {
    expect(vietnamDayOneCron(2)).toEqual({ day: 'L', hour: '19', minute: '0' });
    expect(vietnamDayOneCron(9)).toEqual({ day: '1', hour: '2', minute: '0' });
  });

  it('refuses what is not an hour', () => {
    expect(() => vietnamDayOneCron(24)).toThrow(RangeError);
    expect(() => vietnamDayOneCron(1.5)).toThrow(RangeError);
  });
});
