import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../../core/datasets/index.ts';
import { createDatasetsTable, createProvincesTable } from '../../pipeline/query/reference-tables.ts';
import { summaryKey } from '../../core/contracts/layout.ts';
import { periodRange } from '../../core/period.ts';
import { provinces } from '../../pipeline/reference/provinces.ts';
import { writeSummaryParquet } from '../../pipeline/summary/summary-parquet.ts';
import { jsonLines, referenceTables } from '../../infra/reference-rows.ts';
import { referenceGlueColumns } from '../../infra/glue-columns.ts';
import { DATASETS_TABLE, REFERENCE_TABLES } from '../../core/reference/reference-tables.ts';
import { resourcesOfType, synthForTemplate, type Synthesized } from './synth.ts';

interface TableInput {
  Name: string;
  Parameters: Record<string, unknown>;
  PartitionKeys?: { Name: string; Type: string }[];
  StorageDescriptor: { Columns: { Name: string; Type: string }[]; Location: unknown };
}

let s: Synthesized;
let db: DuckDBInstance;
let connection: DuckDBConnection;
const scratch = mkdtempSync(join(tmpdir(), 'vss-athena-tables-'));
beforeAll(async () => {
  s = synthForTemplate();
  db = await DuckDBInstance.create(':memory:');
  connection = await db.connect();
  await connection.run('CREATE SCHEMA vss');
});
afterAll(() => {
  connection.closeSync();
  rmSync(scratch, { recursive: true, force: true });
});

const glueTables = (): TableInput[] =>
  Object.values(resourcesOfType(s.template, 'AWS::Glue::Table')).map(
    (t) => t.Properties?.TableInput as TableInput,
  );

function table(name: string): TableInput {
  const found = glueTables().find((t) => t.Name === name);
  if (!found) throw new Error(`no Glue table ${name}`);
  return found;
}

/** A CloudFormation string with the lake bucket's Ref replaced by a readable name. */
function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
  return join[1].map((part) => (typeof part === 'string' ? part : 'LAKE-BUCKET')).join(join[0]);
}

// Independent statements of how the definition's types, and DuckDB's, read in Athena.
const GLUE_OF_TYPE: Record<string, string> = { text: 'string', bigint: 'bigint', double: 'double' };
const GLUE_OF_DUCKDB: Record<string, string> = { VARCHAR: 'string', BIGINT: 'bigint', DOUBLE: 'double' };

async function duckdbColumns(sql: string): Promise<[string, string][]> {
  const reader = await connection.runAndReadAll(`DESCRIBE ${sql}`);
  return reader
    .getRowObjectsJS()
    .map((r) => [String(r.column_name), GLUE_OF_DUCKDB[String(r.column_type)] ?? String(r.column_type)]);
}

const columnsOf = (t: TableInput) => t.StorageDescriptor.Columns.map((c) => [c.Name, c.Type]);

describe('vss.summaries_by_province in Athena (the per-province half of vss.summaries)', () => {
  it('has the columns of the summary files ingest writes, dataset being a key', async () => {
    const file = join(scratch, 'summary.parquet');
    await writeSummaryParquet([{ dataset: 'debt', measure: 'debt_total', value: 5 }], file);
    const inFile = await duckdbColumns(`SELECT * FROM read_parquet('${file}')`);
    const t = table('summaries_by_province');
    expect(t.PartitionKeys?.map((k) => [k.Name, k.Type])).toEqual([
      ['dataset', 'string'],
      ['period', 'string'],
      ['province', 'string'],
    ]);
    expect(inFile).toEqual([['dataset', 'string'], ...columnsOf(t)]);
  });

  it('projects dataset, period and province onto the very path summaryKey() writes', () => {
    const p = table('summaries_by_province').Parameters;
    expect(p).toMatchObject({
      'projection.enabled': 'true',
      'projection.dataset.type': 'enum',
      'projection.period.type': 'date',
      'projection.period.format': 'yyyy-MM',
      'projection.period.range': '2015-01,NOW+1MONTHS',
      'projection.province.type': 'enum',
    });
    expect(String(p['projection.dataset.values']).split(',').sort()).toEqual([...DATASET_NAMES].sort());
    const codes = new Set(provinces().units.map((u) => u.code));
    expect(new Set(String(p['projection.province.values']).split(','))).toEqual(codes);
    const template = flatten(p['storage.location.template']);
    expect(flatten(table('summaries_by_province').StorageDescriptor.Location)).toBe(
      's3://LAKE-BUCKET/summaries/',
    );
    for (const dataset of DATASET_NAMES) {
      for (const [period, province] of [
        ['2015-01', '01'],
        ['2025-07', '96'],
      ] as const) {
        const folder = template
          .replace('${dataset}', dataset)
          .replace('${period}', period)
          .replace('${province}', province);
        expect(`${folder}summary.parquet`).toBe(`s3://LAKE-BUCKET/${summaryKey(dataset, period, province)}`);
      }
    }
  });
});

