/**
 * The refresh in a new container, as the Lambda runs it: the refresh handler against a local S3
 * server (s3rver on 127.0.0.1) holding the lake's refresh prefixes, with an empty /tmp each time.
 * First with no state in the bucket (the whole lake is copied and refreshed in full, as every
 * cold start did before the state was kept), then after one upload with the state the last run
 * kept (only the changed month's objects and the spliced site files fetched). An upload here is
 * a ledger record of the oldest (or latest) month sent again with one more byte (a newline): a
 * new ETag, the same figures (a closed month's record, archived by compaction, put back in
 * `ledger/` as a re-upload of that month would be). Setting up the bucket (tens of thousands of PUTs) is not timed.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { LEDGER_CLOSED_PREFIX, LEDGER_PREFIX } from '../../core/contracts/layout.ts';
import { inPool } from '../../pipeline/mirror/mirror.ts';
import { walkedFiles } from '../../pipeline/mirror/mirror-listing.ts';
import { createRefreshHandler } from '../../pipeline/refresh/refresh-handler.ts';
import { refreshMirrorPrefixes } from '../../pipeline/refresh/refresh.ts';
import { createS3Client } from '../../pipeline/storage/s3-client.ts';
import { median, note, timed } from './measure.ts';

const LAKE = 'vss-lake';
const SITE = 'vss-site';

export interface ColdFigures {
  /** No state in the bucket: the whole lake copied, every month recomputed. */
  withoutState: number;
  /** Medians of new containers after one upload of the oldest and of the latest month. */
  oldest: number;
  latest: number;
}

async function upload(s3: S3Client, mirrorDir: string, keys: readonly string[]): Promise<void> {
  await inPool([...keys], 16, async (key) => {
    const body = await readFile(join(mirrorDir, key));
    await s3.send(new PutObjectCommand({ Bucket: LAKE, Key: key, Body: body }));
  });
}

/**
 * Every ledger record of the mirror by the `ledger/` key an upload writes, to the mirror's file:
 * a compacted month's records sit archived in `ledger-closed/`, and a re-upload of that month
 * lands in `ledger/` again.
 */
function ledgerRecordsOf(mirrorDir: string, archiveDir: string): Map<string, string> {
  const records = new Map<string, string>();
  for (const key of walkedFiles(archiveDir, LEDGER_CLOSED_PREFIX, false).keys())
    records.set(`${LEDGER_PREFIX}${key.slice(LEDGER_CLOSED_PREFIX.length)}`, join(archiveDir, key));
  for (const key of walkedFiles(mirrorDir, LEDGER_PREFIX, false).keys())
    records.set(key, join(mirrorDir, key));
  return records;
}

/** `archiveDir`: the whole lake's mirror, whose `ledger-closed/` the refresh's prefixes leave out. */
export async function benchColdFromS3(
  mirrorDir: string,
  archiveDir: string,
  workDir: string,
  label: string,
  runs: number,
): Promise<ColdFigures> {
  const directory = join(workDir, `s3-${label}-${process.pid}`);
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, resetOnClose: true });
  const { port } = await server.run();
  const s3 = createS3Client({ endpoint: `http://127.0.0.1:${port}` });
  try {
    for (const Bucket of [LAKE, SITE]) await s3.send(new CreateBucketCommand({ Bucket }));
    const keys = refreshMirrorPrefixes().flatMap((p) => [...walkedFiles(mirrorDir, p, false).keys()]);
    const put = await timed(() => upload(s3, mirrorDir, keys));
    note(
      `${label}: ${keys.length} objects put to the local S3 in ${put.seconds.toFixed(0)} s (not a figure)`,
    );
    let container = 0;
    const coldRun = async (what: string) => {
      container += 1;
      const tmpDir = join(workDir, `container-${label}-${process.pid}-${container}`);
      const handler = createRefreshHandler({ s3, lakeBucket: LAKE, siteBucket: SITE, tmpDir, log: () => {} });
      const run = await timed(() => handler());
      await rm(tmpDir, { recursive: true, force: true });
      const o = run.value;
      note(
        `${label} new container, ${what}: ${run.seconds.toFixed(2)} s (${o.route}${o.reason ? `: ${o.reason}` : ''}; ` +
          `${o.downloaded} lake objects fetched, ${o.siteFetched} site files fetched, ${o.sent.length} sent)`,
      );
      return run.seconds;
    };
    const withoutState = await coldRun('no state in S3');
    const records = ledgerRecordsOf(mirrorDir, archiveDir);
    const ledger = [...records.keys()].sort();
    const monthOf = (key: string) => /(\d{4}-\d{2})/.exec(key)?.[1] ?? '';
    const lastMonth = ledger.map(monthOf).sort().at(-1);
    const oldestKey = ledger[0];
    const latestKey = ledger.find((k) => monthOf(k) === lastMonth);
    if (oldestKey === undefined || latestKey === undefined) throw new Error(`no ledger in ${mirrorDir}`);
    const after = async (key: string, what: string) => {
      const times: number[] = [];
      const bytes = await readFile(records.get(key) ?? join(mirrorDir, key));
      for (let i = 0; i < runs; i++) {
        // the mirror's own file stays as it is (it may be linked from another folder)
        const Body = Buffer.concat([bytes, Buffer.from('\n'.repeat(i + 1))]);
        await s3.send(new PutObjectCommand({ Bucket: LAKE, Key: key, Body }));
        times.push(await coldRun(what));
      }
      return median(times);
    };
    const oldest = await after(oldestKey, 'state in S3, after one upload of the oldest month');
    const latest = await after(latestKey, 'state in S3, after one upload of the latest month');
    return { withoutState, oldest, latest };
  } finally {
    s3.destroy();
    await server.close();
    // resetOnClose empties the server's folder but leaves it: one more in the work dir every run.
    await rm(directory, { recursive: true, force: true });
  }
}
