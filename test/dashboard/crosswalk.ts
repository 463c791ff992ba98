/** The official 2025 crosswalk read straight from reference/merge_2025.csv, apart from the code that uses it. */
import { readFileSync } from 'node:fs';

/** Old GSO code -> code of the unit it is part of from 2025-07. */
export const CROSSWALK: ReadonlyMap<string, string> = new Map(
  readFileSync(new URL('../../reference/merge_2025.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .map((cells) => [cells[0] ?? '', cells[3] ?? '']),
);
