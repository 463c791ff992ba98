/**
 * What the instructions sheet says about each column and each row rule, in Vietnamese and
 * English, derived from the dataset definition alone.
 */
import { isRequired, type ColumnDef, type DatasetDef, type RowRule } from '../../core/datasets/index.ts';

/**
 * What a template is made from: a provincial dataset's definition, or a national reference
 * dataset's (core/reference/national-dataset.ts), which has the same titles, columns and rules.
 */
export type TemplateSource = Pick<
  DatasetDef,
  'titleVi' | 'titleEn' | 'grainVi' | 'grainEn' | 'columns' | 'rowRules'
>;
import { RULE_MESSAGES, TEMPLATE_TEXT, type Bilingual } from '../../core/messages/index.ts';

export function typeText(c: ColumnDef): Bilingual {
  const t = c.type;
  switch (t.kind) {
    case 'text':
      return TEMPLATE_TEXT.text;
    case 'tax_code':
      return TEMPLATE_TEXT.taxCode;
    case 'date':
      return TEMPLATE_TEXT.date;
    case 'integer':
      return TEMPLATE_TEXT.integer(t.unit, t.min, t.max);
    case 'category':
      return TEMPLATE_TEXT.category(
        t.options.map((o) => o.vi),
        t.options.map((o) => o.code),
      );
  }
}

export function presenceText(c: ColumnDef, dataset: TemplateSource): Bilingual {
  const governed = dataset.rowRules.some((r) => r.kind === 'required_unless' && r.column === c.key);
  const parts = [
    governed || !isRequired(c) ? TEMPLATE_TEXT.optional : TEMPLATE_TEXT.required,
    ...(c.unique ? [TEMPLATE_TEXT.unique] : []),
  ];
  return { vi: parts.map((p) => p.vi).join(', '), en: parts.map((p) => p.en).join(', ') };
}

/** A row rule as the officer reads it: the headers joined by the rule's sign, or its sentence. */
export function rowRuleText(dataset: TemplateSource, rule: RowRule): Bilingual {
  const label = (key: string): ColumnDef => {
    const found = dataset.columns.find((c) => c.key === key);
    if (!found) throw new Error(`${dataset.titleEn} has no column ${key}`);
    return found;
  };
  const both = (build: (lang: 'vi' | 'en') => string): Bilingual => ({ vi: build('vi'), en: build('en') });
  switch (rule.kind) {
    case 'sum_equals':
      return both(
        (lang) =>
          `${rule.parts.map((p) => `"${label(p)[lang]}"`).join(' + ')} = "${label(rule.total)[lang]}"`,
      );
    case 'not_greater':
      return both((lang) => `"${label(rule.left)[lang]}" ≤ "${label(rule.right)[lang]}"`);
    case 'required_unless':
      return RULE_MESSAGES['rule.required_unless']({
        column: label(rule.column),
        when: label(rule.when),
        values: [...rule.values],
      });
    case 'all_or_none':
      return both((lang) =>
        lang === 'vi'
          ? `${rule.columns.map((p) => `"${label(p).vi}"`).join(', ')}: điền đủ cả hoặc để trống cả`
          : `${rule.columns.map((p) => `"${label(p).en}"`).join(', ')}: all filled, or none`,
      );
    case 'paid_off':
      return both(
        (lang) =>
          `${rule.owed.map((p) => `"${label(p)[lang]}"`).join(' + ')} = 0 ⇒ "${label(rule.recovered)[lang]}" > 0, "${label(rule.months)[lang]}" = 0`,
      );
  }
}
