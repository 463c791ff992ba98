/**
 * Compaction of a closed month's ledger: the month's JSON records (every province) become one
 * Parquet object holding exactly them, and move byte for byte from ledger/ to ledger-closed/;
 * listLedger, `vss.uploads` (both ways the engine builds it) and `vss doctor` see the same
 * records before and after; a crash between the moves changes nothing and the rerun converges;
 * a re-upload of a compacted month is seen at once and folded in by the next compaction; doctor
 * reports a compacted month that lacks an archived record.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_NAMES, type DatasetName } from '../../../core/datasets/index.ts';
import { compactedLedgerKey } from '../../../core/contracts/layout.ts';
import type { LedgerRecord } from '../../../core/contracts/ledger-record.ts';
import type { Period } from '../../../core/period.ts';
import { compactLedgerMonth } from '../../../pipeline/ledger/compact-ledger-month.ts';
import { listLedger } from '../../../pipeline/ledger/ledger-store.ts';
import { checkConsistency } from '../../../pipeline/ops/check-consistency.ts';
import { compactLake } from '../../../pipeline/ops/compact-lake.ts';
import { createAthenaClient } from '../../../pipeline/query/athena/athena-client.ts';
import { openAthenaEngine } from '../../../pipeline/query/athena/athena-engine.ts';
import { openEngine } from '../../../pipeline/query/engine.ts';
import { ledgerColumns } from '../../../pipeline/query/views.ts';
import { listObjects } from '../../../pipeline/storage/list-objects.ts';
import { readObject } from '../../../pipeline/storage/object-bytes.ts';
import { createS3Client } from '../../../pipeline/storage/s3-client.ts';
import { ingestFiles } from '../../../local/ingest-files.ts';
import { syncLocalMirror } from '../../../local/local-mirror.ts';
import type { LocalS3 } from '../../../local/local-s3.ts';
import { locationOfPath } from '../../../local/upload-files.ts';
import { startAthenaStandIn } from '../../support/athena-stand-in/server.ts';
import { debtCsv } from '../ingest/ingest-harness.ts';
import { fakeClock, standInClientOptions } from '../query/athena/athena-harness.ts';
import { ingestedDataDir, mirrorOf, MONTHS, NOW, UNITS, withS3 } from './compaction-fixture.ts';

type Row = Record<string, unknown>;
let dir: string;
let dataDir: string;
/** Every JSON record object's bytes under ledger/, as ingest wrote them, by key. */
let jsonBefore: Map<string, string>;
let ledgersBefore: Record<string, LedgerRecord[]>;
let uploadsBefore: Row[];

const byId = (a: { upload_id?: unknown }, b: { upload_id?: unknown }) =>
  String(a.upload_id).localeCompare(String(b.upload_id));

async function objectsUnder(s3: LocalS3, prefix: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const o of await listObjects(s3.client, s3.lakeBucket, prefix)) {
    out.set(o.key, new TextDecoder().decode((await readObject(s3.client, s3.lakeBucket, o.key)).bytes));
  }
  return out;
}

/** listLedger of every province-month of the fixture, each list sorted by upload id. */
async function everyLedger(s3: LocalS3): Promise<Record<string, LedgerRecord[]>> {
  const out: Record<string, LedgerRecord[]> = {};
  for (const dataset of DATASET_NAMES)
    for (const period of MONTHS)
      for (const province of UNITS) {
        const records = await listLedger(s3.client, s3.lakeBucket, { dataset, period, province });
        out[`${dataset}/${period}/${province}`] = [...records].sort(byId);
      }
  return out;
}

/** Every row of vss.uploads, through the views (materialize false) or the file cache (true). */
async function uploadsRows(materialize: boolean): Promise<Row[]> {
  const engine = await openEngine({ mirrorDir: mirrorOf(dataDir), materialize });
  try {
    return [...(await engine.runQuery('SELECT * FROM vss.uploads')).rows].sort(byId);
  } finally {
    engine.close();
  }
}

/** A named query's rows as sorted text lines: what the refresh reads of the ledger. */
const lines = (rows: readonly Row[]) =>
  rows.map((r) => JSON.stringify(Object.values(r).map((v) => (v == null ? null : String(v))))).sort();
