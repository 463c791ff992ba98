import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, createResolver, REGION, roleStatements } from './template-resolver.ts';
import { evaluate } from './iam-simulator.ts';
import { resourcesOfType, synthForTemplate, type Synthesized } from './synth.ts';

const SYNC_SCRIPT = readFileSync(new URL('../../infra/sync-session-key.sh', import.meta.url), 'utf8');
const VIEWER = readFileSync(new URL('../../infra/auth/viewer-auth.js', import.meta.url), 'utf8');

let s: Synthesized;
beforeAll(() => {
  s = synthForTemplate();
});

const idOf = (c: { node: { defaultChild?: unknown } }) => s.stack.getLogicalId(c.node.defaultChild as never);

interface DistributionConfig {
  DefaultRootObject: string;
  DefaultCacheBehavior: { ViewerProtocolPolicy: string; ResponseHeadersPolicyId?: unknown };
  Origins: { S3OriginConfig?: { OriginAccessIdentity: string }; OriginAccessControlId?: unknown }[];
  Logging?: { Bucket: unknown; Prefix: string };
}

describe('dashboard distribution', () => {
  it('serves the site bucket through Origin Access Control over HTTPS only, index.html at the root', async () => {
    const dists = Object.values(resourcesOfType(s.template, 'AWS::CloudFront::Distribution'));
    expect(dists).toHaveLength(1);
    const config = dists[0]?.Properties?.DistributionConfig as DistributionConfig;
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('https-only');
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toBeDefined();
    // The site bucket, then the upload API and the sign-in functions (see below and upload-api).
    expect(config.Origins).toHaveLength(3);
    expect(config.Origins[0]?.OriginAccessControlId).toBeDefined();
    expect(config.Origins[0]?.S3OriginConfig?.OriginAccessIdentity ?? '').toBe('');
    const logs = s.stack.getLogicalId(s.stack.storage.logs.node.defaultChild as never);
    expect(config.Logging).toEqual({
      Bucket: { 'Fn::GetAtt': [logs, 'RegionalDomainName'] },
      Prefix: 'cloudfront/',
    });
    s.template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always' },
    });
  });

  it('lets only CloudFront read the site bucket', async () => {
    const site = s.stack.getLogicalId(s.stack.storage.site.node.defaultChild as never);
    const policy = Object.values(resourcesOfType(s.template, 'AWS::S3::BucketPolicy')).find(
      (p) => JSON.stringify(p.Properties?.Bucket) === JSON.stringify({ Ref: site }),
    );
    const allows = (
      policy?.Properties?.PolicyDocument as { Statement: { Effect: string; Principal: unknown }[] }
    ).Statement.filter((st) => st.Effect === 'Allow');
    expect(allows.map((st) => st.Principal)).toEqual([{ Service: 'cloudfront.amazonaws.com' }]);
  });

  it('sends HSTS, nosniff, frame denial and a content security policy', async () => {
    s.template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: {
          StrictTransportSecurity: { Override: true, IncludeSubdomains: true },
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentSecurityPolicy: { Override: true },
        },
      },
    });
  });
});

describe('dashboard sign-in', () => {
  it('checks a session on every path with a CloudFront Function and sends /auth/* to the sign-in function', async () => {
    const dist = Object.values(resourcesOfType(s.template, 'AWS::CloudFront::Distribution'))[0];
    const config = dist?.Properties?.DistributionConfig as {
      DefaultCacheBehavior: { FunctionAssociations?: { EventType: string }[] };
      CacheBehaviors?: { PathPattern: string; FunctionAssociations?: { EventType: string }[] }[];
      Origins: { OriginAccessControlId?: unknown }[];
    };
    expect(config.DefaultCacheBehavior.FunctionAssociations?.map((f) => f.EventType)).toEqual([
      'viewer-request',
    ]);
    expect(config.CacheBehaviors?.map((b) => b.PathPattern)).toEqual(['/api/*', '/auth/*']);
    for (const behavior of config.CacheBehaviors ?? []) {
      expect(behavior.FunctionAssociations?.map((f) => f.EventType)).toEqual(['viewer-request']);
    }
    expect(config.Origins).toHaveLength(3);
    for (const origin of config.Origins) expect(origin.OriginAccessControlId).toBeDefined();
    s.template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionConfig: { Runtime: 'cloudfront-js-2.0', KeyValueStoreAssociations: [{}] },
    });
    s.template.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'AWS_IAM' });
  });

  it('has a user pool with MFA, no self sign-up, a leadership group and one group per current province', async () => {
    s.template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    const groups = Object.values(resourcesOfType(s.template, 'AWS::Cognito::UserPoolGroup')).map(
      (g) => g.Properties?.GroupName,
    );
    expect(groups).toContain('leadership');
    expect(groups.filter((g) => String(g).startsWith('province-'))).toHaveLength(34);
    s.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      GenerateSecret: false,
    });
  });
});

// Generated in Secrets Manager by the stack, read by name by the sign-in and upload functions, and
// copied into the viewer function's key value store by the one deploy step, infra/sync-session-key.sh.
describe('session signing key', () => {
  it('is generated by Secrets Manager at deploy (48 characters), never written in the template', async () => {
    const secrets = Object.values(resourcesOfType(s.template, 'AWS::SecretsManager::Secret'));
    expect(secrets).toHaveLength(1);
    expect(secrets[0]?.Properties).toMatchObject({
      Name: 'vss/test/dashboard-session',
      GenerateSecretString: { GenerateStringKey: 'sessionKey', PasswordLength: 48 },
    });
    expect(JSON.stringify(s.template.toJSON())).not.toMatch(/"sessionKey\\?":\\?"/);
  });

  it('is readable by the sign-in and upload functions, and by no other function of the stack', async () => {
    const resolve = createResolver(s.template);
    const secretArn = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:vss/test/dashboard-session-AbCdEf`;
    const roleIds = Object.keys(resourcesOfType(s.template, 'AWS::IAM::Role'));
    const decisions = await Promise.all(
      roleIds.map((roleId) =>
        evaluate(
          roleStatements(s.template, roleId),
          [],
          {
            principalArn: resolve({ 'Fn::GetAtt': [roleId, 'Arn'] }),
            action: 'secretsmanager:GetSecretValue',
            resource: secretArn,
          },
          resolve,
        ),
      ),
    );
    const readers = roleIds.filter((_, i) => decisions[i] === 'Allow');
    expect(readers.sort()).toEqual(
      [
        idOf(s.stack.uploadApi.role),
        s.stack.getLogicalId(s.stack.signIn.sessionFunction.role?.node.defaultChild as never),
      ].sort(),
    );
  });

  it('reaches the key value store by the deploy step, under the name the viewer function reads', async () => {
    const outputs = s.template.toJSON().Outputs as Record<string, unknown>;
    for (const name of ['SessionKeyStoreArn', 'SessionSecretName']) {
      expect(outputs[name], name).toBeDefined();
      expect(SYNC_SCRIPT).toContain(`output ${name}`);
    }
    const keyName = /var KEY_NAME = '([^']+)'/.exec(VIEWER)?.[1];
    expect(keyName).toBe('session-key');
    expect(SYNC_SCRIPT).toContain(`--key ${keyName} `);
    expect(SYNC_SCRIPT).toContain('jq -r .sessionKey');
  });
});
