/**
 * The page's language: Vietnamese unless the URL asks for English. Text comes from messages.ts
 * only, so a switch of language redraws the page without reloading it.
 */
import { DATASETS, isDatasetName, lakeColumns } from '../../core/datasets/index.ts';
import { type Bilingual, type Lang, REGION_EN, UI_TEXT, type TextKey } from '../../core/messages/index.ts';

let current: Lang = 'vi';

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
}

export function lang(): Lang {
  return current;
}

export function t(key: TextKey): string {
  return UI_TEXT[key][current];
}

export function pick(text: Bilingual): string {
  return text[current];
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Labels of category codes in both languages, from the dataset schemas (one source for them). */
const CATEGORY_LABEL = new Map<string, Bilingual>();
for (const dataset of Object.values(DATASETS))
  for (const column of dataset.columns)
    if (column.type.kind === 'category')
      for (const option of column.type.options)
        CATEGORY_LABEL.set(option.code, { vi: capitalise(option.vi), en: capitalise(option.en) });
// Columns a later template version added (debt's nature and action): their codes the first columns
// do not already label, so no existing label changes.
for (const dataset of Object.values(DATASETS))
  for (const column of lakeColumns(dataset))
    if (column.type.kind === 'category')
      for (const option of column.type.options)
        if (!CATEGORY_LABEL.has(option.code))
          CATEGORY_LABEL.set(option.code, { vi: capitalise(option.vi), en: capitalise(option.en) });

export function categoryLabel(code: string): string {
  return CATEGORY_LABEL.get(code)?.[current] ?? code;
}

export function datasetTitle(name: string): string {
  if (!isDatasetName(name)) return name;
  return current === 'vi' ? DATASETS[name].titleVi : DATASETS[name].titleEn;
}

export function regionLabel(regionVi: string): string {
  return current === 'vi' ? regionVi : (REGION_EN[regionVi] ?? regionVi);
}
