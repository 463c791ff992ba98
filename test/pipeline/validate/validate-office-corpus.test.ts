/**
 * The office corpus (test/fixtures/office): files made the way provincial offices' own Excel
 * forms make them, each with the verdict, rows, totals, errors and warnings a careful person
 * expects (manifest.json, worked out by the generator from the rows it wrote).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildCorpus, manifestText, OFFICE_DIR } from '../../fixtures/office/generate.ts';
import { validateOfficeFile } from './validate-office-helpers.ts';

const issue = z.object({
  sheet: z.string().nullable(),
  row: z.number().nullable(),
  column: z.string().nullable(),
  rule: z.string(),
});
const manifestSchema = z.array(
  z.object({
    file: z.string(),
    dataset: z.enum(['debt', 'prosecution']),
    shape: z.string(),
    verdict: z.enum(['accept', 'refuse']),
    rows: z.number(),
    totals: z.record(z.string(), z.number()).nullable(),
    errors: z.array(issue),
    warnings: z.record(z.string(), z.number()),
  }),
);
const manifest = manifestSchema.parse(JSON.parse(await readFile(join(OFFICE_DIR, 'manifest.json'), 'utf8')));

const position = (i: z.infer<typeof issue>) =>
  `${i.sheet}|${String(i.row).padStart(4, '0')}|${i.column}|${i.rule}`;
const ruleCounts = (list: ReadonlyArray<{ rule: string }>) => {
  const counts: Record<string, number> = {};
  for (const { rule } of list) counts[rule] = (counts[rule] ?? 0) + 1;
  return counts;
};

describe('the office corpus', () => {
  it('has at least 30 files, some accepted and some refused', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(30);
    expect(manifest.filter((m) => m.verdict === 'accept').length).toBeGreaterThanOrEqual(10);
    expect(manifest.filter((m) => m.verdict === 'refuse').length).toBeGreaterThanOrEqual(10);
  });

  it.each(manifest.map((m) => [m.file, m] as const))('%s', async (_file, m) => {
    const { receipt, rows } = await validateOfficeFile(m);
    expect(receipt.status).toBe(m.verdict === 'accept' ? 'accepted' : 'rejected');
    expect(receipt.rows.read).toBe(m.rows);
    expect(receipt.errors.map(position).sort()).toEqual(m.errors.map(position).sort());
    expect(ruleCounts(receipt.warnings)).toEqual(m.warnings);
    if (m.totals) {
      expect(receipt.totals).toEqual(m.totals);
      expect(rows).toHaveLength(m.rows);
      // The lake rows add up to the receipt's totals: the subtotal rows are not among them.
      for (const [key, sum] of Object.entries(m.totals))
        expect(rows.reduce((s, r) => s + Number(r[key] ?? 0), 0)).toBe(sum);
    } else {
      expect(rows).toEqual([]);
      expect(Object.values(receipt.totals).every((v) => v === 0)).toBe(true);
    }
    // Every error and warning says, in both languages, what it is about.
    for (const i of [...receipt.errors, ...receipt.warnings]) {
      expect(i.message_vi.length).toBeGreaterThan(10);
      expect(i.message_en.length).toBeGreaterThan(10);
    }
  });
});

describe('the office corpus generator', () => {
  it('writes the committed files again, byte for byte, and the same manifest', async () => {
    const fresh = await buildCorpus();
    expect(manifestText(fresh.manifest)).toBe(await readFile(join(OFFICE_DIR, 'manifest.json'), 'utf8'));
    expect(fresh.files.size).toBe(manifest.length);
    for (const [name, bytes] of fresh.files) {
      const committed = await readFile(join(OFFICE_DIR, 'files', name));
      expect(Buffer.compare(Buffer.from(bytes), committed), name).toBe(0);
    }
  });
});
