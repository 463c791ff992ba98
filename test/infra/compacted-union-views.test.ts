/**
 * vss.<dataset> and vss.summaries are Athena views (stored as Athena stores one) of a per-province
 * table and a compacted one, in that order of preference; the compacted summaries table projects
 * dataset and month onto the path compaction writes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../../core/datasets/index.ts';
import { compactedLedgerKey, compactedSummaryKey } from '../../core/contracts/layout.ts';
import { ledgerRecord } from '../../core/contracts/ledger-record.ts';
import {
  lakeViewColumns,
  lakeViewSql,
  summariesViewSql,
  uploadsViewSql,
} from '../../infra/compacted-union-views.ts';
import { prestoViewSql } from '../../infra/presto-view.ts';
import { resourcesOfType, synthForTemplate, type Synthesized } from './synth.ts';

interface TableInput {
  Name: string;
  TableType?: string;
  Parameters: Record<string, unknown>;
  PartitionKeys?: { Name: string; Type: string }[];
  ViewOriginalText?: string;
  StorageDescriptor: { Columns: { Name: string; Type: string }[]; Location?: unknown };
}

let s: Synthesized;
beforeAll(() => {
  s = synthForTemplate();
});

function resource(name: string) {
  const found = Object.entries(resourcesOfType(s.template, 'AWS::Glue::Table')).find(
    ([, t]) => (t.Properties?.TableInput as TableInput).Name === name,
  );
  if (!found) throw new Error(`no Glue table ${name}`);
  return {
    id: found[0],
    input: found[1].Properties?.TableInput as TableInput,
    dependsOn: found[1].DependsOn,
  };
}

describe('the views of per-province and compacted rows', () => {
  it.each(DATASET_NAMES)('vss.%s is a view of its per-province table, then its compacted one', (ds) => {
    const view = resource(ds);
    expect(view.input.TableType).toBe('VIRTUAL_VIEW');
    expect(view.input.Parameters).toEqual({ presto_view: 'true', comment: 'Presto View' });
    const sql = prestoViewSql(view.input.ViewOriginalText ?? '');
    expect(sql).toBe(lakeViewSql('vss', ds));
    expect(sql).toContain(`FROM vss.${ds}_by_province`);
    expect(sql).toContain(`FROM vss.${ds}_compacted c WHERE NOT EXISTS`);
    expect(view.input.StorageDescriptor.Columns.map((c) => c.Name)).toEqual(
      lakeViewColumns(ds).map((c) => c.name),
    );
    expect(view.input.StorageDescriptor.Columns.slice(-2).map((c) => c.Name)).toEqual(['period', 'province']);
    // Created after both tables it reads; the construct id is the one the table of its name had.
    const reads = [resource(`${ds}_by_province`).id, resource(`${ds}_compacted`).id];
    expect(view.dependsOn).toEqual(expect.arrayContaining(reads));
    expect(view.id).toMatch(new RegExp(`^CatalogTable${ds}[0-9A-F]{8}$`));
  });

  it('vss.summaries is a view of summaries_by_province, then summaries_compacted, keyed by dataset too', () => {
    const view = resource('summaries');
    expect(view.input.TableType).toBe('VIRTUAL_VIEW');
    const sql = prestoViewSql(view.input.ViewOriginalText ?? '');
    expect(sql).toBe(summariesViewSql('vss'));
    expect(sql).toContain('p.dataset = c.dataset AND p.period = c.period AND p.province = c.province');
  });

  it('vss.uploads is a view of the JSON records, then the compacted ones no JSON record stands for', () => {
    const view = resource('uploads');
    expect(view.input.TableType).toBe('VIRTUAL_VIEW');
    const sql = prestoViewSql(view.input.ViewOriginalText ?? '');
    expect(sql).toBe(uploadsViewSql('vss'));
    expect(sql).toContain('FROM vss.uploads_by_province');
    expect(sql).toContain('FROM vss.uploads_compacted c WHERE NOT EXISTS');
    expect(sql).toContain('j.upload_id = c.upload_id');
    const fields = Object.keys(ledgerRecord.shape);
    expect(view.input.StorageDescriptor.Columns.map((c) => c.Name)).toEqual(fields);
    const reads = [resource('uploads_by_province').id, resource('uploads_compacted').id];
    expect(view.dependsOn).toEqual(expect.arrayContaining(reads));
    // The construct id of the table vss.uploads was before it became a view.
    expect(view.id).toMatch(/^CatalogTableuploads[0-9A-F]{8}$/u);
  });

  it('uploads_compacted reads every compacted ledger month, unpartitioned, every ledger field a column', () => {
    const t = resource('uploads_compacted').input;
    // Unpartitioned: a read of vss.uploads over all months lists one folder, not every projected month.
    expect(t.PartitionKeys).toBeUndefined();
    expect(t.Parameters).toEqual({ classification: 'parquet' });
    expect(t.StorageDescriptor.Columns.map((c) => c.Name)).toEqual(Object.keys(ledgerRecord.shape));
    const location = JSON.stringify(t.StorageDescriptor.Location);
    expect(location).toContain('/ledger-compacted/');
    expect(compactedLedgerKey('debt', '2025-08').startsWith('ledger-compacted/')).toBe(true);
  });

  it('summaries_compacted projects dataset and month onto the path compaction writes, province a column', () => {
    const t = resource('summaries_compacted').input;
    expect(t.PartitionKeys).toEqual([
      { Name: 'dataset', Type: 'string' },
      { Name: 'period', Type: 'string' },
    ]);
    expect(t.StorageDescriptor.Columns.map((c) => c.Name)).toEqual(['measure', 'value', 'province']);
    const template = JSON.stringify(t.Parameters['storage.location.template']);
    const folder = compactedSummaryKey('debt', '2025-08').replace('summary.parquet', '');
    expect(template.replace('${dataset}', 'debt').replace('${period}', '2025-08')).toContain(`/${folder}`);
    expect(JSON.stringify(t.Parameters)).not.toContain('projection.province');
  });
});
