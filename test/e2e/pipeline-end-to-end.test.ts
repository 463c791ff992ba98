/**
 * The whole local pipeline as `npm start` runs it — generate, upload to the local S3, ingest
 * through the Lambda handler, mirror, refresh, build, serve — on a few months across the
 * 63 → 34 reform. The national debt the dashboard shows must equal, to the đồng, the sum over
 * the generated upload files, and the page must draw its charts with data from every province.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS } from '../../core/datasets/index.ts';
import type { Manifest } from '../../pipeline/generate/index.ts';
import { readSample } from '../../pipeline/generate/read-sample.ts';
import { localPaths } from '../../core/contracts/layout.ts';
import { runLocalPipeline, type RunLocalResult } from '../../local/run-local.ts';
import { provinces } from '../../pipeline/reference/provinces.ts';
import type { NationalRow, ProvinceRow } from '../../core/contracts/site-data.ts';
import { launchChromium } from '../../tools/chromium/chromium.ts';
import { debtCsv } from '../pipeline/ingest/ingest-harness.ts';

const execFileAsync = promisify(execFile);

const FROM = '2025-05';
const TO = '2025-08';
const DEBT_COLUMNS = ['no_bhxh', 'no_bhyt', 'no_bhtn'];

let dataDir: string;
let run: RunLocalResult;
let manifest: Manifest;

const siteJson = <T>(file: string): T =>
  JSON.parse(readFileSync(join(localPaths(dataDir).site, 'data', file), 'utf8')) as T;

/** Sum of the three debt columns over the month's debt files, read straight from the files. */
async function debtInFiles(period: string): Promise<{ total: number; provinces: Set<string> }> {
  const headers = DEBT_COLUMNS.map((key) => DATASETS.debt.columns.find((c) => c.key === key)?.vi);
  let total = 0;
  const seen = new Set<string>();
  for (const file of manifest.files.filter((f) => f.dataset === 'debt' && f.period === period)) {
    const { header, rows } = await readSample(join(localPaths(dataDir).samples, file.path));
    const indexes = headers.map((h) => header.indexOf(h ?? ''));
    expect(
      indexes.every((i) => i >= 0),
      `${file.path} has the debt headers`,
    ).toBe(true);
    for (const row of rows) for (const i of indexes) total += Number(String(row[i]).replace(/\D/g, ''));
    seen.add(file.province);
  }
  return { total, provinces: seen };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'vss-e2e-'));
  run = await runLocalPipeline({ dataDir, port: 0, from: FROM, to: TO, seed: 11, log: () => undefined });
  manifest = JSON.parse(readFileSync(join(localPaths(dataDir).samples, 'manifest.json'), 'utf8')) as Manifest;
}, 600_000);

