import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATASETS,
  isRequired,
  templateAt,
  type ColumnDef,
  type DatasetDef,
} from '../../../core/datasets/index.ts';
import { generateSamples, type Manifest } from '../../../pipeline/generate/index.ts';
import { readSample, type SampleCell, type SampleTable } from '../../../pipeline/generate/read-sample.ts';
import { provinces } from '../../../pipeline/reference/provinces.ts';

let out = '';
let manifest: Manifest;
const tables = new Map<string, SampleTable>();

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'vss-gen-rules-'));
  const result = await generateSamples({ out, from: '2025-06', to: '2025-07', seed: 3 });
  manifest = JSON.parse(await readFile(result.manifestPath, 'utf8')) as Manifest;
  for (const f of manifest.files) tables.set(f.path, await readSample(join(out, f.path)));
});
afterAll(() => rm(out, { recursive: true, force: true }));

/** Each cell against its column type, written out here rather than taken from the validator. */
function cellProblem(column: ColumnDef, cell: SampleCell | undefined): string | undefined {
  const text = cell === undefined ? '' : String(cell);
  if (text === '') return isRequired(column) ? 'empty' : undefined;
  const t = column.type;
  switch (t.kind) {
    case 'text':
      return undefined;
    case 'tax_code':
      return /^\d{10}(-\d{3})?$/.test(text) ? undefined : 'tax code';
    case 'date':
      return /^(\d{2}\/\d{2}\/\d{4}|\d{4}-\d{2}-\d{2})$/.test(text) ? undefined : 'date';
    case 'category':
      return t.options.some((o) => o.vi === text) ? undefined : 'label';
    case 'integer': {
      const n = Number(text);
      const ok = /^\d+$/.test(text) && n >= t.min && (t.max === undefined || n <= t.max);
      return ok ? undefined : 'integer';
    }
  }
}

function rowProblems(def: DatasetDef, table: SampleTable): string[] {
  const problems: string[] = [];
  const index = (key: string) => def.columns.findIndex((c) => c.key === key);
  const num = (row: SampleCell[], key: string) => Number(row[index(key)]);
  const seen = new Map<string, Set<string>>();
  table.rows.forEach((row, r) => {
    def.columns.forEach((c, i) => {
      const problem = cellProblem(c, row[i]);
      if (problem) problems.push(`row ${r} ${c.key}: ${problem} (${String(row[i])})`);
      if (c.unique && row[i] !== '') {
        const values = seen.get(c.key) ?? new Set<string>();
        if (values.has(String(row[i]))) problems.push(`row ${r} ${c.key}: duplicate ${String(row[i])}`);
        seen.set(c.key, values.add(String(row[i])));
      }
    });
    for (const rule of def.rowRules) {
      if (rule.kind === 'sum_equals') {
        const sum = rule.parts.reduce((s, p) => s + num(row, p), 0);
        if (sum !== num(row, rule.total)) problems.push(`row ${r}: ${rule.parts.join('+')} ≠ ${rule.total}`);
      } else if (rule.kind === 'not_greater') {
        if (num(row, rule.left) > num(row, rule.right))
          problems.push(`row ${r}: ${rule.left} > ${rule.right}`);
      } else if (rule.kind === 'paid_off') {
        const owed = rule.owed.reduce((s, p) => s + num(row, p), 0);
        if (owed === 0 && (num(row, rule.recovered) <= 0 || num(row, rule.months) !== 0))
          problems.push(`row ${r}: paid off without recovery or with months overdue`);
      } else if (rule.kind === 'all_or_none') {
        const filled = rule.columns.filter((c) => String(row[index(c)] ?? '') !== '').length;
        if (filled !== 0 && filled !== rule.columns.length)
          problems.push(`row ${r}: ${filled} of ${rule.columns.join(', ')} filled`);
      } else {
        const when = String(row[index(rule.when)]);
        const allowed = rule.values.some((v) => when.endsWith(v));
        if (String(row[index(rule.column)]) === '' && !allowed)
          problems.push(`row ${r}: ${rule.column} empty`);
      }
    }
  });
  return problems;
}

describe('generated samples', () => {
  it('has a file set for every unit valid in the month: 63 before the merger, 34 from it', () => {
    for (const [period, count] of [
      ['2025-06', 63],
      ['2025-07', 34],
    ] as const) {
      const reported = new Set(manifest.files.filter((f) => f.period === period).map((f) => f.province));
      const valid = provinces()
        .validIn(period)
        .map((u) => u.code);
      expect(valid).toHaveLength(count);
      expect([...reported].sort()).toEqual([...valid].sort());
    }
  });

  it('writes the template headers in definition order and every row within the template rules', () => {
    let rows = 0;
    for (const f of manifest.files) {
      const def = templateAt(DATASETS[f.dataset], f.period);
      const table = tables.get(f.path);
      if (!table) throw new Error(`not read: ${f.path}`);
      expect(table.header, f.path).toEqual(def.columns.map((c) => c.vi));
      expect(rowProblems(def, table), f.path).toEqual([]);
      rows += table.rows.length;
    }
    expect(rows).toBeGreaterThan(5000);
  });

  it('keeps numbers numeric and tax codes textual in XLSX files', () => {
    const xlsx = manifest.files.filter((f) => f.format === 'xlsx' && f.dataset === 'debt');
    expect(xlsx.length).toBeGreaterThan(0);
    for (const f of xlsx) {
      const [first] = tables.get(f.path)?.rows ?? [];
      expect(typeof first?.[0]).toBe('string');
      expect(typeof first?.[2]).toBe('number');
    }
  });

  it('never lets a check pass a broken row', () => {
    const def = DATASETS.procedures;
    const bad: SampleTable = { header: [], rows: [['BHXH một lần', 10, 5, 1, 3, 4]] };
    expect(rowProblems(def, bad)).toHaveLength(2);
  });
});
