import * as glue from 'aws-cdk-lib/aws-glue';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DATASET_NAMES, DATASETS } from '../../core/datasets/index.ts';
import { COMPACTED_FOLDER, lakeDatasetPrefix, LEDGER_PREFIX } from '../../core/contracts/layout.ts';
import {
  compactedColumns,
  datasetColumns,
  ledgerColumns,
  partitionKeys,
  summaryColumns,
  type GlueColumn,
} from '../glue-columns.ts';
import { byProvinceTable, compactedTable } from '../compacted-union-views.ts';
import { compactedUnionViews } from './compacted-union-tables.ts';
import {
  compactedLedgerTableLocation,
  compactedProjectionParameters,
  compactedSummariesProjectionParameters,
  lakeTableLocation,
  projectionParameters,
  summariesProjectionParameters,
  summariesTableLocation,
} from '../partition-projection.ts';
import { referenceTableLocation, type ReferenceTable } from '../reference-rows.ts';
import { referenceGlueColumns } from '../glue-columns.ts';
import { TARGETS_HISTORY_TABLE, TARGETS_TABLE } from '../../core/reference/reference-tables.ts';
import { athenaViewOriginalText, targetsHistoryLocation, targetsViewColumns } from '../targets-tables.ts';

export interface GlueCatalogProps {
  readonly lake: s3.IBucket;
  /** Every province code a partition may carry (both generations). */
  readonly provinceCodes: readonly string[];
  /** Default: `vss`, the name the queries and analysts use. One deployment per account. */
  readonly databaseName?: string;
  /** Reference tables whose rows the deploy writes under reference/<name>/ (ReferenceData). */
  readonly reference: readonly ReferenceTable[];
}

