/**
 * An S3 client of the local S3 that fails at random, as S3 and a Lambda fail in production: a
 * request refused before it is sent (throttling, 503 SlowDown, after the SDK's own retries), or a
 * write that S3 stored but whose answer never came back (a crash or timeout after the side effect).
 * Faults sit above the SDK's retry step, so each one reaches the handler.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '../../pipeline/storage/s3-client.ts';
import type { Random } from './fault-random.ts';

export interface FaultCounts {
  throttled: number;
  lostAfterWrite: number;
}

export interface ChaosClient {
  client: S3Client;
  counts: FaultCounts;
  /** Faults on or off (off: a plain client, as after an outage ends). */
  setEnabled(on: boolean): void;
}

class InjectedThrottle extends Error {
  override name = 'SlowDown';
  readonly $metadata = { httpStatusCode: 503 };
}

export function chaosClient(endpoint: string, random: Random, rate: number): ChaosClient {
  const client = createS3Client({ endpoint });
  const counts: FaultCounts = { throttled: 0, lostAfterWrite: 0 };
  let enabled = true;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!enabled || !random.chance(rate)) return next(args);
      const isWrite = context.commandName === 'PutObjectCommand';
      if (isWrite && random.chance(0.5)) {
        await next(args);
        counts.lostAfterWrite++;
        throw new Error(`injected: ${context.commandName} stored, answer lost`);
      }
      counts.throttled++;
      throw new InjectedThrottle(`injected: ${context.commandName} throttled`);
    },
    { step: 'initialize', name: 'injectedChaos' },
  );
  return { client, counts, setEnabled: (on) => void (enabled = on) };
}
