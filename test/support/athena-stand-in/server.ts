/**
 * A stand-in for the Athena API on 127.0.0.1, for tests: it speaks the JSON protocol the real
 * AthenaClient speaks (POST /, X-Amz-Target: AmazonAthena.<Operation>, application/x-amz-json-1.1)
 * and executes the SQL on DuckDB over a lake mirror, so the engine's polling, paging, parameter
 * quoting and type conversion run against the SDK unchanged. It is as strict as Athena where it
 * can be: what engine 3 refuses (a `?` outside WHERE, DuckDB-only syntax, varchar compared with a
 * number; dialect.ts) fails with Athena's reason before DuckDB runs it. Its lake datasets and
 * summaries are the catalog's views over per-province and compacted tables (catalog-views.ts). Trino-only SQL would
 * still fail here, and the bytes scanned are file sizes without partition pruning. Its vss.months
 * is the table the deploy writes for Athena (every month of the reference range), not the data's
 * months DuckDB holds locally, so a query that leans on the local table's extent differs here.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openEngine } from '../../../pipeline/query/engine.ts';
import { FIRST_PERIOD } from '../../../core/period.ts';
import { LAST_REFERENCE_PERIOD } from '../../../infra/reference-rows.ts';
import { catalogViewStatements } from './catalog-views.ts';
import { ExecutionStore } from './executions.ts';
import { describeExecution, resultsPage, type ApiError } from './operations.ts';
import type { ProjectedTable } from './projection.ts';
import { getExecution, getResults, startRequest } from './requests.ts';

export interface AthenaStandInOptions {
  mirrorDir: string;
  /** Most rows a page holds, whatever MaxResults asks: small, so clients must page. */
  pageSize?: number;
  /** GetQueryExecution calls answered QUEUED, then RUNNING, before the outcome shows. */
  queuedPolls?: number;
  runningPolls?: number;
  /** The access key id requests must be signed with. */
  accessKeyId?: string;
  /** The Glue tables' projection (projection.ts): each execution then reports what it reads. */
  projection?: ProjectedTable[];
}

export interface AthenaStandIn {
  endpoint: string;
  store: ExecutionStore;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': crypto.randomUUID(),
  });
  response.end(text);
}

function fail(response: ServerResponse, error: ApiError): void {
  response.setHeader('x-amzn-errortype', error.type);
  send(response, 400, { __type: error.type, Message: error.message });
}

export async function startAthenaStandIn(options: AthenaStandInOptions): Promise<AthenaStandIn> {
  const engine = await openEngine({
    mirrorDir: options.mirrorDir,
    range: { from: FIRST_PERIOD, to: LAST_REFERENCE_PERIOD },
  });
  for (const statement of catalogViewStatements(options.mirrorDir)) await engine.runQuery(statement);
  const store = new ExecutionStore(engine, options.mirrorDir, options.projection);
  const accessKeyId = options.accessKeyId ?? 'STANDIN';
  const states = { queued: options.queuedPolls ?? 1, running: options.runningPolls ?? 1 };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = String(request.headers['x-amz-target'] ?? '');
    if (request.method !== 'POST' || !String(request.headers['content-type']).includes('x-amz-json-1.1')) {
      return fail(response, {
        type: 'InvalidRequestException',
        message: 'expected a POST of x-amz-json-1.1',
      });
    }
    if (!String(request.headers.authorization ?? '').includes(`Credential=${accessKeyId}/`)) {
      return fail(response, {
        type: 'UnrecognizedClientException',
        message: 'request not signed with the stand-in key',
      });
    }
    const body: unknown = JSON.parse((await readBody(request)) || '{}');
    const operation = target.replace(/^AmazonAthena\./, '');
    if (operation === 'StartQueryExecution') {
      const execution = store.start(startRequest(body));
      return send(response, 200, { QueryExecutionId: execution.id });
    }
    const execution = store.get(getExecution(body).QueryExecutionId);
    if (!execution)
      return fail(response, { type: 'InvalidRequestException', message: 'QueryExecution not found' });
    if (operation === 'GetQueryExecution') {
      execution.polls += 1;
      return send(response, 200, { QueryExecution: await describeExecution(execution, states) });
    }
    if (operation === 'StopQueryExecution') {
      execution.cancelled = true;
      return send(response, 200, {});
    }
    if (operation === 'GetQueryResults') {
      const page = await resultsPage(execution, getResults(body), options.pageSize ?? 4, states);
      return 'error' in page ? fail(response, page.error) : send(response, 200, page.page);
    }
    return fail(response, { type: 'UnknownOperationException', message: `unknown operation ${target}` });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      fail(response, { type: 'InvalidRequestException', message: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    store,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      engine.close();
    },
  };
}