afterAll(async () => {
  await run?.server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('local pipeline end to end', () => {
  it('accepts every generated upload', () => {
    expect(run.ingest.uploaded).toBe(manifest.files.length);
    expect(run.ingest.accepted).toBe(manifest.files.length);
    expect(run.ingest.rejected + run.ingest.failed).toBe(0);
  });

  it.each([FROM, '2025-06', '2025-07', TO])(
    'national debt of %s equals the sum of the upload files',
    async (period) => {
      const national = siteJson<NationalRow[]>('national.json').find((r) => r.period === period);
      const { total, provinces: reported } = await debtInFiles(period);
      expect(total).toBeGreaterThan(0);
      expect(national?.debt_total).toBe(total);
      expect(national?.provinces_reported).toBe(reported.size);
      expect(national?.provinces_expected).toBe(period >= '2025-07' ? 34 : 63);
    },
  );

  it.each(['2025-06', TO])(
    'late-payment rate and collection of %s equal sums of the upload files, like for like',
    async (period) => {
      const national = siteJson<NationalRow[]>('national.json').find((r) => r.period === period);
      const column = (key: string) => DATASETS.collection.columns.find((c) => c.key === key)?.vi ?? key;
      const sums = { due: 0, collected: 0, interest: 0 };
      const dueBy = new Map<string, number>();
      for (const file of manifest.files.filter((f) => f.dataset === 'collection' && f.period === period)) {
        const { header, rows } = await readSample(join(localPaths(dataDir).samples, file.path));
        const cell = (row: (string | number)[], key: string) =>
          Number(String(row[header.indexOf(column(key))]).replace(/\D/g, ''));
        for (const row of rows) {
          sums.due += cell(row, 'so_phai_thu');
          sums.collected += cell(row, 'so_da_thu');
          sums.interest += cell(row, 'lai_cham_dong');
          dueBy.set(file.province, (dueBy.get(file.province) ?? 0) + cell(row, 'so_phai_thu'));
        }
      }
      expect(sums.due).toBeGreaterThan(0);
      expect([national?.collection_due, national?.collection_collected, national?.late_interest]).toEqual([
        sums.due,
        sums.collected,
        sums.interest,
      ]);
      // the rate's parts: only the units that sent both their debt and their collection report
      const debtFiles = manifest.files.filter((f) => f.dataset === 'debt' && f.period === period);
      const both = debtFiles.filter((f) => dueBy.has(f.province));
      let debtOfBoth = 0;
      for (const file of both) {
        const { header, rows } = await readSample(join(localPaths(dataDir).samples, file.path));
        const indexes = DEBT_COLUMNS.map((key) =>
          header.indexOf(DATASETS.debt.columns.find((c) => c.key === key)?.vi ?? ''),
        );
        for (const row of rows)
          for (const i of indexes) debtOfBoth += Number(String(row[i]).replace(/\D/g, ''));
      }
      const dueOfBoth = both.reduce((s, f) => s + (dueBy.get(f.province) ?? 0), 0);
      expect([national?.rate_debt, national?.rate_due, national?.rate_units]).toEqual([
        debtOfBoth,
        dueOfBoth,
        both.length,
      ]);
      const rate = debtOfBoth / (12 * dueOfBoth);
      expect(rate).toBeGreaterThan(0.015);
      expect(rate).toBeLessThan(0.035);
    },
  );

  it('has a row for every province that reported, in the units of its month', async () => {
    const rows = siteJson<ProvinceRow[]>('provinces.json');
    for (const period of [FROM, TO]) {
      const { provinces: reported } = await debtInFiles(period);
      const codes = new Set(rows.filter((r) => r.period === period).map((r) => r.province));
      expect(codes).toEqual(reported);
      const valid = new Set(
        provinces()
          .validIn(period)
          .map((u) => u.code),
      );
      for (const code of codes) expect(valid.has(code)).toBe(true);
    }
  });

  it('running again uploads nothing and changes no figure', async () => {
    const before = readFileSync(join(localPaths(dataDir).site, 'data', 'national.json'), 'utf8');
    await run.server.close();
    run = await runLocalPipeline({ dataDir, port: 0, from: FROM, to: TO, seed: 11, log: () => undefined });
    expect(run.ingest.uploaded).toBe(0);
    expect(run.ingest.skipped).toBe(manifest.files.length);
    const after = readFileSync(join(localPaths(dataDir).site, 'data', 'national.json'), 'utf8');
    expect(JSON.parse(after)).toEqual(JSON.parse(before));
  }, 600_000);

  describe('in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('draws every chart of the overview with no console error', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(String(e)));
      await page.goto(run.server.url);
      await page.waitForSelector(`body[data-ready="${TO}"]`, { timeout: 60_000 });
      const charts = await page.locator('.vega-embed svg.marks, .vega-embed canvas').count();
      expect(charts).toBeGreaterThanOrEqual(4);
      const line = await page.locator('body').innerText();
      expect(line).toContain(`/34`);
      expect(problems).toEqual([]);
      await page.close();
    });

    it("shows on the overview's tiles the national figures `vss query` prints for the month", async () => {
      const { stdout } = await execFileAsync(process.execPath, [
        'cli/vss.js',
        'query',
        '--data-dir',
        dataDir,
        '--name',
        'national_figures',
        '--param',
        `period=${TO}`,
        '--format',
        'json',
      ]);
      const figures = JSON.parse(stdout) as { measure: string; value: number }[];
      const queried = (measure: string) => figures.find((f) => f.measure === measure)?.value;
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
      await page.goto(`${run.server.url}#page=overview&month=${TO}`);
      await page.waitForSelector(`body[data-ready="${TO}"]`, { timeout: 60_000 });
      // The first number a tile's text shows, in vi-VN digits ("223.545.887.000 đ").
      const firstNumber = async (selector: string) =>
        Number((/[\d.]+/.exec(await page.locator(selector).innerText())?.[0] ?? '').replaceAll('.', ''));
      expect(queried('debt_total')).toBeGreaterThan(0);
      expect(await firstNumber('[data-kpi="debt-total"] .detail')).toBe(queried('debt_total'));
      expect(await firstNumber('[data-kpi="enforcement"] .value')).toBe(queried('inspections'));
      await page.close();
    });
  });

  it("refreshes the served figures after a portal upload replaces a province's month", async () => {
    const get = async <T>(path: string): Promise<T> =>
      (await (await fetch(new URL(path, run.server.url))).json()) as T;
    const debtOf = (rows: ProvinceRow[]) =>
      rows.find((r) => r.period === TO && r.province === '48')?.debt_total;
    const before = debtOf(await get<ProvinceRow[]>('data/provinces.json'));
    const csv = debtCsv(6, 4);
    const [header, ...lines] = csv.trim().split('\n');
    const columns = DEBT_COLUMNS.map((key) => header!.split(',').indexOf(key));
    const sent = lines.reduce((sum, l) => sum + columns.reduce((s, i) => s + Number(l.split(',')[i]), 0), 0);
    expect(before).not.toBe(sent);
    const ask = await fetch(new URL('api/uploads', run.server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'vss_as_province=48' },
      body: JSON.stringify({
        dataset: 'debt',
        period: TO,
        fileName: 'no-gui-lai.csv',
        size: Buffer.byteLength(csv),
        sha256: createHash('sha256').update(csv).digest('hex'),
      }),
    });
    expect(ask.status).toBe(201);
    const grant = (await ask.json()) as { upload: { url: string; headers: Record<string, string> } };
    expect(
      (await fetch(grant.upload.url, { method: 'PUT', headers: grant.upload.headers, body: csv })).status,
    ).toBe(200);
    await run.refreshed();
    expect(debtOf(await get<ProvinceRow[]>('data/provinces.json'))).toBe(sent);
  }, 120_000);
});
