/** `npm run queries`: writes the generated parts of queries/*.sql afresh (pipeline/query/generated-sql.ts). */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { withGeneratedParts } from '../pipeline/query/generated-sql.ts';

const dir = new URL('../queries/', import.meta.url);
for (const name of readdirSync(dir).filter((f) => f.endsWith('.sql'))) {
  const file = new URL(name, dir);
  const before = readFileSync(file, 'utf8');
  const after = withGeneratedParts(before);
  if (after !== before) writeFileSync(file, after);
}
