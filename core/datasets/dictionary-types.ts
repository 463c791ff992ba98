/** A cell type in the data dictionary's words, for the provincial and the national datasets' sections. */
import type { CellType } from './types.ts';

export function typeText(type: CellType): string {
  switch (type.kind) {
    case 'text':
      return 'text';
    case 'tax_code':
      return 'tax code: 10 digits, or 10 digits-3 digits (branch)';
    case 'date':
      return 'date: dd/mm/yyyy or yyyy-mm-dd';
    case 'integer': {
      const range = type.max === undefined ? `≥ ${type.min}` : `${type.min}–${type.max}`;
      const unit = { vnd: ' VND (whole đồng)', count: '', months: ' months' }[type.unit];
      return `integer ${range}${unit}`;
    }
    case 'category':
      return type.options.map((o) => `${o.vi} (${o.en}) \`${o.code}\``).join(' · ');
  }
}
