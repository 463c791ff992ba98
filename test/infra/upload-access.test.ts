import { beforeAll, describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../../core/datasets/index.ts';
import { provinces } from '../../pipeline/reference/provinces.ts';
import {
  ACCOUNT,
  bucketPolicyStatements,
  createResolver,
  keyPolicyStatements,
  REGION,
  roleStatements,
  type Statement,
} from './template-resolver.ts';
import { evaluate, type Decision } from './iam-simulator.ts';
import { synthForTemplate, type Synthesized } from './synth.ts';

let s: Synthesized;
let resolve: (v: unknown) => string;
let uploadsBucket: string;
let bucketPolicy: Statement[];

const idOf = (c: { node: { defaultChild?: unknown } }) => s.stack.getLogicalId(c.node.defaultChild as never);

beforeAll(() => {
  s = synthForTemplate();
  resolve = createResolver(s.template);
  uploadsBucket = resolve({ 'Fn::GetAtt': [idOf(s.stack.storage.uploads), 'Arn'] });
  bucketPolicy = bucketPolicyStatements(s.template, idOf(s.stack.storage.uploads));
});

const byRole = new Map<string, Statement[]>();
const statementsOf = (roleId: string): Statement[] => {
  const found = byRole.get(roleId) ?? roleStatements(s.template, roleId);
  byRole.set(roleId, found);
  return found;
};

/** What a principal (a role of the stack, or the given statements) may do on an uploads key. */
async function decide(
  who: { roleId: string } | { arn: string; statements: Statement[] },
  action: string,
  key: string,
  context: Record<string, string> = { 'aws:SecureTransport': 'true' },
): Promise<Decision> {
  const identity = 'roleId' in who ? statementsOf(who.roleId) : who.statements;
  const principalArn = 'roleId' in who ? resolve({ 'Fn::GetAtt': [who.roleId, 'Arn'] }) : who.arn;
  return evaluate(
    identity,
    bucketPolicy,
    { principalArn, action, resource: `${uploadsBucket}/${key}`, context },
    resolve,
  );
}

const province = (code: string) => {
  const role = s.stack.uploadAccess.provinceRoles[code];
  if (!role) throw new Error(`no upload role for ${code}`);
  return { roleId: idOf(role) };
};

describe('the IAM simulator', () => {
  it('lets an explicit deny win over an allow', async () => {
    const allowAll: Statement = { Effect: 'Allow', Action: '*', Resource: '*' };
    const deny: Statement = {
      Effect: 'Deny',
      Action: 's3:DeleteObject',
      Resource: '*',
      Principal: { AWS: '*' },
    };
    const req = {
      principalArn: `arn:aws:iam::${ACCOUNT}:role/a`,
      action: 's3:DeleteObject',
      resource: 'arn:aws:s3:::b/k',
    };
    expect(await evaluate([allowAll], [], req, resolve)).toBe('Allow');
    expect(await evaluate([allowAll], [deny], req, resolve)).toBe('ExplicitDeny');
    expect(await evaluate([], [], req, resolve)).toBe('ImplicitDeny');
  });
});

describe('province upload roles', () => {
  it('exist for the 34 current provinces, named after the code, assumable only with MFA', async () => {
    const current = provinces()
      .units.filter((u) => u.generation === '34')
      .map((u) => u.code);
    expect(Object.keys(s.stack.uploadAccess.provinceRoles).sort()).toEqual([...current].sort());
    s.template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'vss-test-upload-48',
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
            Principal: {
              AWS: {
                'Fn::Join': [
                  '',
                  ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root'],
                ],
              },
            },
          },
        ],
      },
    });
  });

  it('lets province 48 put a file under its own folder, in every dataset', async () => {
    expect(await decide(province('48'), 's3:PutObject', 'uploads/debt/2025-08/48/x.csv')).toBe('Allow');
    for (const ds of DATASET_NAMES) {
      expect(await decide(province('48'), 's3:PutObject', `uploads/${ds}/2025-09/48/bao-cao.xlsx`), ds).toBe(
        'Allow',
      );
    }
  });

  it("refuses province 48 a write under 79's folder, even one that ends in /48/", async () => {
    for (const key of [
      'uploads/debt/2025-08/79/x.csv',
      'uploads/debt/2025-08/79/48/x.csv',
      'uploads/debt/48/79/x.csv',
      'uploads/debt/2025-08/48',
      'uploads/other/2025-08/48/x.csv',
      'lake/debt/period=2025-08/province=48/data.parquet',
    ]) {
      expect(await decide(province('48'), 's3:PutObject', key), key).not.toBe('Allow');
    }
  });

  it('refuses province 48 deleting, reading or re-versioning anything, its own uploads included', async () => {
    const own = 'uploads/debt/2025-08/48/x.csv';
    expect(await decide(province('48'), 's3:DeleteObject', own)).toBe('ExplicitDeny');
    expect(await decide(province('48'), 's3:DeleteObjectVersion', own)).toBe('ExplicitDeny');
    // Object actions only: the simulator refuses to judge a bucket action on an object's ARN.
    for (const action of ['s3:GetObject', 's3:PutObjectAcl', 's3:PutObjectRetention']) {
      expect(await decide(province('48'), action, own), action).toBe('ImplicitDeny');
    }
  });

  it('refuses a write over plain HTTP', async () => {
    expect(
      await decide(province('48'), 's3:PutObject', 'uploads/debt/2025-08/48/x.csv', {
        'aws:SecureTransport': 'false',
      }),
    ).toBe('ExplicitDeny');
  });

  it("lets a merged province write its predecessors' folders and no other province's", async () => {
    const registry = provinces();
    const current = registry.units.filter((u) => u.generation === '34').map((u) => u.code);
    const allCodes = [...new Set(registry.units.map((u) => u.code))];
    for (const code of current) {
      for (const other of allCodes) {
        // Independent of the role code: an old unit belongs to whatever it is part of today.
        const mine = registry.currentCodeOf(other) === code;
        const got = await decide(province(code), 's3:PutObject', `uploads/debt/2024-12/${other}/f.csv`);
        expect(got, `${code} writing ${other}`).toBe(mine ? 'Allow' : 'ImplicitDeny');
      }
    }
    expect(await decide(province('48'), 's3:PutObject', 'uploads/debt/2024-05/49/x.csv')).toBe('Allow');
  });

  it('may use the data key only through S3', async () => {
    const statements = roleStatements(s.template, province('48').roleId);
    const key = resolve({ 'Fn::GetAtt': [idOf(s.stack.storage.key), 'Arn'] });
    const keyPolicy = keyPolicyStatements(s.template, idOf(s.stack.storage.key));
    const principalArn = resolve({ 'Fn::GetAtt': [province('48').roleId, 'Arn'] });
    const kms = (context: Record<string, string>) =>
      evaluate(
        statements,
        keyPolicy,
        { principalArn, action: 'kms:GenerateDataKey', resource: key, context },
        resolve,
      );
    expect(await kms({ 'kms:ViaService': `s3.${REGION}.amazonaws.com` })).toBe('Allow');
    expect(await kms({})).toBe('ImplicitDeny');
  });
});

