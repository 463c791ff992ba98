/** The request bodies the Athena stand-in understands, checked once at its edge. */
import { z } from 'zod';
import type { StartRequest } from './executions.ts';

const start = z.object({
  QueryString: z.string().min(1),
  WorkGroup: z.string().optional(),
  QueryExecutionContext: z.object({ Database: z.string().optional() }).optional(),
  ExecutionParameters: z.array(z.string()).min(1).optional(),
});

const byId = z.object({ QueryExecutionId: z.string() });

const results = byId.extend({
  NextToken: z.string().optional(),
  MaxResults: z.number().int().min(1).max(1000).optional(),
});

export type ResultsRequest = z.infer<typeof results>;

export function startRequest(body: unknown): StartRequest {
  const parsed = start.parse(body);
  return {
    QueryString: parsed.QueryString,
    WorkGroup: parsed.WorkGroup,
    Database: parsed.QueryExecutionContext?.Database,
    ExecutionParameters: parsed.ExecutionParameters,
  };
}

export const getExecution = (body: unknown) => byId.parse(body);
export const getResults = (body: unknown): ResultsRequest => results.parse(body);
