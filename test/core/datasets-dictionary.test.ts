import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../core/datasets/index.ts';
import { renderDataDictionary } from '../../core/datasets/dictionary.ts';

describe('data dictionary', () => {
  const committed = readFileSync(new URL('../../docs/data-dictionary.md', import.meta.url), 'utf8');

  it('is the committed docs/data-dictionary.md (run `npm run docs` after changing a dataset)', () => {
    expect(committed).toBe(renderDataDictionary());
  });

  it('lists every column of every dataset with its Vietnamese header', () => {
    for (const dataset of Object.values(DATASETS)) {
      for (const column of dataset.columns)
        expect(committed).toContain(`| \`${column.key}\` | ${column.vi} |`);
    }
  });
});
