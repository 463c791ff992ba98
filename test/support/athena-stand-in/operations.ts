/**
 * The answers of GetQueryExecution and GetQueryResults, shaped as Athena shapes them: dates in
 * epoch seconds, statistics only once the query ended, results refused until it succeeded, and
 * pages joined by an opaque NextToken.
 */
import type { Execution } from './executions.ts';
import type { ResultsRequest } from './requests.ts';

export interface ApiError {
  type: string;
  message: string;
}

export interface PollSteps {
  queued: number;
  running: number;
}

type State = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

async function stateOf(execution: Execution, steps: PollSteps): Promise<State> {
  if (execution.cancelled) return 'CANCELLED';
  if (execution.polls <= steps.queued) return 'QUEUED';
  if (execution.polls <= steps.queued + steps.running) return 'RUNNING';
  return (await execution.outcome).ok ? 'SUCCEEDED' : 'FAILED';
}

export async function describeExecution(execution: Execution, steps: PollSteps) {
  const state = await stateOf(execution, steps);
  const ended = state === 'SUCCEEDED' || state === 'FAILED' || state === 'CANCELLED';
  const outcome = ended ? await execution.outcome : undefined;
  const seconds = execution.submittedAt / 1000;
  const reason =
    state === 'CANCELLED'
      ? 'Query was cancelled by user'
      : outcome && !outcome.ok
        ? outcome.reason
        : undefined;
  return {
    QueryExecutionId: execution.id,
    Query: execution.request.QueryString,
    StatementType: 'DML',
    ResultConfiguration: { OutputLocation: `s3://stand-in-results/${execution.id}.csv` },
    QueryExecutionContext: { Database: execution.request.Database, Catalog: 'awsdatacatalog' },
    Status: {
      State: state,
      SubmissionDateTime: seconds,
      ...(ended ? { CompletionDateTime: seconds + (outcome?.millis ?? 0) / 1000 } : {}),
      ...(reason ? { StateChangeReason: reason } : {}),
      ...(state === 'FAILED'
        ? { AthenaError: { ErrorCategory: 2, ErrorType: 1006, Retryable: false, ErrorMessage: reason } }
        : {}),
    },
    ...(outcome
      ? {
          Statistics: {
            EngineExecutionTimeInMillis: outcome.millis,
            TotalExecutionTimeInMillis: outcome.millis,
            QueryQueueTimeInMillis: 0,
            DataScannedInBytes: outcome.ok ? outcome.scannedBytes : 0,
          },
        }
      : {}),
    WorkGroup: execution.request.WorkGroup ?? 'primary',
    ...(execution.request.ExecutionParameters
      ? { ExecutionParameters: execution.request.ExecutionParameters }
      : {}),
  };
}

export async function resultsPage(
  execution: Execution,
  request: ResultsRequest,
  maxPage: number,
  steps: PollSteps,
): Promise<{ error: ApiError } | { page: object }> {
  const state = await stateOf(execution, steps);
  const outcome = await execution.outcome;
  if (state !== 'SUCCEEDED' || !outcome.ok) {
    const detail = state === 'FAILED' && !outcome.ok ? `: ${outcome.reason}` : '';
    const message = `Query has not yet finished. Current state: ${state}${detail}`;
    return { error: { type: 'InvalidRequestException', message } satisfies ApiError };
  }
  const offset = request.NextToken
    ? Number(Buffer.from(request.NextToken, 'base64url').toString('utf8').split(':')[1])
    : 0;
  const size = Math.min(request.MaxResults ?? 1000, maxPage);
  const end = offset + size;
  return {
    page: {
      UpdateCount: 0,
      ResultSet: {
        Rows: outcome.rows.slice(offset, end),
        ResultSetMetadata: { ColumnInfo: outcome.columns },
      },
      ...(end < outcome.rows.length
        ? { NextToken: Buffer.from(`${execution.id}:${end}`).toString('base64url') }
        : {}),
    },
  };
}