describe('reference tables in Athena', () => {
  it('have the columns of their definition, in its order, typed as Athena reads each type', () => {
    for (const def of REFERENCE_TABLES) {
      const expected = def.columns.map((c) => [c.name, GLUE_OF_TYPE[c.type]]);
      expect(columnsOf(table(def.name)), def.name).toEqual(expected);
      // The targets lie over the lake's targets object (targets-tables.test.ts), the rest over the deploy's rows.
      if (def.name === 'targets' || def.name === 'targets_history') continue;
      expect(flatten(table(def.name).StorageDescriptor.Location)).toBe(
        `s3://LAKE-BUCKET/reference/${def.name}/`,
      );
    }
    expect(REFERENCE_TABLES.map((d) => d.name).sort()).toEqual([
      'datasets',
      'months',
      'provinces',
      'targets',
      'targets_history',
    ]);
  });

  it('follow a column added to the definition', () => {
    const extra = {
      ...DATASETS_TABLE,
      columns: [...DATASETS_TABLE.columns, { name: 'x_new', type: 'double', description: 'x' }],
    } as const;
    expect(referenceGlueColumns(extra).at(-1)).toEqual({ name: 'x_new', type: 'double' });
  });

  it('write the rows DuckDB holds, one JSON object a line', async () => {
    await createProvincesTable(connection, provinces());
    await createDatasetsTable(connection);
    const byName = Object.fromEntries(referenceTables(provinces()).map((t) => [t.name, t]));
    expect(Object.keys(byName).sort()).toEqual(['datasets', 'months', 'provinces']);
    for (const name of ['provinces', 'datasets'] as const) {
      const ref = byName[name];
      if (!ref) throw new Error(`no reference table ${name}`);
      const lines = jsonLines(ref)
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown);
      const reader = await connection.runAndReadAll(`SELECT * FROM vss.${name}`);
      const held = reader
        .getRowObjectsJS()
        .map((r) =>
          Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
        );
      expect(lines, name).toEqual(held);
      expect(lines.length, name).toBeGreaterThan(0);
    }
    const months = byName.months?.rows.map((r) => r.period);
    expect(months).toEqual(periodRange('2015-01', '2099-12'));
    expect(months).toHaveLength(85 * 12);
  });

  it('are written under reference/ of the lake bucket at deploy, KMS-encrypted', () => {
    s.template.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketKeyPrefix: 'reference/',
      Prune: true,
      SystemMetadata: { sse: 'aws:kms' },
    });
  });
});

describe('the queries in Athena', () => {
  const dir = join(import.meta.dirname, '../../queries');
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql'));

  it('finds the query files', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s names only tables of the vss database', (file) => {
    const sql = readFileSync(join(dir, file), 'utf8').replace(/--[^\n]*/gu, '');
    const names = [...sql.matchAll(/\bvss\.(?:"([^"]+)"|([a-z_][a-z0-9_]*))/giu)].map((m) =>
      (m[1] ?? m[2] ?? '').toLowerCase(),
    );
    expect(names.length).toBeGreaterThan(0);
    const tables = new Set(glueTables().map((t) => t.Name));
    expect(names.filter((n) => !tables.has(n))).toEqual([]);
  });
});
