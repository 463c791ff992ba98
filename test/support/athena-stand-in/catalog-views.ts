/**
 * The stand-in's vss schema shaped as the Glue catalog is (infra/compacted-union-views.ts): the
 * tables `<dataset>_by_province` and `summaries_by_province` over the per-province objects, the
 * tables `<dataset>_compacted` and `summaries_compacted` over the compacted ones (province a
 * column), and `vss.<dataset>` and `vss.summaries` replaced by the very view SQL the deploy
 * stores, so what Athena would read of a compacted month is what the stand-in answers. The
 * ledger alike: `uploads_by_province` over the JSON records, `uploads_compacted` over the compacted
 * months' objects, and `vss.uploads` the deploy's view of both.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DATASETS, type DatasetDef } from '../../../core/datasets/index.ts';
import { COMPACTED_FOLDER, LAKE_PREFIX, SUMMARIES_PREFIX } from '../../../core/contracts/layout.ts';
import { globMatchesAny } from '../../../pipeline/query/glob-files.ts';
import {
  compactedUploadsGlob,
  compactedUploadsSelectSql,
  datasetFiles,
  datasetSelectSql,
  quoteIdentifier,
  summariesSelectSql,
  summaryFiles,
  uploadFiles,
  uploadsSelectSql,
} from '../../../pipeline/query/views.ts';
import {
  byProvinceTable,
  compactedTable,
  lakeViewColumns,
  lakeViewSql,
  summariesViewColumns,
  summariesViewSql,
  uploadsViewColumns,
  uploadsViewSql,
} from '../../../infra/compacted-union-views.ts';
import type { GlueColumn } from '../../../infra/glue-columns.ts';

/** The compacted objects below `<folder>/compacted/period=*`: one per month. */
function compactedFiles(folder: string, file: string): string[] {
  const dir = join(folder, COMPACTED_FOLDER);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((m) => m.startsWith('period='))
    .map((m) => join(dir, m, file))
    .filter((f) => existsSync(f));
}

const TYPE_OF: Record<string, string> = {
  string: 'VARCHAR',
  bigint: 'BIGINT',
  date: 'DATE',
  double: 'DOUBLE',
};

/** The table's columns read from `select`, or no rows of those columns when it has no files. */
function tableSql(columns: readonly GlueColumn[], select: string | undefined): string {
  const names = columns.map((c) => quoteIdentifier(c.name));
  if (select) return `SELECT ${names.join(', ')} FROM (${select})`;
  const nulls = columns.map(
    (c) => `CAST(NULL AS ${TYPE_OF[c.type] ?? 'VARCHAR'}) AS ${quoteIdentifier(c.name)}`,
  );
  return `SELECT ${nulls.join(', ')} WHERE false`;
}

function datasetStatements(d: DatasetDef, mirrorDir: string): string[] {
  const columns = lakeViewColumns(d.name);
  const { glob } = datasetFiles(d, mirrorDir);
  const compacted = compactedFiles(join(mirrorDir, LAKE_PREFIX, d.name), 'data.parquet');
  const own = globMatchesAny(glob) ? datasetSelectSql(d, { glob }) : undefined;
  const folded = compacted.length > 0 ? datasetSelectSql(d, { files: compacted, filename: true }) : undefined;
  return [
    `CREATE OR REPLACE VIEW vss.${byProvinceTable(d.name)} AS ${tableSql(columns, own)}`,
    `CREATE OR REPLACE VIEW vss.${compactedTable(d.name)} AS ${tableSql(columns, folded)}`,
    `CREATE OR REPLACE VIEW vss.${quoteIdentifier(d.name)} AS ${lakeViewSql('vss', d.name)}`,
  ];
}

function summariesStatements(mirrorDir: string): string[] {
  const columns = summariesViewColumns();
  const { glob } = summaryFiles(mirrorDir);
  const compacted = Object.keys(DATASETS).flatMap((name) =>
    compactedFiles(join(mirrorDir, SUMMARIES_PREFIX, name), 'summary.parquet'),
  );
  const own = globMatchesAny(glob) ? summariesSelectSql({ glob }) : undefined;
  const folded = compacted.length > 0 ? summariesSelectSql({ files: compacted, filename: true }) : undefined;
  return [
    `CREATE OR REPLACE VIEW vss.${byProvinceTable('summaries')} AS ${tableSql(columns, own)}`,
    `CREATE OR REPLACE VIEW vss.${compactedTable('summaries')} AS ${tableSql(columns, folded)}`,
    `CREATE OR REPLACE VIEW vss.summaries AS ${summariesViewSql('vss')}`,
  ];
}

function uploadsStatements(mirrorDir: string): string[] {
  const columns = uploadsViewColumns();
  const { glob } = uploadFiles(mirrorDir);
  const compacted = compactedUploadsGlob(mirrorDir);
  const own = globMatchesAny(glob) ? uploadsSelectSql({ glob }) : undefined;
  const folded = globMatchesAny(compacted) ? compactedUploadsSelectSql({ glob: compacted }) : undefined;
  return [
    `CREATE OR REPLACE VIEW vss.${byProvinceTable('uploads')} AS ${tableSql(columns, own)}`,
    `CREATE OR REPLACE VIEW vss.${compactedTable('uploads')} AS ${tableSql(columns, folded)}`,
    `CREATE OR REPLACE VIEW vss.uploads AS ${uploadsViewSql('vss')}`,
  ];
}

/** The statements that give the stand-in's engine the catalog's tables and views. */
export function catalogViewStatements(mirrorDir: string): string[] {
  return [
    ...Object.values(DATASETS).flatMap((d) => datasetStatements(d, mirrorDir)),
    ...summariesStatements(mirrorDir),
    ...uploadsStatements(mirrorDir),
  ];
}
