/**
 * The questions on generated uploads across the 63 -> 34 change: generate, ingest through the
 * local S3 and the handler, mirror, then compare the queries' national figures with sums read
 * straight from the upload files, and completeness with the generator's manifest.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, type DatasetName } from '../../lib/datasets/index.ts';
import { openEngine, type Engine } from '../../lib/engine/engine.ts';
import { syncLocalMirror } from '../../lib/engine/local-mirror.ts';
import { generateSamples, type Manifest } from '../../lib/generate/index.ts';
import { readSample } from '../../lib/generate/read-sample.ts';
import { localPaths } from '../../lib/layout.ts';
import { ingestFiles, type IngestSummary } from '../../lib/local/ingest-files.ts';
import { filesFromManifest } from '../../lib/local/upload-files.ts';
import { tempDir } from '../unit/engine-fixture.ts';

const PERIODS = ['2025-05', '2025-06', '2025-07'];
/** The reports of Hà Nội, Tuyên Quang and Đà Nẵng and the units merged into them: a short run. */
const SOURCES = new Set(['01', '02', '08', '48', '49']);
let dataDir: string;
let manifest: Manifest;
let ingested: IngestSummary;
let engine: Engine;

type FileRow = Record<string, string | number>;

/** A sample file's rows keyed by column, categories as their codes: read without the validator. */
async function rowsOf(dataset: DatasetName, path: string): Promise<FileRow[]> {
  const { header, rows } = await readSample(path);
  const columns = header.map((h) => DATASETS[dataset].columns.find((c) => c.vi === h || c.key === h));
  return rows.map((cells) => {
    const row: FileRow = {};
    columns.forEach((column, i) => {
      if (!column) return;
      const cell = String(cells[i] ?? '').trim();
      const type = column.type;
      if (type.kind === 'integer') row[column.key] = Number(cell.replace(/\D/g, '') || '0');
      else if (type.kind === 'category') {
        const option = type.options.find((o) => o.code === cell || o.vi.toLowerCase() === cell.toLowerCase());
        if (!option) throw new Error(`${path}: ${column.key} ${cell} is no category`);
        row[column.key] = option.code;
      } else row[column.key] = cell;
    });
    return row;
  });
}

async function fileSum(dataset: DatasetName, period: string, of: (r: FileRow) => number): Promise<number> {
  let total = 0;
  for (const f of manifest.files.filter((x) => x.dataset === dataset && x.period === period)) {
    for (const row of await rowsOf(dataset, join(localPaths(dataDir).samples, f.path))) total += of(row);
  }
  return total;
}

const n = (r: FileRow, k: string) => Number(r[k] ?? 0);
const debt = (r: FileRow) => n(r, 'no_bhxh') + n(r, 'no_bhyt') + n(r, 'no_bhtn');

const EXPECTED: [string, DatasetName, (r: FileRow) => number][] = [
  ['debt_total', 'debt', debt],
  ['debt_3m_plus', 'debt', (r) => (n(r, 'so_thang_no') >= 3 ? debt(r) : 0)],
  ['employers_owing', 'debt', (r) => (debt(r) > 0 ? 1 : 0)],
  ['arrears_recovered', 'debt', (r) => n(r, 'da_thu_hoi')],
  ['hi_participants', 'coverage', (r) => (r.loai_hinh === 'hi' ? n(r, 'so_nguoi_tham_gia') : 0)],
  ['si_compulsory_target', 'coverage', (r) => (r.loai_hinh === 'si_compulsory' ? n(r, 'chi_tieu_giao') : 0)],
  ['inspections', 'enforcement', (r) => n(r, 'so_cuoc_thanh_tra')],
  ['fines_imposed', 'enforcement', (r) => n(r, 'tien_phat')],
  ['dossiers', 'prosecution', () => 1],
  [
    'dossiers_prosecuted',
    'prosecution',
    (r) => (['prosecuted', 'tried'].includes(String(r.trang_thai)) ? 1 : 0),
  ],
  ['procedures_received', 'procedures', (r) => n(r, 'tiep_nhan')],
  ['procedures_overdue', 'procedures', (r) => n(r, 'qua_han')],
];

