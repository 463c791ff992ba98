/**
 * The type family of every column Athena's catalog gives the vss tables, taken from the same
 * column lists the deploy writes to Glue, so the stand-in can see a varchar compared with a
 * number as Trino does. A name the tables type differently is left unknown rather than guessed.
 */
import { DATASET_NAMES } from '../../../core/datasets/index.ts';
import { provinces } from '../../../pipeline/reference/provinces.ts';
import { TARGETS_HISTORY_TABLE } from '../../../core/reference/reference-tables.ts';
import {
  datasetColumns,
  ledgerColumns,
  partitionKeys,
  referenceGlueColumns,
  summaryColumns,
} from '../../../infra/glue-columns.ts';
import { referenceTables } from '../../../infra/reference-rows.ts';

export type TypeFamily = 'text' | 'number' | 'other';

function familyOf(glueType: string): TypeFamily {
  if (glueType === 'string' || glueType.startsWith('varchar') || glueType.startsWith('char')) return 'text';
  if (/^(bigint|int|integer|smallint|tinyint|double|float|real|decimal)/.test(glueType)) return 'number';
  return 'other';
}

function allColumns(): { name: string; type: string }[] {
  return [
    ...DATASET_NAMES.flatMap((d) => datasetColumns(d)),
    ...partitionKeys(),
    ...ledgerColumns(),
    ...summaryColumns(),
    { name: 'dataset', type: 'string' },
    ...referenceTables(provinces()).flatMap((t) => t.columns),
    ...referenceGlueColumns(TARGETS_HISTORY_TABLE),
  ];
}

let cached: ReadonlyMap<string, TypeFamily> | undefined;

/** Column name (lower case) to its type family, for the names every table types alike. */
export function catalogColumnTypes(): ReadonlyMap<string, TypeFamily> {
  if (cached) return cached;
  const seen = new Map<string, Set<TypeFamily>>();
  for (const c of allColumns()) {
    const key = c.name.toLowerCase();
    seen.set(key, (seen.get(key) ?? new Set()).add(familyOf(c.type)));
  }
  cached = new Map(
    [...seen].filter(([, families]) => families.size === 1).map(([name, f]) => [name, [...f][0] ?? 'other']),
  );
  return cached;
}
