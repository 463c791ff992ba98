import { writeFileSync } from 'node:fs';
import { renderDataDictionary } from '../lib/datasets/dictionary.ts';

writeFileSync(new URL('../docs/data-dictionary.md', import.meta.url), renderDataDictionary());