beforeAll(async () => {
  dataDir = tempDir('query-generated');
  const samples = localPaths(dataDir).samples;
  await generateSamples({
    out: samples,
    from: PERIODS[0] ?? '',
    to: PERIODS.at(-1) ?? '',
    seed: 5,
    debtorsPerMonth: 900,
  });
  const generated = JSON.parse(readFileSync(join(samples, 'manifest.json'), 'utf8')) as Manifest;
  const chosen = new Set(generated.files.filter((f) => SOURCES.has(f.province)).map((f) => f.path));
  const files = (await filesFromManifest(samples)).filter((f) =>
    chosen.has(relative(samples, f.path).split(sep).join('/')),
  );
  expect(files).toHaveLength(chosen.size);
  const accepted = new Set<string>();
  ingested = await ingestFiles({
    dataDir,
    files,
    onOutcome: (o) => {
      const { dataset, period, province } = o.receipt.upload;
      if (o.status === 'accepted') accepted.add(`${dataset}/${period}/${province}`);
    },
  });
  // The figures answer for the accepted reports: the files of those are what the sums read.
  manifest = {
    files: generated.files.filter((f) => accepted.has(`${f.dataset}/${f.period}/${f.province}`)),
  };
  await syncLocalMirror(dataDir);
  engine = await openEngine({ mirrorDir: localPaths(dataDir).mirror, materialize: true });
}, 600_000);

afterAll(() => {
  engine?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('queries on generated uploads', () => {
  it('ingested the chosen files, most of them accepted', () => {
    expect(ingested.accepted).toBe(manifest.files.length);
    expect(ingested.accepted).toBeGreaterThan(40);
    expect(ingested.failed).toBe(0);
  });

  it.each(PERIODS)('national_figures of %s equal sums read from the upload files', async (period) => {
    const { rows } = await engine.runNamed('national_figures', { period });
    for (const [measure, dataset, of] of EXPECTED) {
      const expected = await fileSum(dataset, period, of);
      expect(rows.find((r) => r.measure === measure)?.value, `${measure} ${period}`).toBe(expected);
    }
    expect(await fileSum('debt', period, debt)).toBeGreaterThan(0);
  });

  it('gives the same national series as reported and restated to the 34 units', async () => {
    for (const measure of ['debt_total', 'hi_participants', 'procedures_received']) {
      const reported = await engine.runNamed('measure_series', { measure });
      const current = await engine.runNamed('measure_series', { measure, geography: 'current' });
      expect(current.rows).toEqual(reported.rows);
      const ranking = await engine.runNamed('province_ranking', {
        period: '2025-06',
        measure,
        geography: 'current',
      });
      const restated = ranking.rows.reduce((s, r) => s + Number(r.value), 0);
      expect(restated).toBe(reported.rows.find((r) => r.period === '2025-06')?.value);
    }
  });

  it('counts completeness from the manifest: 63 units expected until June, 34 in July', async () => {
    const { rows } = await engine.runNamed('completeness');
    for (const period of PERIODS) {
      const [year, month] = period.split('-').map(Number) as [number, number];
      const deadline = new Date(Date.UTC(year, month, 10, 17)).toISOString();
      for (const dataset of Object.keys(DATASETS)) {
        const sent = manifest.files.filter((f) => f.dataset === dataset && f.period === period);
        const onTime = sent.filter((f) => new Date(f.submitted_at).toISOString() < deadline).length;
        const of = rows.filter((r) => r.dataset === dataset && r.period === period);
        const sum = (k: string) => of.reduce((s, r) => s + Number(r[k]), 0);
        const expectedUnits = period >= '2025-07' ? 34 : 63;
        expect([sum('expected'), sum('received'), sum('on_time'), sum('late'), sum('missing')]).toEqual([
          expectedUnits,
          sent.length,
          onTime,
          sent.length - onTime,
          expectedUnits - sent.length,
        ]);
      }
    }
    const current = await engine.runNamed('completeness', { geography: 'current' });
    const june = current.rows.filter((r) => r.dataset === 'debt' && r.period === '2025-06');
    expect(june).toHaveLength(34);
    const daNang = june.find((r) => r.province === '48');
    const sentDaNang = manifest.files.filter(
      (f) => f.dataset === 'debt' && f.period === '2025-06' && ['48', '49'].includes(f.province),
    );
    expect(daNang).toMatchObject({ expected: 2, received: sentDaNang.length });
  });
});
