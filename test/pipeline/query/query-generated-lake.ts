/**
 * A generated lake across the 63 -> 34 change, and figures read straight from its upload files:
 * generate, ingest through the local S3 and the handler, mirror; the sums here never go through
 * the views, the summaries or the validator, so the queries are checked against something else.
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect } from 'vitest';
import { DATASETS, lakeColumns, type DatasetName } from '../../../core/datasets/index.ts';
import { syncLocalMirror } from '../../../local/local-mirror.ts';
import { generateSamples, type Manifest } from '../../../pipeline/generate/index.ts';
import { readSample } from '../../../pipeline/generate/read-sample.ts';
import { localPaths } from '../../../core/contracts/layout.ts';
import { ingestFiles, type IngestSummary } from '../../../local/ingest-files.ts';
import { filesFromManifest } from '../../../local/upload-files.ts';
import { tempDir } from './engine-fixture.ts';

export const PERIODS = ['2025-05', '2025-06', '2025-07'];
/** The reports of Hà Nội, Tuyên Quang and Đà Nẵng and the units merged into them: a short run. */
const SOURCES = new Set(['01', '02', '08', '48', '49']);

export type FileRow = Record<string, string | number>;

export interface GeneratedLake {
  dataDir: string;
  /** The files of the accepted reports: what the figures answer for. */
  manifest: Manifest;
  ingested: IngestSummary;
}

/** A sample file's rows keyed by column, categories as their codes: read without the validator. */
async function rowsOf(dataset: DatasetName, path: string): Promise<FileRow[]> {
  const { header, rows } = await readSample(path);
  // The columns of every template version: a file holds those of its month's.
  const columns = header.map((h) => lakeColumns(DATASETS[dataset]).find((c) => c.vi === h || c.key === h));
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

/** The sum of `of` over the rows of the accepted files of a dataset and month (of some units). */
export async function fileSum(
  lake: GeneratedLake,
  dataset: DatasetName,
  period: string,
  of: (r: FileRow) => number,
  units?: readonly string[],
): Promise<number> {
  let total = 0;
  const files = lake.manifest.files.filter(
    (x) => x.dataset === dataset && x.period === period && (!units || units.includes(x.province)),
  );
  for (const f of files) {
    for (const row of await rowsOf(dataset, join(localPaths(lake.dataDir).samples, f.path))) total += of(row);
  }
  return total;
}

export const n = (r: FileRow, k: string) => Number(r[k] ?? 0);
export const debt = (r: FileRow) => n(r, 'no_bhxh') + n(r, 'no_bhyt') + n(r, 'no_bhtn');

/** Measures of vss.summaries and how each is read off one row of an upload file. */
export const EXPECTED: [string, DatasetName, (r: FileRow) => number][] = [
  ['debt_total', 'debt', debt],
  ['debt_3m_plus', 'debt', (r) => (n(r, 'so_thang_no') >= 3 ? debt(r) : 0)],
  ['employers_owing', 'debt', (r) => (debt(r) > 0 ? 1 : 0)],
  ['arrears_recovered', 'debt', (r) => n(r, 'da_thu_hoi')],
  ['hi_participants', 'coverage', (r) => (r.loai_hinh === 'hi' ? n(r, 'so_nguoi_tham_gia') : 0)],
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
  ['collection_due', 'collection', (r) => n(r, 'so_phai_thu')],
  ['collection_collected', 'collection', (r) => n(r, 'so_da_thu')],
  ['late_interest', 'collection', (r) => n(r, 'lai_cham_dong')],
  ['collection_due_bhyt', 'collection', (r) => (r.loai_bao_hiem === 'bhyt' ? n(r, 'so_phai_thu') : 0)],
];

export async function buildGeneratedLake(periods: readonly string[] = PERIODS): Promise<GeneratedLake> {
  const dataDir = tempDir('query-generated');
  const samples = localPaths(dataDir).samples;
  await generateSamples({
    out: samples,
    from: periods[0] ?? '',
    to: periods.at(-1) ?? '',
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
  const ingested = await ingestFiles({
    dataDir,
    files,
    onOutcome: (o) => {
      const { dataset, period, province } = o.receipt.upload;
      if (o.status === 'accepted') accepted.add(`${dataset}/${period}/${province}`);
    },
  });
  const manifest = {
    files: generated.files.filter((f) => accepted.has(`${f.dataset}/${f.period}/${f.province}`)),
  };
  await syncLocalMirror(dataDir);
  return { dataDir, manifest, ingested };
}