describe('deleting uploads', () => {
  const own = 'uploads/debt/2025-08/48/x.csv';

  it('is denied to an administrator with every permission, and to the ingest function', async () => {
    const admin = {
      arn: `arn:aws:iam::${ACCOUNT}:role/Admin`,
      statements: [{ Effect: 'Allow', Action: '*', Resource: '*' } as Statement],
    };
    expect(await decide(admin, 's3:PutObject', own)).toBe('Allow');
    expect(await decide(admin, 's3:DeleteObject', own)).toBe('ExplicitDeny');
    expect(await decide(admin, 's3:DeleteObjectVersion', own)).toBe('ExplicitDeny');
    expect(await decide({ roleId: idOf(s.stack.ingest.fn.role) }, 's3:DeleteObject', own)).toBe(
      'ExplicitDeny',
    );
    expect(await decide({ roleId: idOf(s.stack.ingest.fn.role) }, 's3:GetObject', own)).toBe('Allow');
  });

  it('is allowed to the break-glass role only, which can do nothing else', async () => {
    const breakGlass = { roleId: idOf(s.stack.uploadAccess.breakGlass) };
    expect(await decide(breakGlass, 's3:DeleteObjectVersion', own)).toBe('Allow');
    expect(await decide(breakGlass, 's3:DeleteObject', own)).toBe('Allow');
    expect(await decide(breakGlass, 's3:PutObject', own)).toBe('ImplicitDeny');
    expect(await decide(breakGlass, 's3:GetObject', own)).toBe('ImplicitDeny');
  });
});
