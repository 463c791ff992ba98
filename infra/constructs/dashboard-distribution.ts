import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface DashboardDistributionProps {
  readonly site: s3.IBucket;
  readonly logs: s3.IBucket;
  /**
   * Content-Security-Policy of every response. Default: same origin only, except that Vega
   * compiles its expressions with `new Function` ('unsafe-eval') and vega-embed injects styles.
   */
  readonly contentSecurityPolicy?: string;
  /** Sign-in: the viewer function on every path, and /auth/* answered by the session function. */
  readonly signIn?: { viewerFunction: cloudfront.IFunction; sessionUrl: lambda.IFunctionUrl };
  /**
   * With signIn, the upload API at /api/* (never cached, session required like every path), and the
   * origin the page PUTs files to (the uploads bucket's regional endpoint), added to connect-src.
   */
  readonly uploadApi?: { url: lambda.IFunctionUrl; uploadsOrigin: string };
}

/** The default policy, with further origins the page may fetch from (connect-src). */
export function defaultCsp(connectTo: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    ["connect-src 'self'", ...connectTo].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The dashboard's static files from the site bucket, through CloudFront only (OAC), HTTPS only. */
export class DashboardDistribution extends Construct {
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: DashboardDistributionProps) {
    super(scope, id);
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'VSS dashboard security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy:
            props.contentSecurityPolicy ?? defaultCsp(props.uploadApi ? [props.uploadApi.uploadsOrigin] : []),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.SAME_ORIGIN, override: true },
      },
    });
    const signIn = props.signIn;
    const functionAssociations = signIn
      ? [{ function: signIn.viewerFunction, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }]
      : undefined;
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'VSS leadership dashboard',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(props.site),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
        responseHeadersPolicy: headers,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        functionAssociations,
      },
      additionalBehaviors: signIn
        ? {
            ...(props.uploadApi
              ? {
                  '/api/*': {
                    origin: origins.FunctionUrlOrigin.withOriginAccessControl(props.uploadApi.url),
                    viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
                    responseHeadersPolicy: headers,
                    // Answers depend on the caller's cookie: never cached, never shared.
                    cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
                    originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
                    allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
                    functionAssociations,
                  },
                }
              : {}),
            '/auth/*': {
              origin: origins.FunctionUrlOrigin.withOriginAccessControl(signIn.sessionUrl),
              viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
              responseHeadersPolicy: headers,
              cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
              // The query (code, state) and cookies must reach the function; Host must not.
              originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
              allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
              functionAssociations,
            },
          }
        : undefined,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: props.logs,
      logFilePrefix: 'cloudfront/',
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'Leadership reads the dashboard from abroad too; access will be limited by sign-in, not country.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF: the site is static and read-only, every path needs a signed session, and Cognito limits sign-in attempts.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'No custom domain yet: the default CloudFront certificate allows TLSv1; TLS 1.2 applies once a domain and certificate are set.',
      },
    );
  }
}
