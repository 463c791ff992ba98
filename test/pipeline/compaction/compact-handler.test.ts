/**
 * The compaction Lambda's handler over a small lake in the local S3: the monthly scheduled event
 * compacts the closed months only (the month the run falls in is Vietnam's, so a run at 02:00 on
 * day 1 in Vietnam, still the last day of the month before in UTC, already counts the new month),
 * a manual `before` later than the rule opens no month, `datasets` narrows the run, a payload of
 * neither shape is refused before anything is read, and no object the compaction writes would
 * trigger a refresh.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { ScheduledEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../../../core/datasets/index.ts';
import { compactedLakeKey, compactedLedgerKey, compactedSummaryKey } from '../../../core/contracts/layout.ts';
import { ConfigError } from '../../../core/errors.ts';
import { triggersRefresh } from '../../../infra/constructs/refresh-trigger.ts';
import { createCompactHandler } from '../../../pipeline/ops/compact-handler.ts';
import { lakeDuckDB } from '../../../pipeline/lake/duckdb-instance.ts';
import { listObjects } from '../../../pipeline/storage/list-objects.ts';
import { ingestedDataDir, MONTHS, NOW, UNITS, withS3 } from './compaction-fixture.ts';

let dir: string;
let dataDir: string;

beforeAll(async () => {
  ({ dir, dataDir } = await ingestedDataDir('compact-handler'));
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** 02:00 on 1 November 2025 in Vietnam: 2025-08 is closed, 2025-09 is not (closed-month.ts). */
const DAY_ONE_VIETNAM = new Date('2025-10-31T19:00:00.000Z');

const scheduled = (time: Date): ScheduledEvent => ({
  version: '0',
  id: 'a1b2',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '111122223333',
  time: time.toISOString(),
  region: 'ap-southeast-1',
  resources: ['arn:aws:events:ap-southeast-1:111122223333:rule/vss-test-lake-compaction'],
  detail: {},
});

/** The keys of every object the client creates (what S3 would notify as ObjectCreated). */
function recordCreated(client: S3Client): string[] {
  const created: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { Key?: string };
      if (
        ['PutObjectCommand', 'CompleteMultipartUploadCommand', 'CopyObjectCommand'].includes(
          context.commandName ?? '',
        )
      )
        created.push(input.Key ?? '');
      return next(args);
    },
    { step: 'initialize', name: 'recordCreatedKeys' },
  );
  return created;
}

const keysOf = (client: S3Client, bucket: string, prefix: string) =>
  listObjects(client, bucket, prefix).then((l) => l.map((o) => o.key).sort());

