/**
 * The upload API Lambda entry (behind CloudFront at /api/*): the handler
 * (pipeline/upload-api/upload-api-handler.ts) built on the first request from the function's
 * environment and kept while the container is warm.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { withUploadApiTelemetry } from '../pipeline/observability/upload-api-telemetry.ts';
import { createS3Client } from '../pipeline/storage/s3-client.ts';
import { createUploadApiHandler } from '../pipeline/upload-api/upload-api-handler.ts';
import { loadSessionKey } from '../pipeline/upload-api/session-key.ts';
import { limitsOf } from '../pipeline/validate/limits.ts';
import { parseEnvironment } from './environment.ts';

let lambdaHandler: ((event: unknown) => Promise<APIGatewayProxyStructuredResultV2>) | undefined;
let sessionKey: Promise<string> | undefined;

export const handler = withUploadApiTelemetry(
  (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    if (!lambdaHandler) {
      const env = parseEnvironment('uploadApi');
      lambdaHandler = createUploadApiHandler({
        s3: createS3Client({ endpoint: env.S3_ENDPOINT, region: env.AWS_REGION }),
        uploadsBucket: env.UPLOADS_BUCKET,
        lakeBucket: env.LAKE_BUCKET,
        maxBytes: limitsOf(env).maxBytes,
        sessionKey: () => (sessionKey ??= loadSessionKey({ SESSION_SECRET_NAME: env.SESSION_SECRET_NAME })),
      });
    }
    return lambdaHandler(event);
  },
);
