/**
 * Every function's variables as the stack sets them are exactly the keys its environment schema
 * requires (functions/environment.ts), on both refresh engines; and what the stack sets is what
 * the function's own parse at the edge accepts, one key fewer being refused by name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { ConfigError } from '../../core/errors.ts';
import {
  parseEnvironment,
  stackEnvironment,
  stackKeys,
  type FunctionName,
} from '../../functions/environment.ts';
import { resourcesOfType, synthForTemplate, type Synthesized } from './synth.ts';

let duckdb: Synthesized;
let athena: Synthesized;
beforeAll(() => {
  duckdb = synthForTemplate();
  athena = synthForTemplate({ refreshEngine: 'athena' });
}, 120_000);

const functionsOf = (s: Synthesized): Record<FunctionName, IFunction> => ({
  ingest: s.stack.ingest.fn.fn,
  refresh: s.stack.refresh.fn.fn,
  uploadApi: s.stack.uploadApi.fn,
  session: s.stack.signIn.sessionFunction,
  compact: s.stack.compaction.fn.fn,
});

/** The synthesized variables of one function, tokens (Ref, GetAtt) rendered as placeholder text. */
function variablesOf(s: Synthesized, fn: IFunction): Record<string, string> {
  const id = s.stack.getLogicalId(fn.node.defaultChild as never);
  const resource = resourcesOfType(s.template, 'AWS::Lambda::Function')[id];
  const env = resource?.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined;
  const variables = env?.Variables ?? {};
  return Object.fromEntries(
    Object.entries(variables).map(([k, v]) => [k, typeof v === 'string' ? v : `token:${JSON.stringify(v)}`]),
  );
}

describe.each([
  ['duckdb', () => duckdb],
  ['athena', () => athena],
] as const)('function environments with the refresh on %s', (engine, synth) => {
  it.each(['ingest', 'refresh', 'uploadApi', 'session', 'compact'] as const)(
    '%s gets exactly the keys its schema requires',
    (name) => {
      const s = synth();
      const keys = Object.keys(variablesOf(s, functionsOf(s)[name])).sort();
      const shapes = stackKeys(name);
      expect(shapes).toContainEqual(keys);
      if (name === 'refresh') expect(keys.includes('VSS_ATHENA_WORKGROUP')).toBe(engine === 'athena');
    },
  );

  it.each(['ingest', 'refresh', 'uploadApi', 'session', 'compact'] as const)(
    '%s parses what the stack sets and names a variable the stack would forget',
    (name) => {
      const s = synth();
      const variables = variablesOf(s, functionsOf(s)[name]);
      expect(() => parseEnvironment(name, variables)).not.toThrow();
      for (const key of Object.keys(variables)) {
        const { [key]: _dropped, ...fewer } = variables;
        expect(() => parseEnvironment(name, fewer)).toThrow(ConfigError);
        expect(() => parseEnvironment(name, fewer)).toThrow(new RegExp(`\\b${key}\\b`));
      }
    },
  );
});

describe('parseEnvironment', () => {
  const ingest = { UPLOADS_BUCKET: 'u', LAKE_BUCKET: 'l', VSS_REFERENCE_DIR: '/r' };

  it('takes an empty variable for unset and names a bad one', () => {
    expect(() => parseEnvironment('ingest', { ...ingest, LAKE_BUCKET: '' })).toThrow(
      'environment variable LAKE_BUCKET is not set',
    );
    expect(parseEnvironment('ingest', { ...ingest, S3_ENDPOINT: '' }).S3_ENDPOINT).toBeUndefined();
    expect(() => parseEnvironment('ingest', { ...ingest, VSS_MAX_UPLOAD_BYTES: 'lots' })).toThrow(
      /^environment variable VSS_MAX_UPLOAD_BYTES is not valid/,
    );
    expect(parseEnvironment('ingest', { ...ingest, VSS_MAX_UPLOAD_BYTES: '1000' }).VSS_MAX_UPLOAD_BYTES).toBe(
      1000,
    );
  });

  it('refuses an unknown refresh engine and athena without its workgroup', () => {
    const refresh = { LAKE_BUCKET: 'l', SITE_BUCKET: 's', VSS_REFERENCE_DIR: '/r' };
    expect(() => parseEnvironment('refresh', { ...refresh, VSS_REFRESH_ENGINE: 'spark' })).toThrow(
      /VSS_REFRESH_ENGINE is not valid/,
    );
    expect(() =>
      parseEnvironment('refresh', { ...refresh, VSS_REFRESH_ENGINE: 'athena', VSS_ATHENA_DATABASE: 'vss' }),
    ).toThrow('environment variable VSS_ATHENA_WORKGROUP is not set');
  });
});

describe('stackEnvironment', () => {
  it('is typed by the schema: a forgotten or an unknown key does not compile', () => {
    const ok = stackEnvironment('session', { SESSION_SECRET_NAME: 'name' });
    // @ts-expect-error SESSION_SECRET_NAME is required by the session function
    const forgotten = stackEnvironment('session', {});
    // @ts-expect-error the session function reads no LAKE_BUCKET
    const unknown = stackEnvironment('session', { SESSION_SECRET_NAME: 'name', LAKE_BUCKET: 'l' });
    const athenaRefresh = stackEnvironment('refresh', {
      LAKE_BUCKET: 'l',
      SITE_BUCKET: 's',
      VSS_REFERENCE_DIR: '/r',
      VSS_REFRESH_ENGINE: 'duckdb',
      // @ts-expect-error on DuckDB the refresh reads no Athena workgroup
      VSS_ATHENA_WORKGROUP: 'wg',
    });
    expect([ok, forgotten, unknown, athenaRefresh].map((e) => Object.keys(e).length)).toEqual([1, 0, 2, 5]);
  });
});
