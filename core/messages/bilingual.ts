/**
 * The shape of every sentence: Vietnamese first, then English. Apart from messages.ts so that a
 * message module messages.ts draws on can name the shape without importing it back.
 */
export interface Bilingual {
  vi: string;
  en: string;
}
export type Lang = keyof Bilingual;
export const LANGS: readonly Lang[] = ['vi', 'en'];
