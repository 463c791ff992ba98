import { beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, DATASET_NAMES, lakeColumns, type CellType } from '../../core/datasets/index.ts';
import { lakeKey } from '../../core/contracts/layout.ts';
import { ledgerRecord } from '../../core/contracts/ledger-record.ts';
import { provinces } from '../../pipeline/reference/provinces.ts';
import { resourcesOfType, synthForTemplate, type Synthesized } from './synth.ts';

let s: Synthesized;
beforeAll(() => {
  s = synthForTemplate();
});

interface TableInput {
  Name: string;
  Parameters: Record<string, unknown>;
  PartitionKeys?: { Name: string; Type: string }[];
  StorageDescriptor: { Columns: { Name: string; Type: string }[]; Location: unknown; SerdeInfo: unknown };
}

function table(name: string): TableInput {
  const found = Object.values(resourcesOfType(s.template, 'AWS::Glue::Table'))
    .map((t) => t.Properties?.TableInput as TableInput)
    .find((t) => t.Name === name);
  if (!found) throw new Error(`no Glue table ${name}`);
  return found;
}

/** A CloudFormation string with the lake bucket's Ref replaced by a readable name. */
function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
  return join[1].map((part) => (typeof part === 'string' ? part : 'LAKE-BUCKET')).join(join[0]);
}

// Written out here on purpose: an independent statement of how template cells are stored.
const expectedGlueType = (t: CellType) =>
  t.kind === 'integer' ? 'bigint' : t.kind === 'date' ? 'date' : 'string';

describe('Glue tables', () => {
  it('has a database named vss: per dataset a table of its per-province objects, one of its compacted months and a view of both, likewise summaries, uploads and the reference tables', () => {
    s.template.hasResourceProperties('AWS::Glue::Database', { DatabaseInput: { Name: 'vss' } });
    const names = Object.values(resourcesOfType(s.template, 'AWS::Glue::Table')).map(
      (t) => (t.Properties?.TableInput as TableInput).Name,
    );
    expect(names.sort()).toEqual(
      [
        ...DATASET_NAMES,
        ...DATASET_NAMES.map((d) => `${d}_by_province`),
        ...DATASET_NAMES.map((d) => `${d}_compacted`),
        'uploads',
        'uploads_by_province',
        'uploads_compacted',
        'summaries',
        'summaries_by_province',
        'summaries_compacted',
        'provinces',
        'datasets',
        'months',
        'targets',
        'targets_history',
      ].sort(),
    );
  });

  it("a compacted table projects the month alone, at the compacted objects' folder, with province a column", () => {
    const t = table('debt_compacted');
    expect(t.PartitionKeys).toEqual([{ Name: 'period', Type: 'string' }]);
    expect(t.StorageDescriptor.Columns.at(-1)).toEqual({ Name: 'province', Type: 'string' });
    expect(String(JSON.stringify(t.Parameters))).toContain('lake/debt/compacted/period=${period}/');
    expect(JSON.stringify(t.Parameters)).not.toContain('projection.province');
  });

  it('debt has the columns of both template versions: version 1, then what version 2 adds', () => {
    expect(table('debt_by_province').StorageDescriptor.Columns.map((c) => c.Name)).toEqual([
      ...DATASETS.debt.columns.map((c) => c.key),
      'khu_vuc',
      'lai_cham_dong',
      'tinh_chat',
      'bien_phap',
    ]);
  });

  it.each(DATASET_NAMES)(
    '%s_by_province has the schema columns in order, Parquet, partitioned by period and province',
    (ds) => {
      const t = table(`${ds}_by_province`);
      expect(t.StorageDescriptor.Columns.map((c) => [c.Name, c.Type])).toEqual(
        lakeColumns(DATASETS[ds]).map((c) => [c.key, expectedGlueType(c.type)]),
      );
      expect(t.PartitionKeys).toEqual([
        { Name: 'period', Type: 'string' },
        { Name: 'province', Type: 'string' },
      ]);
      expect(t.StorageDescriptor.SerdeInfo).toEqual({
        SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
      });
      expect(flatten(t.StorageDescriptor.Location)).toBe(`s3://LAKE-BUCKET/lake/${ds}/`);
    },
  );

  it.each(DATASET_NAMES)('%s_by_province projects partitions onto the very path lakeKey() writes', (ds) => {
    const p = table(`${ds}_by_province`).Parameters;
    expect(p).toMatchObject({
      'projection.enabled': 'true',
      'projection.period.type': 'date',
      'projection.period.format': 'yyyy-MM',
      'projection.period.range': '2015-01,NOW+1MONTHS',
      'projection.period.interval': '1',
      'projection.period.interval.unit': 'MONTHS',
      'projection.province.type': 'enum',
    });
    const template = flatten(p['storage.location.template']);
    for (const [period, province] of [
      ['2019-12', '01'],
      ['2025-07', '96'],
    ] as const) {
      const folder = template.replace('${period}', period).replace('${province}', province);
      expect(`${folder}data.parquet`).toBe(`s3://LAKE-BUCKET/${lakeKey(ds, period, province)}`);
    }
  });

  it('projects every province code of both generations, each once', () => {
    const values = String(table('debt_by_province').Parameters['projection.province.values']).split(',');
    const codes = new Set(provinces().units.map((u) => u.code));
    expect(new Set(values)).toEqual(codes);
    expect(values).toHaveLength(codes.size);
    expect(values.length).toBeGreaterThanOrEqual(63);
  });

  it('reads the ledger JSON as uploads_by_province, one column per ledger record field', () => {
    const t = table('uploads_by_province');
    const fields = Object.keys(ledgerRecord.shape);
    expect(t.StorageDescriptor.Columns.map((c) => c.Name)).toEqual(fields);
    const typeOf = Object.fromEntries(t.StorageDescriptor.Columns.map((c) => [c.Name, c.Type]));
    expect(typeOf).toMatchObject({
      upload_id: 'string',
      version_id: 'string',
      bytes: 'bigint',
      status: 'string',
    });
    expect(t.StorageDescriptor.SerdeInfo).toEqual({
      SerializationLibrary: 'org.openx.data.jsonserde.JsonSerDe',
    });
    expect(flatten(t.StorageDescriptor.Location)).toBe('s3://LAKE-BUCKET/ledger/');
  });
});

describe('Athena workgroup', () => {
  it('enforces its configuration, a 10 GB scan limit and KMS-encrypted results', () => {
    const wg = Object.values(resourcesOfType(s.template, 'AWS::Athena::WorkGroup'));
    expect(wg).toHaveLength(1);
    expect(wg[0]?.Properties).toMatchObject({
      Name: 'vss-test',
      WorkGroupConfiguration: {
        EnforceWorkGroupConfiguration: true,
        PublishCloudWatchMetricsEnabled: true,
        BytesScannedCutoffPerQuery: 10 * 1024 ** 3,
        ResultConfiguration: { EncryptionConfiguration: { EncryptionOption: 'SSE_KMS' } },
      },
    });
  });
});
