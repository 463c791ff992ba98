/**
 * The environment of every Lambda, one zod schema per function. The function parses process.env
 * with it once, at the edge; the stack (infra/) sets each function's variables through
 * stackEnvironment, whose type is derived from the same schema.
 *
 * A required key is one the stack sets; an optional key is one it never sets (a local S3
 * endpoint, an operator's override of a limit, or a variable the Lambda runtime provides), so
 * the stack's variables are exactly the schema's required keys (test/infra/environment.test.ts).
 * This file loads nothing but zod: the CDK app imports it.
 */
import { z } from 'zod';
import { ConfigError } from '../core/errors.ts';
import { UPLOAD_LIMITS_ENVIRONMENT } from '../pipeline/validate/limits.ts';

const set = z.string().min(1);
const optional = z.string().min(1).optional();

/** Read by pipeline/reference/provinces.ts; the bundles carry reference/ at this path. */
const referenceDir = { VSS_REFERENCE_DIR: set };
/**
 * The S3 client's settings (pipeline/storage/s3-client.ts): s3rver on 127.0.0.1 when a handler
 * runs against the local stand-in, absent in AWS; AWS_REGION is provided by the Lambda runtime
 * (the stack may not set it) and read by the S3, Athena and Secrets Manager clients.
 */
const s3Client = { S3_ENDPOINT: optional, AWS_REGION: optional };

/** Provided by the Lambda runtime: the function's memory, which bounds DuckDB's. */
const lambdaMemory = { AWS_LAMBDA_FUNCTION_MEMORY_SIZE: z.coerce.number().int().positive().optional() };

/**
 * DuckDB's share of a function's memory (MB): room is left for the Node heap and the bytes read
 * and written beside DuckDB's own. Undefined outside Lambda: DuckDB's default then.
 */
export const duckdbMemoryMb = (env: { AWS_LAMBDA_FUNCTION_MEMORY_SIZE?: number | undefined }) =>
  env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE === undefined ? undefined : env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE * 0.6;

export const ingestEnvironment = z.object({
  UPLOADS_BUCKET: set,
  LAKE_BUCKET: set,
  ...referenceDir,
  ...s3Client,
  ...lambdaMemory,
  ...UPLOAD_LIMITS_ENVIRONMENT,
});

const refreshCommon = {
  LAKE_BUCKET: set,
  SITE_BUCKET: set,
  ...referenceDir,
  ...s3Client,
  ...lambdaMemory,
  /** queries/ elsewhere than beside the code (pipeline/query/named-query.ts). */
  VSS_QUERIES_DIR: optional,
};

/** DuckDB over a copy of the lake in /tmp, or Athena over the catalog (infra/constructs/refresh-schedule.ts). */
export const refreshEnvironment = z.discriminatedUnion('VSS_REFRESH_ENGINE', [
  z.object({ ...refreshCommon, VSS_REFRESH_ENGINE: z.literal('duckdb') }),
  z.object({
    ...refreshCommon,
    VSS_REFRESH_ENGINE: z.literal('athena'),
    VSS_ATHENA_WORKGROUP: set,
    VSS_ATHENA_DATABASE: set,
  }),
]);

export const uploadApiEnvironment = z.object({
  UPLOADS_BUCKET: set,
  LAKE_BUCKET: set,
  /** The sign-in's secret; its `sessionKey` signs the session cookie (pipeline/upload-api/session-key.ts). */
  SESSION_SECRET_NAME: set,
  ...referenceDir,
  ...s3Client,
  // Marking a rejected workbook validates it again, so both limits apply here too.
  ...UPLOAD_LIMITS_ENVIRONMENT,
});

/** Compaction touches the lake bucket only (pipeline/ops/compact-lake.ts); no reference data. */
export const compactEnvironment = z.object({
  LAKE_BUCKET: set,
  ...s3Client,
  ...lambdaMemory,
});

export const sessionEnvironment = z.object({
  SESSION_SECRET_NAME: set,
  /** Provided by the Lambda runtime (the stack may not set it); the hosted UI's region. */
  AWS_REGION: optional,
});

export const FUNCTION_ENVIRONMENTS = {
  ingest: ingestEnvironment,
  refresh: refreshEnvironment,
  uploadApi: uploadApiEnvironment,
  session: sessionEnvironment,
  compact: compactEnvironment,
};

export type FunctionName = keyof typeof FUNCTION_ENVIRONMENTS;
type Schema<F extends FunctionName> = (typeof FUNCTION_ENVIRONMENTS)[F];

/** The required keys of each member of a union of objects (distributes over the union). */
type RequiredOnly<T> = T extends unknown
  ? { [K in keyof T as undefined extends T[K] ? never : K]-?: T[K] }
  : never;

/** What the stack sets for function F: every key the function requires, nothing it does not read. */
export type StackEnvironment<F extends FunctionName> = RequiredOnly<z.input<Schema<F>>>;

export type FunctionEnvironment<F extends FunctionName> = z.output<Schema<F>>;

/**
 * The `environment` of function F's CDK construct. The type does the work: a key the function
 * requires and the stack forgets, or one the stack sets and the schema does not know, fails tsc.
 */
export function stackEnvironment<F extends FunctionName>(
  _fn: F,
  environment: StackEnvironment<F>,
): Record<string, string> {
  return environment as Record<string, string>;
}

/**
 * Function F's settings from process.env (or the env given), read once at the edge. An empty
 * variable counts as unset, as it always has; the first missing or bad one is named.
 */
export function parseEnvironment<F extends FunctionName>(
  fn: F,
  env: Record<string, string | undefined> = process.env,
): FunctionEnvironment<F> {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = FUNCTION_ENVIRONMENTS[fn].safeParse(present);
  if (parsed.success) return parsed.data as FunctionEnvironment<F>;
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0] ?? '');
  if (present[name] === undefined) throw new ConfigError(`environment variable ${name} is not set`);
  throw new ConfigError(`environment variable ${name} is not valid: ${issue?.message ?? ''}`);
}

/** The keys the stack sets for one shape of function F's environment (a union has several). */
export function stackKeys(fn: FunctionName): string[][] {
  const schema = FUNCTION_ENVIRONMENTS[fn];
  const objects = 'options' in schema ? schema.options : [schema];
  return objects.map((o) =>
    Object.entries(o.shape as Record<string, z.ZodType>)
      .filter(([, field]) => !field.safeParse(undefined).success)
      .map(([key]) => key)
      .sort(),
  );
}
