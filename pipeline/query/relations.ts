/**
 * The relations of the `vss` schema, each with what it needs created first and how to create it,
 * so an engine can create only those a query names: opening a view over years of small files
 * reads every file's footer (union_by_name), which an aggregate over one dataset should not pay
 * for the other datasets.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { DATASETS, DATASET_NAMES } from '../../core/datasets/index.ts';
import type { Period } from '../../core/period.ts';
import type { Targets } from '../../core/reference/targets.ts';
import {
  DATASETS_TABLE,
  MONTHS_TABLE,
  PROVINCES_TABLE,
  TARGETS_HISTORY_TABLE,
  TARGETS_TABLE,
} from '../../core/reference/reference-tables.ts';
import { provinces, type ProvinceRegistry } from '../reference/provinces.ts';
import { mirrorTargets } from '../reference/targets-object.ts';
import { ensureSummaries } from '../summary/backfill.ts';
import {
  createDatasetsTable,
  createMonthsTable,
  createProvincesTable,
  createTargetsTable,
  dataPeriodRange,
} from './reference-tables.ts';
import { datasetViewSql, summariesViewSql, uploadsViewSql, type SchemaMatch } from './views.ts';

export interface RelationSource {
  mirrorDir: string;
  registry?: ProvinceRegistry;
  /** Default: the mirror's copy of the lake's targets object, read when the tables are made. */
  targets?: Targets;
  /** Months to report; default: from the first to the last month found in the lake and ledger. */
  range?: { from: Period; to: Period };
  /** Compute the summaries a lake object lacks in the mirror before vss.summaries (default true). */
  backfillSummaries?: boolean;
}

export interface VssRelation {
  /** The names under `vss.` it creates (the targets loader creates both targets tables). */
  names: readonly string[];
  /** Relations that must exist before it (vss.months reads the range of every dataset). */
  needs: readonly string[];
  create(connection: DuckDBConnection): Promise<void>;
}

/** The reference tables, in the order an engine creates them. */
export function referenceRelations(source: RelationSource): VssRelation[] {
  return [
    {
      names: [PROVINCES_TABLE.name],
      needs: [],
      create: (c) => createProvincesTable(c, source.registry ?? provinces()),
    },
    { names: [DATASETS_TABLE.name], needs: [], create: createDatasetsTable },
    {
      names: [TARGETS_TABLE.name, TARGETS_HISTORY_TABLE.name],
      needs: [],
      create: async (c) => createTargetsTable(c, source.targets ?? (await mirrorTargets(source.mirrorDir))),
    },
  ];
}

/** vss.months over the given range, or the range of every dataset and upload. */
export function monthsRelation(source: RelationSource): VssRelation {
  return {
    names: [MONTHS_TABLE.name],
    needs: source.range ? [] : [...DATASET_NAMES, 'uploads'],
    create: async (c) => createMonthsTable(c, source.range ?? (await dataPeriodRange(c))),
  };
}

/** Every relation of the schema as views over the mirror's files (no file cache, no month-only). */
export function viewRelations(source: RelationSource, schema: SchemaMatch = 'union'): VssRelation[] {
  const { mirrorDir } = source;
  return [
    ...Object.values(DATASETS).map((dataset) => ({
      names: [dataset.name],
      needs: [],
      create: async (c: DuckDBConnection) => {
        await c.run(datasetViewSql(dataset, mirrorDir, 'VIEW', undefined, schema));
      },
    })),
    {
      names: ['summaries'],
      needs: [],
      async create(c: DuckDBConnection) {
        if (source.backfillSummaries !== false) await ensureSummaries(mirrorDir);
        await c.run(summariesViewSql(mirrorDir));
      },
    },
    {
      names: ['uploads'],
      needs: [],
      create: (c: DuckDBConnection) => c.run(uploadsViewSql(mirrorDir)).then(() => undefined),
    },
    ...referenceRelations(source),
    monthsRelation(source),
  ];
}

/**
 * The relation names a SQL text may refer to: every identifier-like word in it, lower-cased. A
 * superset on purpose (a word in a comment or a column alias counts too): a relation created for
 * nothing costs time, a relation missing would fail the query.
 */
export function mentionedNames(sql: string): Set<string> {
  return new Set(sql.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
}
