/**
 * Glue column lists derived from the code that owns each shape: the dataset definitions for the
 * lake tables, the ledger record's zod schema for `vss.uploads` and the reference definitions. Nothing here lists a column
 * by hand, so a new template column reaches Athena with the next deploy.
 */
import type { z } from 'zod';
import {
  DATASETS,
  glueType,
  lakeColumns,
  PARTITION_COLUMNS,
  type DatasetName,
} from '../core/datasets/index.ts';
import { ledgerRecord } from '../core/contracts/ledger-record.ts';
import type { ReferenceColumnType, ReferenceTableDefinition } from '../core/reference/reference-tables.ts';

export interface GlueColumn {
  name: string;
  type: string;
  comment?: string;
}

/**
 * The data columns of a lake table, in template order (partition keys are separate): every
 * template version's columns, which Athena reads from each file by name (NULL where it has none).
 */
export function datasetColumns(dataset: DatasetName): GlueColumn[] {
  return lakeColumns(DATASETS[dataset]).map((c) => ({ name: c.key, type: glueType(c.type), comment: c.en }));
}

/** The columns of a dataset's compacted table: the lake columns, then the province they belong to. */
export function compactedColumns(dataset: DatasetName): GlueColumn[] {
  return [...datasetColumns(dataset), { name: 'province', type: 'string' }];
}

/** Partition keys of every lake table: both are text (`YYYY-MM`, two-digit GSO code). */
export function partitionKeys(): GlueColumn[] {
  return PARTITION_COLUMNS.map((name) => ({ name, type: 'string' }));
}

/** The Hive type a zod field is stored as in the ledger's JSON. */
export function glueTypeOfZod(schema: z.ZodType): string {
  const def = schema.def as { type: string; innerType?: z.ZodType };
  switch (def.type) {
    case 'nullable':
    case 'optional':
      if (!def.innerType) throw new Error(`zod ${def.type} without an inner type`);
      return glueTypeOfZod(def.innerType);
    case 'string':
    case 'enum':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return (schema as z.ZodNumber).isInt ? 'bigint' : 'double';
    default:
      throw new Error(`no Glue type for zod type ${def.type}`);
  }
}

/** Columns of `vss.uploads`: one per key of the ledger record, in schema order. */
export function ledgerColumns(): GlueColumn[] {
  return Object.entries(ledgerRecord.shape).map(([name, schema]) => ({
    name,
    type: glueTypeOfZod(schema as z.ZodType),
  }));
}

/**
 * Data columns of `vss.summaries`: a SummaryEntry (pipeline/summary/summarize.ts) less its dataset,
 * which the table takes from the path as a partition key (Athena forbids a column and a key of
 * one name). The infra tests read a file writeSummaryParquet() wrote to keep the two in step.
 */
export function summaryColumns(): GlueColumn[] {
  return [
    { name: 'measure', type: 'string', comment: 'Measure name (core/measures.ts)' },
    { name: 'value', type: 'bigint', comment: 'Sum over the accepted rows of the province-month' },
  ];
}

const GLUE_OF_REFERENCE: Record<ReferenceColumnType, string> = {
  text: 'string',
  bigint: 'bigint',
  double: 'double',
};

/**
 * Columns of a reference table, from its definition. Without comments, as the tables have always
 * been deployed; the definition's descriptions document the columns for both engines.
 */
export function referenceGlueColumns(table: ReferenceTableDefinition): GlueColumn[] {
  return table.columns.map((c) => ({ name: c.name, type: GLUE_OF_REFERENCE[c.type] }));
}
