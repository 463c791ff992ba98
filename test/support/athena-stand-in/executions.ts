/**
 * The query executions of the Athena stand-in. A query runs on DuckDB as soon as it is started,
 * one at a time on the engine's single connection, but its state is revealed the way Athena
 * reveals it: QUEUED, then RUNNING, then the outcome, one step per GetQueryExecution. What Athena
 * would refuse (dialect.ts) fails before DuckDB sees it, with Athena's reason.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine, QueryResult } from '../../../pipeline/query/engine.ts';
import { countPlaceholders } from '../../../pipeline/query/named-query.ts';
import { LAKE_PREFIX, LEDGER_COMPACTED_PREFIX, LEDGER_PREFIX } from '../../../core/contracts/layout.ts';
import { athenaRefusal } from './dialect.ts';
import { parseLiteral } from './literals.ts';
import type { ProjectedTable } from './projection.ts';
import { projectedReads } from './pruning.ts';
import { athenaColumn, athenaRows, type StandInColumn, type StandInDatum } from './result-set.ts';

export interface StartRequest {
  QueryString: string;
  WorkGroup?: string;
  Database?: string;
  ExecutionParameters?: string[];
}

type Outcome =
  | {
      ok: true;
      columns: StandInColumn[];
      rows: { Data: StandInDatum[] }[];
      scannedBytes: number;
      millis: number;
    }
  | { ok: false; reason: string; millis: number };

export interface Execution {
  id: string;
  request: StartRequest;
  submittedAt: number;
  polls: number;
  cancelled: boolean;
  outcome: Promise<Outcome>;
  /** The projected partition locations Athena would list, per table (with a projection given). */
  reads?: Map<string, Set<string>>;
}

function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => statSync(join(dir, f)))
    .filter((s) => s.isFile())
    .reduce((sum, s) => sum + s.size, 0);
}

/** Like Athena without partition pruning: every file of every table the text names. */
export function scannedBytes(mirrorDir: string, sql: string): number {
  const tables = new Set([...sql.matchAll(/\bvss\.(\w+)/g)].map((m) => m[1] ?? ''));
  let total = 0;
  for (const table of tables) {
    total +=
      table === 'uploads'
        ? folderBytes(join(mirrorDir, LEDGER_PREFIX)) + folderBytes(join(mirrorDir, LEDGER_COMPACTED_PREFIX))
        : folderBytes(join(mirrorDir, LAKE_PREFIX, table));
  }
  return total;
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const kind = /Parser Error/i.test(message) ? 'SYNTAX_ERROR' : 'GENERIC_USER_ERROR';
  return `${kind}: ${message.split('\n')[0] ?? message}`;
}

export class ExecutionStore {
  private readonly executions = new Map<string, Execution>();
  private queue: Promise<unknown> = Promise.resolve();
  readonly started: StartRequest[] = [];

  constructor(
    private readonly engine: Engine,
    private readonly mirrorDir: string,
    private readonly projection?: readonly ProjectedTable[],
  ) {}

  private readsOf(request: StartRequest): Map<string, Set<string>> | undefined {
    if (!this.projection) return undefined;
    try {
      return projectedReads(this.projection, request.QueryString, request.ExecutionParameters ?? []);
    } catch {
      return undefined; // a statement the grammar refuses fails anyway
    }
  }

  private async execute(request: StartRequest): Promise<Outcome> {
    const began = performance.now();
    const millis = () => Math.round(performance.now() - began);
    const literals = request.ExecutionParameters ?? [];
    const expected = countPlaceholders(request.QueryString);
    if (expected !== literals.length) {
      const reason = `GENERIC_USER_ERROR: Incorrect number of parameters: expected ${expected} but found ${literals.length}`;
      return { ok: false, reason, millis: millis() };
    }
    const refused = athenaRefusal(request.QueryString, literals);
    if (refused !== undefined) return { ok: false, reason: refused, millis: millis() };
    let result: QueryResult;
    try {
      const params = Object.fromEntries(literals.map((l, i) => [String(i + 1), parseLiteral(l)]));
      result = await this.engine.runQuery(request.QueryString, params);
    } catch (error) {
      return { ok: false, reason: reasonOf(error), millis: millis() };
    }
    const columns = result.columns.map((c) => athenaColumn(c.name, c.type));
    return {
      ok: true,
      columns,
      rows: athenaRows(result, columns),
      scannedBytes: scannedBytes(this.mirrorDir, request.QueryString),
      millis: millis(),
    };
  }

  start(request: StartRequest): Execution {
    this.started.push(request);
    const outcome = this.queue.then(() => this.execute(request));
    this.queue = outcome;
    const execution: Execution = {
      id: randomUUID(),
      request,
      submittedAt: Date.now(),
      polls: 0,
      cancelled: false,
      outcome,
      reads: this.readsOf(request),
    };
    this.executions.set(execution.id, execution);
    return execution;
  }

  get(id: string): Execution | undefined {
    return this.executions.get(id);
  }

  /** Every execution, in the order started. */
  all(): Execution[] {
    return [...this.executions.values()];
  }

  /** The execution started last. */
  latest(): Execution | undefined {
    return [...this.executions.values()].at(-1);
  }

  /** GetQueryExecution calls seen, over all executions. */
  get pollCount(): number {
    return [...this.executions.values()].reduce((sum, e) => sum + e.polls, 0);
  }
}
