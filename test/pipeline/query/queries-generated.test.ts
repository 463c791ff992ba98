/**
 * The generated parts of queries/*.sql are current: each file equals what `npm run queries` would
 * write from the dataset definitions, the site data contract and the Art. 216 thresholds, and
 * every part is used somewhere. Independently of the generator, the Art. 216 line is read back
 * and its numbers compared with the TypeScript constants.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ART216 } from '../../../core/measures.ts';
import { GENERATED_PARTS, withGeneratedParts } from '../../../pipeline/query/generated-sql.ts';

const DIR = join(import.meta.dirname, '../../../queries');
const files = readdirSync(DIR).filter((f) => f.endsWith('.sql'));
const text = (f: string) => readFileSync(join(DIR, f), 'utf8');

describe('the generated parts of the queries', () => {
  it.each(files)('%s is current (npm run queries writes it)', (f) => {
    expect(withGeneratedParts(text(f))).toBe(text(f));
  });

  it('uses every part', () => {
    const all = files.map(text).join('\n');
    for (const part of GENERATED_PARTS) expect(all, part).toContain(`-- begin generated: ${part}\n`);
  });

  it("writes the police list's Art. 216 thresholds as core/measures.ts holds them", () => {
    const line = text('police_coordination.sql')
      .split('\n')
      .find((l) => l.includes('AS art216'));
    const numbers = /so_thang_no >= (\d+) AND \(x\.debt_total >= (\d+) OR x\.so_lao_dong >= (\d+)\)/.exec(
      line ?? '',
    );
    expect(numbers?.slice(1).map(Number)).toEqual([ART216.months, ART216.amountVnd, ART216.employees]);
  });

  it('fails a stale file: a hand edit inside a part is written over', () => {
    const sql = text('site_enforcement.sql');
    const stale = sql.replace('AS sanction_decisions', 'AS sanctions');
    expect(stale).not.toBe(sql);
    expect(withGeneratedParts(stale)).toBe(sql);
  });
});
