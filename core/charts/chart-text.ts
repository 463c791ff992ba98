/**
 * How a chart speaks: its words in one language, for the spec builders of core/charts (the
 * dashboard passes the reader's language, the refresh the default view's, so both draw the same
 * chart; text comes from core/messages only), and its numbers and dates as Vietnamese readers
 * write them ("1.234.567,8", "tháng 9") in both languages, for the live views and the charts the
 * refresh draws ahead alike.
 */
import { type Bilingual, type Lang, type TextKey, UI_TEXT } from '../messages/index.ts';

export interface ChartText {
  lang: Lang;
  /** A label of the dashboard's text table in this language. */
  t(key: TextKey): string;
  /** One language of a bilingual text. */
  pick(text: Bilingual): string;
}

export function chartText(lang: Lang): ChartText {
  return {
    lang,
    t: (key) => UI_TEXT[key][lang],
    pick: (text) => text[lang],
  };
}

/** The geography a chart names units in: each month's own units, or today's 34. */
export type ChartGeography = 'as_reported' | 'current';

/** d3-format locale. */
export const FORMAT_LOCALE = { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' đ'] };

/** d3-time-format locale. */
export const TIME_FORMAT_LOCALE = {
  dateTime: '%A, %d/%m/%Y, %X',
  date: '%d/%m/%Y',
  time: '%H:%M:%S',
  periods: ['SA', 'CH'],
  days: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'],
  shortDays: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
  months: Array.from({ length: 12 }, (_, i) => `tháng ${i + 1}`),
  shortMonths: Array.from({ length: 12 }, (_, i) => `Th${i + 1}`),
};
