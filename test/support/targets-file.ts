/**
 * The national targets straight from reference/targets.csv, read with nothing of the pipeline's
 * (no zod schema, no Targets lookup): what tests compare the figures and receipts against.
 */
import { readFileSync } from 'node:fs';

export type TargetsFileRow = Record<string, string>;

/** Every row of the file, each a column name -> cell text map (quotes removed). */
export function targetsFileRows(): TargetsFileRow[] {
  const text = readFileSync(new URL('../../reference/targets.csv', import.meta.url), 'utf8');
  const [header, ...lines] = text.trim().split('\n');
  const names = (header ?? '').split(',');
  // The file's cells hold no commas (decision numbers included), so a plain split reads them.
  return lines.map((line) => {
    const cells = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
  });
}

/** The row of one unit for one year, or undefined when the file assigns it nothing. */
export function targetsFileRow(
  year: number,
  generation: '63' | '34',
  province: string,
): TargetsFileRow | undefined {
  return targetsFileRows().find(
    (r) => r.year === String(year) && r.generation === generation && r.province === province,
  );
}

/** A column of that row as a number; throws when the row is absent, so a test cannot read 0. */
export function targetOf(year: number, generation: '63' | '34', province: string, column: string): number {
  const row = targetsFileRow(year, generation, province);
  if (!row) throw new Error(`reference/targets.csv has no ${year}/${generation}/${province} row`);
  return Number(row[column]);
}
