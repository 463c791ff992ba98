/**
 * The soak run: uploads from every unit pushed through the real ingest handler in waves, events
 * shuffled and some delivered twice, each delivery an asynchronous Lambda invocation (2 retries,
 * then the failure queue) against an S3 client that fails at random, with the local S3 restarted
 * between and among deliveries. Then the failure queue is redriven and the end state is checked
 * (fault-soak-checks.ts). Loopback only; bounded by upload count and, optionally, a deadline.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { createIngestHandler } from '../../pipeline/ingest/ingest-handler.ts';
import { startLocalS3, type LocalS3 } from '../../local/local-s3.ts';
import type { Period } from '../../core/period.ts';
import { redriveFailures } from '../../pipeline/ops/redrive-failures.ts';
import { asyncInvoker } from './fault-lambda.ts';
import { seededRandom } from './fault-random.ts';
import { chaosClient, type FaultCounts } from './fault-s3-client.ts';
import { checkSoak, type SoakChecks } from './fault-soak-checks.ts';
import { planUploads, type PlannedUpload } from './fault-soak-plan.ts';

export interface SoakOptions {
  dataDir: string;
  seed: number;
  uploads: number;
  periods: readonly Period[];
  /** Share of S3 requests that fail. */
  faultRate: number;
  /** Chance that the local S3 restarts between two waves, and again among a wave's deliveries. */
  restartChance: number;
  waveSize?: number;
  /** Share of events delivered a second time. */
  duplicateRate?: number;
  concurrency?: number;
  /** No new wave starts after this time (ms since the epoch); what was sent is still checked. */
  deadline?: number;
  log?: (line: string) => void;
}

export interface SoakReport {
  sent: number;
  byKind: Record<PlannedUpload['kind'], number>;
  deliveries: number;
  invocations: number;
  failedAttempts: number;
  deadLettered: number;
  redriven: number;
  redriveRounds: number;
  restarts: number;
  faults: FaultCounts;
  checks: SoakChecks;
}

/** The ledger's clock: fixed, so a run and its clean replay write the same bytes. */
export const SOAK_NOW = new Date('2026-01-15T00:00:00.000Z');

export async function runSoak(o: SoakOptions): Promise<SoakReport> {
  const random = seededRandom(o.seed);
  const log = o.log ?? (() => undefined);
  const plan = planUploads(random, o);
  await mkdir(join(o.dataDir, 'scratch'), { recursive: true });
  const announced: S3Event[] = [];
  const s3 = await startLocalS3({ dataDir: o.dataDir, onEvent: async (e) => void announced.push(e) });
  // Faults draw from their own stream: how many requests they see depends on timing, and the plan,
  // the delivery order and the restarts must not.
  const chaos = chaosClient(s3.endpoint, seededRandom(o.seed + 1), o.faultRate);
  try {
    const handlerOn = (client: typeof s3.client) =>
      createIngestHandler({
        s3: client,
        uploadsBucket: s3.uploadsBucket,
        lakeBucket: s3.lakeBucket,
        trustSubmittedAt: true,
        now: () => SOAK_NOW,
        tmpDir: join(o.dataDir, 'scratch'),
        log: () => undefined,
      });
    let restarts = 0;
    const restart = async () => {
      restarts++;
      await s3.restart();
    };
    let restartAt = -1;
    const lambda = asyncInvoker({
      handle: handlerOn(chaos.client),
      concurrency: o.concurrency ?? 4,
      now: () => SOAK_NOW,
      // The other deliveries keep running while the server is down and come back.
      beforeAttempt: async (n) => (n === restartAt ? restart() : undefined),
    });
    const sent: PlannedUpload[] = [];
    const waveSize = o.waveSize ?? 25;
    const ordered = [...plan].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
    let deliveries = 0;
    for (let start = 0; start < ordered.length; start += waveSize) {
      if (o.deadline !== undefined && Date.now() > o.deadline) break;
      const wave = ordered.slice(start, start + waveSize);
      for (const u of random.shuffle(wave)) await putUpload(s3, u);
      sent.push(...wave);
      await s3.idle();
      const events = announced.splice(0);
      const delivered = random.shuffle(
        events.flatMap((e) => (random.chance(o.duplicateRate ?? 0.15) ? [e, e] : [e])),
      );
      deliveries += delivered.length;
      if (random.chance(o.restartChance))
        restartAt = lambda.stats.invocations + 1 + random.below(delivered.length);
      await lambda.deliver(delivered);
      if (random.chance(o.restartChance)) await restart();
      log(
        `wave ${start / waveSize + 1}: ${sent.length}/${plan.length} sent, ${lambda.failureQueue.length} in the failure queue, ${restarts} restarts`,
      );
    }
    // The outage is over: redrive the failure queue until it is empty, as an operator would.
    chaos.setEnabled(false);
    const clean = handlerOn(chaos.client);
    let redriven = 0;
    let rounds = 0;
    while (lambda.failureQueue.length > 0 && rounds < 3) {
      rounds++;
      const messages = lambda.failureQueue.splice(0);
      const report = await redriveFailures(messages, clean);
      redriven += report.redriven.length;
      if (report.unreadable.length > 0)
        throw new Error(`unreadable failure messages: ${report.unreadable.join(', ')}`);
      const again = new Set(report.failed.map((f) => f.id));
      lambda.failureQueue.push(...messages.filter((m) => again.has(m.id)));
    }
    log(`redrive: ${redriven} of ${lambda.stats.deadLettered} in ${rounds} round(s); checking`);
    const checks = await checkSoak({ s3, dataDir: o.dataDir, sent, handle: clean, log });
    return {
      sent: sent.length,
      byKind: countKinds(sent),
      deliveries,
      invocations: lambda.stats.invocations,
      failedAttempts: lambda.stats.failedAttempts,
      deadLettered: lambda.stats.deadLettered,
      redriven,
      redriveRounds: rounds,
      restarts,
      faults: { ...chaos.counts },
      checks,
    };
  } finally {
    chaos.client.destroy();
    await s3.close();
  }
}

/** A province's PUT; it sends again when the S3 is briefly away, as a browser upload retries. */
async function putUpload(s3: LocalS3, u: PlannedUpload): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await s3.client.send(
        new PutObjectCommand({
          Bucket: s3.uploadsBucket,
          Key: u.key,
          Body: u.body,
          ContentType: 'text/csv',
          Metadata: { 'submitted-at': u.submittedAt },
        }),
      );
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

function countKinds(sent: readonly PlannedUpload[]): Record<PlannedUpload['kind'], number> {
  const counts = { first: 0, correction: 0, broken: 0, resend: 0 };
  for (const u of sent) counts[u.kind]++;
  return counts;
}
