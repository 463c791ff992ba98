import { writeFileSync } from 'node:fs';
import { renderDataDictionary } from '../core/datasets/dictionary.ts';

writeFileSync(new URL('../docs/data-dictionary.md', import.meta.url), renderDataDictionary());
