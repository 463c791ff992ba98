/**
 * Athena's targets tables lie over the lake's targets object, the deploy writes the seed as that
 * object once (never over loaded decisions), and no role but that deploy-time copy (and the CDK's
 * reference copier, which the nag acknowledgement bounds) may write the object.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TARGETS_KEY } from '../../core/contracts/layout.ts';
import { TARGETS_HISTORY_TABLE, TARGETS_TABLE } from '../../core/reference/reference-tables.ts';
import { targetsInForceSql } from '../../infra/targets-tables.ts';
import { referenceDir } from '../../pipeline/reference/provinces.ts';
import { parseTargetsCsv, TARGETS_FILE, TARGETS_SEED_PARQUET } from '../../pipeline/reference/targets.ts';
import { targetsParquet } from '../../pipeline/reference/targets-parquet.ts';
import { resourcesOfType, synthForTemplate, type Synthesized } from './synth.ts';
import { createResolver, resolveStatement, roleStatements } from './template-resolver.ts';

interface TableInput {
  Name: string;
  TableType: string;
  Parameters: Record<string, string>;
  ViewOriginalText?: string;
  StorageDescriptor: { Columns: { Name: string; Type: string }[]; Location?: unknown; InputFormat?: string };
}

let s: Synthesized;
beforeAll(() => {
  s = synthForTemplate();
});

const table = (name: string): TableInput => {
  const found = Object.values(resourcesOfType(s.template, 'AWS::Glue::Table'))
    .map((t) => t.Properties?.TableInput as TableInput)
    .find((t) => t.Name === name);
  if (!found) throw new Error(`no Glue table ${name}`);
  return found;
};
const GLUE_OF_TYPE: Record<string, string> = { text: 'string', bigint: 'bigint', double: 'double' };
const TRINO_OF_TYPE: Record<string, string> = { text: 'varchar', bigint: 'bigint', double: 'double' };

describe('the targets tables in Athena', () => {
  it('vss.targets_history is Parquet over the folder of the targets object, the definition its columns', () => {
    const t = table('targets_history');
    expect(t.TableType).toBe('EXTERNAL_TABLE');
    expect(t.Parameters.classification).toBe('parquet');
    expect(t.StorageDescriptor.InputFormat).toContain('Parquet');
    const location = JSON.stringify(t.StorageDescriptor.Location);
    expect(location).toContain('"s3://"');
    expect(location).toContain(`"/${TARGETS_KEY.slice(0, TARGETS_KEY.indexOf('/') + 1)}"`);
    expect(t.StorageDescriptor.Columns.map((c) => [c.Name, c.Type])).toEqual(
      TARGETS_HISTORY_TABLE.columns.map((c) => [c.name, GLUE_OF_TYPE[c.type]]),
    );
  });

  it('vss.targets is a view of the history keeping the rows in force, as Athena stores a view', () => {
    const t = table('targets');
    expect(t.TableType).toBe('VIRTUAL_VIEW');
    expect(t.Parameters.presto_view).toBe('true');
    const encoded = /^\/\* Presto View: ([A-Za-z0-9+/=]+) \*\/$/.exec(t.ViewOriginalText ?? '')?.[1];
    const view = JSON.parse(Buffer.from(encoded ?? '', 'base64').toString('utf8')) as {
      originalSql: string;
      schema: string;
      columns: { name: string; type: string }[];
    };
    expect(view.originalSql).toBe(targetsInForceSql('vss'));
    expect(view.schema).toBe('vss');
    expect(view.columns).toEqual(
      TARGETS_TABLE.columns.map((c) => ({ name: c.name, type: TRINO_OF_TYPE[c.type] })),
    );
    expect(t.StorageDescriptor.Columns.map((c) => c.Name)).toEqual(TARGETS_TABLE.columns.map((c) => c.name));
  });
});

describe('the seed the deploy writes', () => {
  it('is the bytes the loader writes for reference/targets.csv (npx tsx tools/write-targets.ts)', async () => {
    const seed = parseTargetsCsv(readFileSync(join(referenceDir(), TARGETS_FILE)));
    const committed = readFileSync(join(referenceDir(), TARGETS_SEED_PARQUET));
    expect(Buffer.from(await targetsParquet(seed)).equals(committed)).toBe(true);
  });

  it('is copied to the targets key on create only, KMS-encrypted: a later deploy keeps loaded decisions', () => {
    const seeds = Object.values(resourcesOfType(s.template, 'Custom::TargetsSeed'));
    expect(seeds).toHaveLength(1);
    const props = seeds[0]?.Properties ?? {};
    expect(props.Update).toBeUndefined();
    expect(props.Delete).toBeUndefined();
    const create = JSON.stringify(props.Create);
    expect(create).toContain('"action\\":\\"copyObject\\"');
    expect(create).toContain(`\\"Key\\":\\"${TARGETS_KEY}\\"`);
    expect(create).toContain('\\"ServerSideEncryption\\":\\"aws:kms\\"');
  });
});

describe('who may write the targets object', () => {
  it('only the deploy-time copiers: the seed copy and the CDK reference copier', () => {
    const resolve = createResolver(s.template);
    const lakeId = s.stack.getLogicalId(s.stack.storage.lake.node.defaultChild as never);
    const target = `arn:aws:s3:::${lakeId.toLowerCase()}/${TARGETS_KEY}`;
    const writes = (action: string) => /^s3:(\*|Put\*|PutObject\*?)$/.test(action);
    const covers = (pattern: string) =>
      new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`).test(target);
    const list = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);
    const writers = Object.keys(resourcesOfType(s.template, 'AWS::IAM::Role')).filter((roleId) =>
      roleStatements(s.template, roleId)
        .map((st) => resolveStatement(st, resolve))
        .some(
          (st) =>
            st.Effect === 'Allow' &&
            list(st.Action).some(writes) &&
            list(st.Resource as string | string[]).some(covers),
        ),
    );
    expect(writers.map((id) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
      'AWS679f53fac002430cb0da5b7982bd2287ServiceRole',
      'CustomCDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C256MiBServiceRole',
    ]);
  });
});