describe('the compaction handler', () => {
  it('refuses a payload of neither shape before reading anything', async () => {
    const compact = createCompactHandler({
      s3: undefined as unknown as S3Client,
      lakeBucket: 'never-read',
      tmpDir: dir,
      log: () => {},
    });
    for (const event of [
      { before: '2025-13' },
      { datasets: ['debts'] },
      { datasets: [] },
      { force: true },
      'x',
    ]) {
      await expect(compact(event)).rejects.toThrow(ConfigError);
    }
    await expect(compact({ before: '2025-13' })).rejects.toThrow(/compaction event not understood: before/);
  });

  it('compacts the closed months on schedule, never the open one, and writes nothing that triggers a refresh', async () => {
    await withS3(dataDir, async (s3) => {
      const lakeBefore = await keysOf(s3.client, s3.lakeBucket, 'lake/');
      const closedRecords = (await keysOf(s3.client, s3.lakeBucket, 'ledger/')).filter((k) =>
        k.includes(`/${MONTHS[0]}/`),
      );
      expect(closedRecords.length).toBeGreaterThan(DATASET_NAMES.length);
      const open = lakeBefore.filter((k) => k.includes(`/period=${MONTHS[1]}/`));
      expect(open.length).toBeGreaterThan(DATASET_NAMES.length);
      // Every object an upload wrote triggers a refresh: the filter is not blind.
      expect(lakeBefore.every(triggersRefresh)).toBe(true);

      const created = recordCreated(s3.client);
      const reported: string[] = [];
      const compact = createCompactHandler({
        s3: s3.client,
        lakeBucket: s3.lakeBucket,
        tmpDir: dir,
        now: () => DAY_ONE_VIETNAM,
        onMonth: (m) => reported.push(`${m.dataset} ${m.period} ${m.lake.provinces}`),
        log: () => {},
      });
      const outcome = await compact(scheduled(DAY_ONE_VIETNAM));
      expect(outcome.request.trigger).toBe('schedule');
      const provincesOf = (d: string) =>
        lakeBefore.filter((k) => k.startsWith(`lake/${d}/period=${MONTHS[0]}/province=`)).length;
      expect(reported.sort()).toEqual(DATASET_NAMES.map((d) => `${d} ${MONTHS[0]} ${provincesOf(d)}`).sort());
      expect(DATASET_NAMES.some((d) => provincesOf(d) === UNITS.length)).toBe(true);

      const lakeAfter = await keysOf(s3.client, s3.lakeBucket, 'lake/');
      expect(
        lakeAfter.filter((k) => k.includes(`/period=${MONTHS[0]}/`) && !k.includes('/compacted/')),
      ).toEqual([]);
      expect(lakeAfter.filter((k) => k.includes(`/period=${MONTHS[1]}/`))).toEqual(open);
      expect(lakeAfter).toEqual(
        expect.arrayContaining(DATASET_NAMES.map((d) => compactedLakeKey(d, MONTHS[0]))),
      );

      // The closed month's ledger too: one compacted object a dataset, each record archived.
      expect(created.sort()).toEqual(
        [
          ...DATASET_NAMES.flatMap((d) => [
            compactedLakeKey(d, MONTHS[0]),
            compactedSummaryKey(d, MONTHS[0]),
            compactedLedgerKey(d, MONTHS[0]),
          ]),
          ...closedRecords.map((k) => k.replace(/^ledger\//u, 'ledger-closed/')),
        ].sort(),
      );
      expect(created.filter(triggersRefresh)).toEqual([]);

      // An operator's later `before` does not open the month the rule keeps open.
      const later = await compact({ before: '2026-01' });
      expect(later).toEqual({
        request: { trigger: 'manual', before: '2026-01' },
        stopped: false,
        months: [],
      });
      expect(await keysOf(s3.client, s3.lakeBucket, 'lake/')).toEqual(lakeAfter);
    });
  });

  it('compacts only the datasets asked for by hand, then the rest on schedule', async () => {
    await withS3(dataDir, async (s3) => {
      const compact = createCompactHandler({
        s3: s3.client,
        lakeBucket: s3.lakeBucket,
        tmpDir: dir,
        duckdbMemoryMb: 1000,
        now: () => NOW,
        log: () => {},
      });
      const debtObjects = [
        ...(await keysOf(s3.client, s3.lakeBucket, `lake/debt/period=${MONTHS[1]}/`)),
        ...(await keysOf(s3.client, s3.lakeBucket, `summaries/debt/period=${MONTHS[1]}/`)),
      ];
      expect(debtObjects.length).toBeGreaterThan(2);
      const debtRecords = await keysOf(s3.client, s3.lakeBucket, `ledger/debt/${MONTHS[1]}/`);
      expect(debtRecords.length).toBeGreaterThan(0);
      const debt = await compact({ datasets: ['debt'] });
      expect(debt.months).toEqual([
        {
          dataset: 'debt',
          period: MONTHS[1],
          folded: debtObjects.length,
          removed: debtObjects.length,
          records: debtRecords.length,
          moved: debtRecords.length,
        },
      ]);
      // Near its timeout a run begins no month more; the next one continues where it stopped.
      const left = [10, 10, 4].map((minutes) => minutes * 60_000);
      const cut = await compact(scheduled(NOW), { remainingMs: () => left.shift() ?? 0 });
      expect(cut.stopped).toBe(true);
      expect(cut.months).toHaveLength(2);
      const rest = await compact(scheduled(NOW));
      expect(rest.stopped).toBe(false);
      expect([...cut.months, ...rest.months].map((m) => m.dataset).sort()).toEqual(
        DATASET_NAMES.filter((d) => d !== 'debt').sort(),
      );
      const perProvince = (await keysOf(s3.client, s3.lakeBucket, 'lake/')).filter(
        (k) => !k.includes('/compacted/'),
      );
      expect(perProvince).toEqual([]);
      // Nothing left to do: a rerun reads and writes nothing.
      expect((await compact(scheduled(NOW))).months).toEqual([]);
      // DuckDB spills under the scratch folder (the working directory is read-only in Lambda),
      // within the memory given: 1000 MB is 953.67 MiB.
      const c = await (await lakeDuckDB()).connect();
      const settings = (
        await c.runAndReadAll("SELECT current_setting('temp_directory'), current_setting('memory_limit')")
      ).getRowsJS()[0];
      c.closeSync();
      expect(settings).toEqual([join(dir, 'duckdb-spill'), '953.6 MiB']);
    });
  });
});