const COMPLETENESS = 'completeness';

async function duckdbCompleteness(): Promise<string[]> {
  const engine = await openEngine({ mirrorDir: mirrorOf(dataDir) });
  try {
    return lines((await engine.runNamed(COMPLETENESS)).rows);
  } finally {
    engine.close();
  }
}

/** A row as text, column by column in the ledger's order: the engines type numbers their own way. */
const asText = (row: Row) => ledgerColumns().map((c) => (row[c.name] == null ? null : String(row[c.name])));

/**
 * Every row of vss.uploads through the Athena stand-in (the catalog's view over both tables), and
 * the completeness query's, which must be DuckDB's.
 */
async function athenaUploadsRows(): Promise<(string | null)[][]> {
  const standIn = await startAthenaStandIn({ mirrorDir: mirrorOf(dataDir), pageSize: 1000 });
  const client = createAthenaClient(standInClientOptions(standIn.endpoint));
  const clock = fakeClock();
  const engine = openAthenaEngine({
    workGroup: 'vss-test',
    client,
    poll: { sleep: clock.sleep, now: clock.now },
  });
  try {
    const rows = (await engine.runQuery('SELECT * FROM vss.uploads')).rows;
    const completeness = lines(
      (await engine.runNamed(COMPLETENESS, { from: MONTHS[0], to: MONTHS[1] })).rows,
    );
    expect(completeness).toEqual(await duckdbCompletenessIn());
    return [...rows].sort(byId).map(asText);
  } finally {
    engine.close();
    client.destroy();
    await standIn.close();
  }
}

