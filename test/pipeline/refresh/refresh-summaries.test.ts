/**
 * The refresh reads employer-level debt only through the per-upload summaries: none of its
 * queries names vss.debt, so leaving lake/debt/ out of the refresh's mirror loses no figure.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { queriesDir } from '../../../pipeline/query/named-query.ts';
import { REFRESH_DETAIL_DATASETS, refreshMirrorPrefixes } from '../../../pipeline/refresh/refresh.ts';
import { PAGE_DATA } from '../../../core/contracts/site-data.ts';

const REFRESH_QUERIES = [
  'national_monthly',
  'province_monthly',
  'completeness',
  ...Object.values(PAGE_DATA).map((p) => p.query),
];

describe('the refresh', () => {
  it.each(REFRESH_QUERIES)('%s reads only the datasets the refresh mirrors', (name) => {
    const sql = readFileSync(join(queriesDir(), `${name}.sql`), 'utf8').replace(/--[^\n]*/g, '');
    const named = [...sql.matchAll(/\bvss\.(\w+)/g)].map((m) => m[1]);
    const mirrored = new Set<string>([
      ...REFRESH_DETAIL_DATASETS,
      'summaries',
      'uploads',
      'provinces',
      'months',
      'datasets',
      // the national targets: the lake's targets object, mirrored under targets/
      'targets',
    ]);
    expect(named.filter((t) => t !== undefined && !mirrored.has(t))).toEqual([]);
  });

  it('mirrors summaries, the ledger (JSON and compacted), the sign-off records, the targets and the detail of every dataset but debt', () => {
    expect(refreshMirrorPrefixes()).toEqual([
      'lake/coverage/',
      'lake/enforcement/',
      'lake/prosecution/',
      'lake/procedures/',
      'lake/collection/',
      'summaries/',
      'ledger/',
      'ledger-compacted/',
      'approvals/',
      'targets/',
    ]);
  });
});
