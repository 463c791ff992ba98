/**
 * Athena runs a query asynchronously: we poll GetQueryExecution until it ends. Polls start fast
 * (most leadership queries finish in a second or two) and back off exponentially so a long scan
 * does not spend its minutes in API calls. Sleep and clock are injected so tests run instantly.
 */
import {
  GetQueryExecutionCommand,
  StopQueryExecutionCommand,
  type AthenaClient,
  type QueryExecution,
  type QueryExecutionState,
} from '@aws-sdk/client-athena';
import { QueryError } from '../../../core/errors.ts';

export interface PollOptions {
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** First wait between polls. Default 200 ms. */
  initialDelayMs?: number;
  /** Longest wait between polls. Default 5 s. */
  maxDelayMs?: number;
  /** Give up (and stop the query) after this long. Default 30 min, Athena's own DML limit. */
  timeoutMs?: number;
  /** Told the state after each poll: a console shows progress with it. */
  onPoll?: (state: QueryExecutionState | undefined, elapsedMs: number) => void;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function failure(execution: QueryExecution, id: string): QueryError {
  const status = execution.Status;
  const reason = status?.StateChangeReason ?? status?.AthenaError?.ErrorMessage ?? 'no reason given';
  return new QueryError(`Athena query ${id} ${status?.State ?? 'ended'}: ${reason}`);
}

export async function waitForQuery(
  client: AthenaClient,
  queryExecutionId: string,
  options: PollOptions = {},
): Promise<QueryExecution> {
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const maxDelay = options.maxDelayMs ?? 5_000;
  const timeout = options.timeoutMs ?? 30 * 60_000;
  const started = now();
  let delay = options.initialDelayMs ?? 200;
  for (;;) {
    const { QueryExecution: execution } = await client.send(
      new GetQueryExecutionCommand({ QueryExecutionId: queryExecutionId }),
    );
    const state = execution?.Status?.State;
    options.onPoll?.(state, now() - started);
    if (state === 'SUCCEEDED' && execution) return execution;
    if ((state === 'FAILED' || state === 'CANCELLED') && execution)
      throw failure(execution, queryExecutionId);
    if (now() - started >= timeout) {
      await client.send(new StopQueryExecutionCommand({ QueryExecutionId: queryExecutionId }));
      throw new QueryError(`Athena query ${queryExecutionId} stopped after ${Math.round(timeout / 1000)} s`);
    }
    await sleep(delay);
    delay = Math.min(delay * 2, maxDelay);
  }
}
