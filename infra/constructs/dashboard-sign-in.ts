import { fileURLToPath } from 'node:url';
import { ArnFormat, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secrets from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { stackEnvironment } from '../../functions/environment.ts';
import { LEADERSHIP_GROUP, PROVINCE_GROUP_PREFIX } from '../../pipeline/auth/session-cookie.ts';

const AUTH_DIR = fileURLToPath(new URL('../auth/', import.meta.url));
const SESSION_ENTRY = fileURLToPath(new URL('../../functions/session.ts', import.meta.url));

export interface DashboardSignInProps {
  readonly envName: string;
  /** Current province codes: one Cognito group `province-<code>` each. */
  readonly provinceCodes: readonly string[];
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Who may open the dashboard. People sign in through the Cognito hosted UI (MFA required, no
 * self sign-up); a small function turns the result into a signed session cookie, and a
 * CloudFront Function checks that cookie on every request. Lambda@Edge would have to live in
 * us-east-1 (a second stack); a CloudFront Function runs in the stack's own template.
 */
export class DashboardSignIn extends Construct {
  readonly userPool: cognito.UserPool;
  readonly domain: cognito.UserPoolDomain;
  readonly keyStore: cloudfront.KeyValueStore;
  readonly viewerFunction: cloudfront.Function;
  readonly sessionFunction: nodejs.NodejsFunction;
  readonly sessionUrl: lambda.FunctionUrl;
  readonly secretName: string;

  constructor(scope: Construct, id: string, props: DashboardSignInProps) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.userPool = new cognito.UserPool(this, 'Users', {
      userPoolName: `vss-${props.envName}-dashboard`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      removalPolicy,
    });
    const plusPlan =
      'Threat protection needs the Plus feature plan (per-user cost); accounts are few, invited and MFA-protected.';
    Validations.of(this.userPool).acknowledge(
      { id: 'AwsSolutions-COG3', reason: plusPlan },
      { id: 'AwsSolutions-COG8', reason: plusPlan },
    );
    new cognito.CfnUserPoolGroup(this, 'Leadership', {
      userPoolId: this.userPool.userPoolId,
      groupName: LEADERSHIP_GROUP,
      description: 'National leadership: every page and every province',
    });
    for (const code of props.provinceCodes) {
      new cognito.CfnUserPoolGroup(this, `Province-${code}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: `${PROVINCE_GROUP_PREFIX}${code}`,
        description: `Province ${code}: the pages and data/provinces/${code}/ only`,
      });
    }
    this.domain = this.userPool.addDomain('HostedUi', {
      cognitoDomain: { domainPrefix: `vss-${props.envName}-${Stack.of(this).account}` },
    });

    this.keyStore = new cloudfront.KeyValueStore(this, 'SessionKeyStore', {
      comment: 'Holds session-key, the key that signs dashboard session cookies',
    });
    this.viewerFunction = new cloudfront.Function(this, 'ViewerAuth', {
      comment: 'Refuses dashboard requests without a valid session for the path',
      code: cloudfront.FunctionCode.fromFile({ filePath: `${AUTH_DIR}viewer-auth.js` }),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      keyValueStore: this.keyStore,
    });

    this.secretName = `vss/${props.envName}/dashboard-session`;
    this.sessionFunction = this.createSessionFunction(removalPolicy);
    this.sessionUrl = this.sessionFunction.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM });
  }

  private createSessionFunction(removalPolicy: RemovalPolicy): nodejs.NodejsFunction {
    const logGroup = new logs.LogGroup(this, 'SessionLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy,
    });
    const role = new iam.Role(this, 'SessionRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Dashboard sign-in function (execution role)',
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    // By name, not by the secret's ARN: the secret names the client, whose callback URL names
    // the distribution in front of this function; a reference would close that circle.
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['secretsmanager:GetSecretValue'],
        resources: [
          Stack.of(this).formatArn({
            service: 'secretsmanager',
            resource: 'secret',
            resourceName: `${this.secretName}-??????`,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        ],
      }),
    );
    const fn = new nodejs.NodejsFunction(this, 'Session', {
      entry: SESSION_ENTRY,
      handler: 'handler',
      description: 'Dashboard sign-in: hosted UI redirect, code exchange, session cookie',
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 256,
      timeout: Duration.seconds(10),
      role,
      logGroup,
      tracing: lambda.Tracing.ACTIVE,
      environment: stackEnvironment('session', { SESSION_SECRET_NAME: this.secretName }),
      bundling: { format: nodejs.OutputFormat.ESM, target: 'node22', externalModules: ['@aws-sdk/*'] },
    });
    Validations.of(this).acknowledge(
      { id: 'AwsSolutions-L1', reason: 'Pinned to nodejs22.x, the runtime the platform is tested on.' },
      {
        id: 'Serverless-LambdaLatestVersion',
        reason: 'Pinned to nodejs22.x, the runtime the platform is tested on.',
      },
      {
        id: 'Serverless-LambdaDLQ',
        reason:
          'Invoked synchronously by CloudFront for a browser; a failed sign-in is retried by the person.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions.',
      },
    );
    return fn;
  }

  /** The app client (its callback URL is the distribution's) and the secret the function reads. */
  attachClient(distribution: cloudfront.IDistribution): secrets.Secret {
    const site = `https://${distribution.distributionDomainName}`;
    const client = this.userPool.addClient('Dashboard', {
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL],
        callbackUrls: [`${site}/auth/callback`],
        logoutUrls: [`${site}/`],
      },
      idTokenValidity: Duration.hours(1),
      preventUserExistenceErrors: true,
    });
    const secret = new secrets.Secret(this, 'SessionSecret', {
      secretName: this.secretName,
      description:
        'Dashboard sign-in settings and the session-cookie signing key (infra/sync-session-key.sh copies it to the key value store)',
      generateSecretString: {
        secretStringTemplate: Stack.of(this).toJsonString({
          clientId: client.userPoolClientId,
          userPoolId: this.userPool.userPoolId,
          hostedUi: this.domain.baseUrl(),
        }),
        generateStringKey: 'sessionKey',
        passwordLength: 48,
        excludePunctuation: true,
      },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The signing key is rotated by hand with infra/sync-session-key.sh (deploy guide); automatic rotation would break sessions mid-day.',
    });
    return secret;
  }
}