const PARQUET = {
  inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
  outputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
  serdeInfo: { serializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' },
};

const JSON_LINES = {
  inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
  outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
  serdeInfo: { serializationLibrary: 'org.openx.data.jsonserde.JsonSerDe' },
};

/**
 * The Athena view of the lake: database `vss`, per dataset a table of its per-province objects
 * and one of its compacted months, generated from its definition (partition projection, no
 * crawler) and the view `vss.<dataset>` of both (compacted-union-tables.ts); likewise the
 * measures and `vss.summaries`; the ledger's JSON records and its compacted months, and the
 * view `vss.uploads` of both; and the reference
 * tables: every name the queries in queries/*.sql use resolves here as it does in DuckDB.
 */
export class GlueCatalog extends Construct {
  readonly databaseName: string;
  readonly tables: Record<string, glue.CfnTable>;

  constructor(scope: Construct, id: string, props: GlueCatalogProps) {
    super(scope, id);
    this.databaseName = props.databaseName ?? 'vss';
    const catalogId = Stack.of(this).account;
    const database = new glue.CfnDatabase(this, 'Database', {
      catalogId,
      databaseInput: {
        name: this.databaseName,
        description: 'VSS provincial reports: lake tables and the upload ledger',
      },
    });
    const bucket = props.lake.bucketName;
    const tables: Record<string, glue.CfnTable> = {};
    for (const dataset of DATASET_NAMES) {
      tables[byProvinceTable(dataset)] = new glue.CfnTable(this, `Table-${dataset}-by-province`, {
        catalogId,
        databaseName: this.databaseName,
        tableInput: {
          name: byProvinceTable(dataset),
          description: `${DATASETS[dataset].titleEn}; grain: ${DATASETS[dataset].grainEn}`,
          tableType: 'EXTERNAL_TABLE',
          parameters: {
            classification: 'parquet',
            ...projectionParameters(bucket, dataset, props.provinceCodes),
          },
          partitionKeys: partitionKeys(),
          storageDescriptor: {
            columns: datasetColumns(dataset),
            location: lakeTableLocation(bucket, dataset),
            ...PARQUET,
          },
        },
      });
    }
    // A closed month's compacted object (pipeline/lake/compact-month.ts): its rows count for every
    // province with no object of its own in that month, the rule vss.<dataset> applies (below).
    for (const dataset of DATASET_NAMES) {
      tables[compactedTable(dataset)] = new glue.CfnTable(this, `Table-${dataset}-compacted`, {
        catalogId,
        databaseName: this.databaseName,
        tableInput: {
          name: compactedTable(dataset),
          description: `${DATASETS[dataset].titleEn}: the closed months compacted, one object a month`,
          tableType: 'EXTERNAL_TABLE',
          parameters: { classification: 'parquet', ...compactedProjectionParameters(bucket, dataset) },
          partitionKeys: [{ name: 'period', type: 'string' }],
          storageDescriptor: {
            columns: compactedColumns(dataset),
            location: `s3://${bucket}/${lakeDatasetPrefix(dataset)}${COMPACTED_FOLDER}/`,
            ...PARQUET,
          },
        },
      });
    }
    tables[byProvinceTable('uploads')] = new glue.CfnTable(this, 'Table-uploads-by-province', {
      catalogId,
      databaseName: this.databaseName,
      tableInput: {
        name: byProvinceTable('uploads'),
        description: 'The upload ledger: one immutable JSON record per upload, months not compacted',
        tableType: 'EXTERNAL_TABLE',
        parameters: { classification: 'json' },
        storageDescriptor: {
          columns: ledgerColumns() satisfies GlueColumn[],
          // Records sit in ledger/<dataset>/<period>/<province>/; Athena reads subfolders. The
          // compacted months' records are moved out of it (pipeline/ledger/compact-ledger-month.ts).
          location: `s3://${bucket}/${LEDGER_PREFIX}`,
          ...JSON_LINES,
        },
      },
    });
    // Not partitioned: the named queries read vss.uploads over every month (completeness finds its
    // span there), and a projection would make each such read list every projected dataset-month;
    // unpartitioned, Athena lists ledger-compacted/ once, one object a dataset-month (dataset and
    // period are columns of the objects), as the JSON table lists ledger/.
    tables[compactedTable('uploads')] = new glue.CfnTable(this, 'Table-uploads-compacted', {
      catalogId,
      databaseName: this.databaseName,
      tableInput: {
        name: compactedTable('uploads'),
        description: 'The upload ledger of the closed months compacted, one object a dataset-month',
        tableType: 'EXTERNAL_TABLE',
        parameters: { classification: 'parquet' },
        storageDescriptor: {
          columns: ledgerColumns() satisfies GlueColumn[],
          location: compactedLedgerTableLocation(bucket),
          ...PARQUET,
        },
      },
    });
    tables[byProvinceTable('summaries')] = new glue.CfnTable(this, 'Table-summaries-by-province', {
      catalogId,
      databaseName: this.databaseName,
      tableInput: {
        name: byProvinceTable('summaries'),
        description: 'Measures of every province-month lake object (core/measures.ts)',
        tableType: 'EXTERNAL_TABLE',
        parameters: {
          classification: 'parquet',
          ...summariesProjectionParameters(bucket, props.provinceCodes),
        },
        partitionKeys: [{ name: 'dataset', type: 'string' }, ...partitionKeys()],
        storageDescriptor: {
          columns: summaryColumns(),
          location: summariesTableLocation(bucket),
          ...PARQUET,
        },
      },
    });
    tables[compactedTable('summaries')] = new glue.CfnTable(this, 'Table-summaries-compacted', {
      catalogId,
      databaseName: this.databaseName,
      tableInput: {
        name: compactedTable('summaries'),
        description: 'Measures of the closed months compacted, one object a dataset-month',
        tableType: 'EXTERNAL_TABLE',
        parameters: { classification: 'parquet', ...compactedSummariesProjectionParameters(bucket) },
        partitionKeys: [
          { name: 'dataset', type: 'string' },
          { name: 'period', type: 'string' },
        ],
        storageDescriptor: {
          columns: [...summaryColumns(), { name: 'province', type: 'string' }],
          location: summariesTableLocation(bucket),
          ...PARQUET,
        },
      },
    });
    Object.assign(tables, compactedUnionViews(this, catalogId, this.databaseName, tables));
    for (const ref of props.reference) {
      tables[ref.name] = new glue.CfnTable(this, `Table-${ref.name}`, {
        catalogId,
        databaseName: this.databaseName,
        tableInput: {
          name: ref.name,
          description: ref.description,
          tableType: 'EXTERNAL_TABLE',
          parameters: { classification: 'json' },
          storageDescriptor: {
            columns: ref.columns,
            location: referenceTableLocation(bucket, ref.name),
            ...JSON_LINES,
          },
        },
      });
    }
    tables.targets_history = new glue.CfnTable(this, 'Table-targets_history', {
      catalogId,
      databaseName: this.databaseName,
      tableInput: {
        name: TARGETS_HISTORY_TABLE.name,
        description: TARGETS_HISTORY_TABLE.description,
        tableType: 'EXTERNAL_TABLE',
        parameters: { classification: 'parquet' },
        storageDescriptor: {
          columns: referenceGlueColumns(TARGETS_HISTORY_TABLE),
          location: targetsHistoryLocation(bucket),
          ...PARQUET,
        },
      },
    });
    // A view, as Athena stores one: the rows in force, read from the history at every query.
    tables.targets = new glue.CfnTable(this, 'Table-targets', {
      catalogId,
      databaseName: this.databaseName,
      tableInput: {
        name: TARGETS_TABLE.name,
        description: TARGETS_TABLE.description,
        tableType: 'VIRTUAL_VIEW',
        parameters: { presto_view: 'true', comment: 'Presto View' },
        viewOriginalText: athenaViewOriginalText(this.databaseName),
        viewExpandedText: '/* Presto View */',
        storageDescriptor: { columns: targetsViewColumns(), serdeInfo: {} },
      },
    });
    tables.targets.addDependency(tables.targets_history);
    for (const table of Object.values(tables)) table.node.addDependency(database);
    this.tables = tables;
  }
}
