/**
 * The words of a chart in one language, for the spec builders of core/charts: the dashboard
 * passes the reader's language, the refresh the default view's, so both draw the same chart.
 * Text comes from core/messages only (the dashboard's i18n module reads the same tables).
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
