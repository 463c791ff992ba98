/**
 * The partition projection of the Glue tables as synthesized: per table its partition keys,
 * the values Athena projects for each (an enum's list; a date range's months, NOW read in UTC
 * as Athena reads it) and the storage.location.template the values fill in.
 */
import { addMonths, type Period } from '../../../core/period.ts';
import { prestoViewSql } from '../../../infra/presto-view.ts';

export interface ProjectedTable {
  name: string;
  keys: string[];
  values: Record<string, string[]>;
  template: string;
  /** The catalog views that read this table (a read of one is a read of each table it names). */
  views: string[];
}

interface GlueTableResource {
  Type: string;
  Properties?: {
    TableInput?: {
      Name?: string;
      PartitionKeys?: { Name: string }[];
      Parameters?: Record<string, unknown>;
      TableType?: string;
      ViewOriginalText?: string;
    };
  };
}

/** `NOW`, `NOW+1MONTHS`, `NOW-2YEARS` or `yyyy-MM` as a month, NOW taken in UTC. */
export function projectedMonth(bound: string, now: Date): Period {
  const relative = /^NOW(?:([+-]\d+)(MONTHS|YEARS))?$/i.exec(bound.trim());
  if (!relative) return bound.trim();
  const utc = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const n = Number(relative[1] ?? 0);
  return addMonths(utc, /YEARS/i.test(relative[2] ?? '') ? 12 * n : n);
}

export function projectedValues(parameters: Record<string, string>, key: string, now: Date): string[] {
  const type = parameters[`projection.${key}.type`];
  if (type === 'enum') return (parameters[`projection.${key}.values`] ?? '').split(',');
  if (type === 'date') {
    if (parameters[`projection.${key}.format`] !== 'yyyy-MM') throw new Error(`${key}: only yyyy-MM dates`);
    if (parameters[`projection.${key}.interval.unit`] !== 'MONTHS') throw new Error(`${key}: only MONTHS`);
    const [from, to] = (parameters[`projection.${key}.range`] ?? '').split(',');
    const out: string[] = [];
    const last = projectedMonth(to ?? '', now);
    for (let p = projectedMonth(from ?? '', now); p <= last; p = addMonths(p, 1)) out.push(p);
    return out;
  }
  throw new Error(`projection type ${String(type)} of ${key} is not modelled`);
}

/** Every projected table of a template's resources; `resolve` turns intrinsics into text. */
export function projectedTables(
  resources: Record<string, GlueTableResource>,
  resolve: (value: unknown) => string,
  now: Date,
): ProjectedTable[] {
  const tables: ProjectedTable[] = [];
  for (const resource of Object.values(resources)) {
    const input = resource.Properties?.TableInput;
    if (resource.Type !== 'AWS::Glue::Table' || !input?.Parameters) continue;
    const parameters = Object.fromEntries(Object.entries(input.Parameters).map(([k, v]) => [k, resolve(v)]));
    if (parameters['projection.enabled'] !== 'true') continue;
    const keys = (input.PartitionKeys ?? []).map((k) => k.Name);
    tables.push({
      name: input.Name ?? '',
      keys,
      values: Object.fromEntries(keys.map((k) => [k, projectedValues(parameters, k, now)])),
      template: parameters['storage.location.template'] ?? '',
      views: [],
    });
  }
  // Athena expands a view into its SQL and prunes each table it reads by the predicates the
  // query puts on the view's columns, which the catalog's views pass through unchanged.
  for (const resource of Object.values(resources)) {
    const input = resource.Properties?.TableInput;
    if (resource.Type !== 'AWS::Glue::Table' || input?.TableType !== 'VIRTUAL_VIEW') continue;
    const read = new Set(
      [...prestoViewSql(input.ViewOriginalText ?? '').matchAll(/\bvss\.(\w+)/g)].map((m) => m[1]),
    );
    for (const table of tables) if (read.has(table.name)) table.views.push(input.Name ?? '');
  }
  return tables;
}
