/**
 * vss.<dataset> and vss.summaries are Athena views (stored as Athena stores one) of a per-province
 * table and a compacted one, in that order of preference; the compacted summaries table projects
 * dataset and month onto the path compaction writes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../../core/datasets/index.ts';
import { compactedSummaryKey } from '../../core/contracts/layout.ts';
import { lakeViewColumns, lakeViewSql, summariesViewSql } from '../../infra/compacted-union-views.ts';
import { prestoViewSql } from '../../infra/presto-view.ts';
import { resourcesOfType, synthForTemplate, type Synthesized } from './synth.ts';

interface TableInput {
  Name: string;
  TableType?: string;
  Parameters: Record<string, unknown>;
  PartitionKeys?: { Name: string; Type: string }[];
  ViewOriginalText?: string;
  StorageDescriptor: { Columns: { Name: string; Type: string }[] };
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
