/**
 * The views `vss.<dataset>`, `vss.summaries` and `vss.uploads` (infra/compacted-union-views.ts): per-province
 * rows, then the compacted rows of every province-month without any, stored as Athena stores a
 * view (infra/presto-view.ts), each after the two tables it reads. A view keeps the construct id
 * of the table of its name it replaces (`Table-<name>`), so a deploy updates that catalog entry in
 * place rather than creating a second entry of the same name before deleting the first.
 */
import * as glue from 'aws-cdk-lib/aws-glue';
import type { Construct } from 'constructs';
import { DATASET_NAMES } from '../../core/datasets/index.ts';
import {
  byProvinceTable,
  compactedTable,
  lakeViewColumns,
  lakeViewSql,
  summariesViewColumns,
  summariesViewSql,
  uploadsViewColumns,
  uploadsViewSql,
} from '../compacted-union-views.ts';
import type { GlueColumn } from '../glue-columns.ts';
import { prestoViewText } from '../presto-view.ts';

interface UnionView {
  name: string;
  description: string;
  sql: string;
  columns: GlueColumn[];
}

function unionViews(database: string): UnionView[] {
  return [
    ...DATASET_NAMES.map((dataset) => ({
      name: dataset,
      description: `${dataset}: per-province rows, and the compacted rows of provinces without any`,
      sql: lakeViewSql(database, dataset),
      columns: lakeViewColumns(dataset),
    })),
    {
      name: 'summaries',
      description: 'Measures of every province-month, per-province or compacted (core/measures.ts)',
      sql: summariesViewSql(database),
      columns: summariesViewColumns(),
    },
    {
      name: 'uploads',
      description: 'The upload ledger: one immutable record per upload, JSON or compacted',
      sql: uploadsViewSql(database),
      columns: uploadsViewColumns(),
    },
  ];
}

export function compactedUnionViews(
  scope: Construct,
  catalogId: string,
  databaseName: string,
  tables: Readonly<Record<string, glue.CfnTable>>,
): Record<string, glue.CfnTable> {
  const views: Record<string, glue.CfnTable> = {};
  for (const v of unionViews(databaseName)) {
    const view = new glue.CfnTable(scope, `Table-${v.name}`, {
      catalogId,
      databaseName,
      tableInput: {
        name: v.name,
        description: v.description,
        tableType: 'VIRTUAL_VIEW',
        parameters: { presto_view: 'true', comment: 'Presto View' },
        viewOriginalText: prestoViewText(databaseName, v.sql, v.columns),
        viewExpandedText: '/* Presto View */',
        storageDescriptor: { columns: v.columns, serdeInfo: {} },
      },
    });
    for (const read of [byProvinceTable(v.name), compactedTable(v.name)]) {
      const table = tables[read];
      if (!table) throw new Error(`view ${v.name} reads ${read}, which the catalog does not define`);
      view.addDependency(table);
    }
    views[v.name] = view;
  }
  return views;
}
