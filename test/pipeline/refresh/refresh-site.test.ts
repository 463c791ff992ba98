/** refreshSite on the hand-computed lake, and the refresh handler against a real s3rver. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRefreshHandler } from '../../../pipeline/refresh/refresh-handler.ts';
import { listFiles } from './refresh-files.ts';
import { PUBLISHED_MANIFEST_KEY } from '../../../pipeline/refresh/publish-site-data.ts';
import { FIRST_SCREEN_FILES } from '../../../core/contracts/site-files.ts';
import { refreshSite } from '../../../pipeline/refresh/refresh.ts';
import { ensureSummaries } from '../../../pipeline/summary/backfill.ts';
import {
  comparisonRow,
  completenessRow,
  NATIONAL_FILES,
  nationalRow,
  PROVINCE_FILES,
  provinceRow,
  SITE_FILES,
  siteMeta,
  unitRow,
} from '../../../core/contracts/site-data.ts';
import { createS3Client } from '../../../pipeline/storage/s3-client.ts';
import { tempDir } from '../query/engine-fixture.ts';
import { writeScenario } from '../query/engine-scenario.ts';

const fixedNow = () => new Date('2025-08-15T00:00:00.000Z');
const readJson = (dir: string, file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));

describe('refreshSite', () => {
  it('writes every site data file, each row in the contract, with figures from the lake', async () => {
    const mirror = tempDir('refresh-mirror');
    await writeScenario(mirror);
    const out = join(tempDir('refresh-out'), 'data');
    const { files } = await refreshSite({ mirrorDir: mirror, outDir: out, now: fixedNow });
    const top = files.map((f) => f.slice(out.length + 1)).filter((f) => !f.startsWith('provinces/'));
    expect(top.sort()).toEqual(
      [
        ...Object.values(SITE_FILES),
        ...Object.values(NATIONAL_FILES),
        ...Object.values(FIRST_SCREEN_FILES),
        PROVINCE_FILES.scope,
      ].sort(),
    );

    const national = nationalRow.array().parse(readJson(out, SITE_FILES.national));
    expect(national.map((r) => [r.period, r.debt_total, r.provinces_expected])).toEqual([
      ['2025-06', 575, 63],
      ['2025-07', 750, 34],
    ]);
    const provinceRows = provinceRow.array().parse(readJson(out, SITE_FILES.provinces));
    expect(provinceRows).toHaveLength(5);
    const completeness = completenessRow.array().parse(readJson(out, SITE_FILES.completeness));
    expect(completeness.filter((r) => r.status !== 'missing')).toHaveLength(2 + 1 + 2 + 3 + 2);
    // Like for like across the reform: June restated to the 34, Tuyên Quang (08) counting Hà Giang
    // (02) because both sent June's debt: Hà Nội 175 -> 200, Tuyên Quang 340 + 60 -> 550.
    const comparisons = comparisonRow.array().parse(readJson(out, NATIONAL_FILES.comparisons));
    expect(comparisons.filter((r) => r.measure === 'debt_total')).toEqual([
      {
        period: '2025-07',
        basis: 'mom',
        compare_period: '2025-06',
        measure: 'debt_total',
        units_compared: 2,
        units_expected: 34,
        value: 200 + 550,
        compare_value: 175 + 340 + 60,
        break_reason: null,
        break_from: null,
      },
    ]);
    // No coverage report for July: no change of coverage rather than a fall to zero.
    expect(comparisons.some((r) => r.measure.startsWith('hi_'))).toBe(false);
    const units = unitRow.array().parse(readJson(out, SITE_FILES.units));
    expect(units).toHaveLength(63 + 34);
    expect(siteMeta.parse(readJson(out, SITE_FILES.meta))).toEqual({
      computed_at: '2025-08-15T00:00:00.000Z',
      first_period: '2025-06',
      latest_period: '2025-07',
      periods: ['2025-06', '2025-07'],
      uploads_accepted: 10, // 12 ledger records less one rejected and one duplicate
    });
  });

  it('refuses to publish an empty lake', async () => {
    await expect(refreshSite({ mirrorDir: tempDir('empty'), outDir: tempDir('out') })).rejects.toThrow(
      /no reports/,
    );
  });
});

describe('the refresh handler', () => {
  let server: S3rver;
  let s3: S3Client;
  beforeAll(async () => {
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: tempDir('s3rver') });
    const { port } = await server.run();
    s3 = createS3Client({ endpoint: `http://127.0.0.1:${port}` });
    for (const Bucket of ['vss-lake', 'vss-site']) await s3.send(new CreateBucketCommand({ Bucket }));
  });
  afterAll(async () => {
    s3.destroy();
    await server.close();
  });

  it('mirrors the lake bucket and publishes the data files to the site bucket', async () => {
    const local = tempDir('lake-source');
    await writeScenario(local);
    await ensureSummaries(local); // what ingest writes beside each lake object
    for (const key of listFiles(local)) {
      await s3.send(
        new PutObjectCommand({ Bucket: 'vss-lake', Key: key, Body: readFileSync(join(local, key)) }),
      );
    }
    const lambdaTmp = tempDir('lambda-tmp');
    const refresh = createRefreshHandler({
      s3,
      lakeBucket: 'vss-lake',
      siteBucket: 'vss-site',
      tmpDir: lambdaTmp,
      now: fixedNow,
      log: () => {},
    });
    const outcome = await refresh();
    // Everything but the employer-level debt rows: the national debt comes from the summaries.
    const needed = listFiles(local).filter((k) => !k.startsWith('lake/debt/'));
    expect(listFiles(local).length - needed.length).toBe(5);
    expect(outcome.downloaded).toBe(needed.length);
    expect(outcome.keys.filter((k) => !k.startsWith('data/provinces/')).sort()).toEqual(
      [
        ...Object.values(SITE_FILES),
        ...Object.values(NATIONAL_FILES),
        ...Object.values(FIRST_SCREEN_FILES),
        PROVINCE_FILES.scope,
      ]
        .map((f) => `data/${f}`)
        .sort(),
    );
    // Each bundle keeps its folder, and the latest month's debt gave Hà Nội its police list.
    expect(outcome.keys).toContain('data/provinces/79/provinces.json');
    const police = await s3.send(
      new GetObjectCommand({ Bucket: 'vss-site', Key: 'data/provinces/01/police.json' }),
    );
    expect(JSON.parse(await (police.Body?.transformToString() ?? '[]'))).toHaveLength(1);
    const object = await s3.send(new GetObjectCommand({ Bucket: 'vss-site', Key: 'data/national.json' }));
    const national = nationalRow
      .array()
      .parse(JSON.parse(await (object.Body?.transformToString() ?? 'null')));
    expect(national.map((r) => r.debt_total)).toEqual([575, 750]);
    expect([...outcome.sent].sort()).toEqual([...outcome.keys].sort());
    // Nothing changed: nothing is sent again, the site keeps every file.
    const again = await refresh();
    expect(again.unchanged).toBe(needed.length);
    expect(again.sent).toEqual([]);
    expect([...again.keys].sort()).toEqual([...outcome.keys].sort());
    // The manifest says what the bucket holds: a file it names with other bytes is sent again,
    // alone; without a manifest every file is.
    const manifestOf = async () =>
      JSON.parse(
        (await (
          await s3.send(new GetObjectCommand({ Bucket: 'vss-site', Key: PUBLISHED_MANIFEST_KEY }))
        ).Body?.transformToString()) ?? '{}',
      ) as Record<string, string>;
    const manifest = await manifestOf();
    expect(Object.keys(manifest).sort()).toEqual([...outcome.keys].sort());
    await s3.send(
      new PutObjectCommand({
        Bucket: 'vss-site',
        Key: PUBLISHED_MANIFEST_KEY,
        Body: JSON.stringify({ ...manifest, 'data/national.json': '0'.repeat(64) }),
      }),
    );
    expect((await refresh()).sent).toEqual(['data/national.json']);
    expect(await manifestOf()).toEqual(manifest);
    await s3.send(new DeleteObjectCommand({ Bucket: 'vss-site', Key: PUBLISHED_MANIFEST_KEY }));
    expect((await refresh()).sent.length).toBe(outcome.keys.length);
  });
});