/** The rows of a compacted ledger object, read straight from its bytes. */
async function compactedRows(s3: LocalS3, dataset: DatasetName, period: Period): Promise<Row[]> {
  const path = join(dir, `ledger-${dataset}-${period}.parquet`);
  await writeFile(
    path,
    (await readObject(s3.client, s3.lakeBucket, compactedLedgerKey(dataset, period))).bytes,
  );
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    return (await c.runAndReadAll(`SELECT * FROM read_parquet('${path}')`)).getRowObjectsJS().sort(byId);
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

const check = (s3: LocalS3) =>
  checkConsistency({ s3: s3.client, uploadsBucket: s3.uploadsBucket, lakeBucket: s3.lakeBucket });

/** DuckDB's completeness over the fixture's months, as the Athena engine is asked for them. */
async function duckdbCompletenessIn(): Promise<string[]> {
  const engine = await openEngine({ mirrorDir: mirrorOf(dataDir) });
  try {
    return lines((await engine.runNamed(COMPLETENESS, { from: MONTHS[0], to: MONTHS[1] })).rows);
  } finally {
    engine.close();
  }
}

let completenessBefore: string[];

beforeAll(async () => {
  ({ dir, dataDir } = await ingestedDataDir('ledger-compact'));
  completenessBefore = await duckdbCompleteness();
  expect(completenessBefore.length).toBeGreaterThan(0);
  jsonBefore = await withS3(dataDir, (s3) => objectsUnder(s3, 'ledger/'));
  ledgersBefore = await withS3(dataDir, everyLedger);
  uploadsBefore = await uploadsRows(false);
  // Not trivial: records in every dataset-month, and the view reads each JSON object once.
  expect(jsonBefore.size).toBeGreaterThan(DATASET_NAMES.length * MONTHS.length);
  expect(uploadsBefore.length).toBe(jsonBefore.size);
  expect(await uploadsRows(true)).toEqual(uploadsBefore);
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('compaction of a closed month of the ledger', () => {
  it('a crash between the moves leaves every record readable once; the rerun converges', async () => {
    const month = `ledger/debt/${MONTHS[0]}/`;
    const keys = [...jsonBefore.keys()].filter((k) => k.startsWith(month));
    expect(keys.length).toBe(UNITS.length);
    await withS3(dataDir, async (s3) => {
      const crashing = createS3Client({ endpoint: s3.endpoint });
      let deletes = 0;
      crashing.middlewareStack.add(
        (next, context) => async (args) => {
          if (context.commandName === 'DeleteObjectCommand' && ++deletes === 2)
            throw new Error('injected crash');
          return next(args);
        },
        { step: 'initialize', name: 'crashOnSecondDelete' },
      );
      await expect(
        compactLedgerMonth({
          s3: crashing,
          bucket: s3.lakeBucket,
          dataset: 'debt',
          period: MONTHS[0],
          tmpDir: dir,
        }),
      ).rejects.toThrow();
      crashing.destroy();
      // One moved, one copied and not removed, the rest in place: each still read once.
      expect((await objectsUnder(s3, month)).size).toBe(UNITS.length - 1);
      expect((await objectsUnder(s3, `ledger-closed/debt/${MONTHS[0]}/`)).size).toBe(2);
      expect(await everyLedger(s3)).toEqual(ledgersBefore);
      expect((await check(s3)).problems).toEqual([]);
    });
    await syncLocalMirror(dataDir);
    expect(await uploadsRows(false)).toEqual(uploadsBefore);
    expect(await uploadsRows(true)).toEqual(uploadsBefore);
    expect(await duckdbCompleteness()).toEqual(completenessBefore);
    // Athena's view reads the record in both the JSON and the compacted object once, too.
    expect(await athenaUploadsRows()).toEqual(uploadsBefore.map(asText));
  });

  it('compacts every closed month into one object of exactly its records, moved byte for byte', async () => {
    const done = await withS3(dataDir, (s3) =>
      compactLake({ s3: s3.client, lakeBucket: s3.lakeBucket, now: NOW, tmpDir: dir }),
    );
    expect(done.length).toBe(DATASET_NAMES.length * MONTHS.length);
    await withS3(dataDir, async (s3) => {
      expect(await objectsUnder(s3, 'ledger/')).toEqual(new Map());
      // The archive holds the very bytes ingest wrote, under the same rest of the key.
      const archived = await objectsUnder(s3, 'ledger-closed/');
      const expected = new Map(
        [...jsonBefore].map(([k, v]) => [k.replace(/^ledger\//u, 'ledger-closed/'), v]),
      );
      expect(archived).toEqual(expected);
      for (const dataset of DATASET_NAMES) {
        for (const period of MONTHS) {
          expect(
            (await listObjects(s3.client, s3.lakeBucket, `ledger-compacted/${dataset}/`)).map((o) => o.key),
          ).toEqual(MONTHS.map((p) => compactedLedgerKey(dataset, p)));
          const written = [...jsonBefore]
            .filter(([k]) => k.startsWith(`ledger/${dataset}/${period}/`))
            .map(([, v]) => JSON.parse(v) as LedgerRecord)
            .sort(byId);
          const rows = await compactedRows(s3, dataset, period);
          expect(rows.map((r) => r.upload_id)).toEqual(written.map((r) => r.upload_id));
          for (const [i, r] of written.entries()) {
            const row = rows[i]!;
            expect([row.province, row.status, row.sha256, row.received_at, row.supersedes]).toEqual([
              r.province,
              r.status,
              r.sha256,
              r.received_at,
              r.supersedes,
            ]);
            expect(Number(row.rows_accepted)).toBe(r.rows_accepted);
            expect(Number(row.bytes)).toBe(r.bytes);
          }
        }
      }
      expect(await everyLedger(s3)).toEqual(ledgersBefore);
      expect((await check(s3)).problems).toEqual([]);
    });
    await syncLocalMirror(dataDir);
    expect(await uploadsRows(false)).toEqual(uploadsBefore);
    expect(await uploadsRows(true)).toEqual(uploadsBefore);
    expect(await duckdbCompleteness()).toEqual(completenessBefore);
    // A repeat reads nothing and changes nothing.
    const again = await withS3(dataDir, (s3) =>
      compactLake({ s3: s3.client, lakeBucket: s3.lakeBucket, now: NOW, tmpDir: dir }),
    );
    expect(again).toEqual([]);
  });

  it('a re-upload of a compacted month is seen at once, then folded in by the next compaction', async () => {
    const path = join(dir, 'sua-lan-2.csv');
    await writeFile(path, debtCsv(7, 41));
    const location = { ...locationOfPath(`debt/${MONTHS[0]}/01.csv`)!, fileName: 'sua-lan-2.csv' };
    const summary = await ingestFiles({
      dataDir,
      files: [{ path, location, submittedAt: '2026-02-01T03:00:00.000Z' }],
    });
    expect(summary.accepted).toBe(1);
    const pm = { dataset: 'debt' as const, period: MONTHS[0], province: '01' };
    const fresh = await withS3(dataDir, async (s3) => {
      const live = await objectsUnder(s3, `ledger/debt/${MONTHS[0]}/01/`);
      expect(live.size).toBe(1);
      const record = JSON.parse([...live.values()][0]!) as LedgerRecord;
      expect(record.file_name).toBe('sua-lan-2.csv');
      const seen = await listLedger(s3.client, s3.lakeBucket, pm);
      expect([...seen].sort(byId)).toEqual([...ledgersBefore[`debt/${MONTHS[0]}/01`]!, record].sort(byId));
      expect((await check(s3)).problems).toEqual([]);
      return record;
    });
    await syncLocalMirror(dataDir);
    const withFresh = await uploadsRows(false);
    expect(withFresh.map((r) => r.upload_id)).toEqual(
      [...uploadsBefore.map((r) => r.upload_id), fresh.upload_id].sort(),
    );
    expect(await uploadsRows(true)).toEqual(withFresh);
    expect(await athenaUploadsRows()).toEqual(withFresh.map(asText));

    const done = await withS3(dataDir, (s3) =>
      compactLake({ s3: s3.client, lakeBucket: s3.lakeBucket, now: NOW, tmpDir: dir, datasets: ['debt'] }),
    );
    expect(done.map((m) => [m.period, m.ledger.folded, m.ledger.moved])).toEqual([[MONTHS[0], 1, 1]]);
    await withS3(dataDir, async (s3) => {
      expect(await objectsUnder(s3, 'ledger/')).toEqual(new Map());
      const rows = await compactedRows(s3, 'debt', MONTHS[0]);
      expect(rows.map((r) => r.upload_id)).toContain(fresh.upload_id);
      expect(rows.length).toBe(
        [...jsonBefore.keys()].filter((k) => k.startsWith(`ledger/debt/${MONTHS[0]}/`)).length + 1,
      );
      expect((await check(s3)).problems).toEqual([]);
    });
    await syncLocalMirror(dataDir);
    expect(await uploadsRows(false)).toEqual(withFresh);
    expect(await uploadsRows(true)).toEqual(withFresh);
    expect(await athenaUploadsRows()).toEqual(withFresh.map(asText));
  });

  it('doctor reports a compacted month that lacks a record archived for it, or is gone', async () => {
    const key = compactedLedgerKey('coverage', MONTHS[1]);
    await withS3(dataDir, async (s3) => {
      const original = (await readObject(s3.client, s3.lakeBucket, key)).bytes;
      const path = join(dir, 'ledger-tamper-in.parquet');
      const out = join(dir, 'ledger-tamper-out.parquet');
      await writeFile(path, original);
      const db = await DuckDBInstance.create(':memory:');
      const c = await db.connect();
      try {
        await c.run(
          `COPY (SELECT * FROM read_parquet('${path}') WHERE upload_id <> (SELECT min(upload_id) FROM read_parquet('${path}'))) TO '${out}' (FORMAT parquet)`,
        );
      } finally {
        c.closeSync();
        db.closeSync();
      }
      const put = (body: Uint8Array) =>
        s3.client.send(new PutObjectCommand({ Bucket: s3.lakeBucket, Key: key, Body: body }));
      await put(await readFile(out));
      expect((await check(s3)).problems).toEqual([{ kind: 'ledger-compacted-stale', key }]);
      await s3.client.send(new DeleteObjectCommand({ Bucket: s3.lakeBucket, Key: key }));
      expect((await check(s3)).problems).toEqual([{ kind: 'ledger-compacted-stale', key }]);
      await put(original);
      expect((await check(s3)).problems).toEqual([]);
    });
  });
});
