/**
 * Sample uploads for every dataset, province and month: what `vss generate` writes and what the
 * local pipeline, the tests and the benchmarks feed on. Deterministic for a seed.
 *
 *   <out>/<dataset>/<YYYY-MM>/<province>.csv|.xlsx   one file per report a province sent
 *   <out>/manifest.json                             every file with when it was submitted
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DATASET_NAMES, DATASETS, templateAt, type DatasetName } from '../../core/datasets/index.ts';
import { UsageError } from '../../core/errors.ts';
import { FLAG_ERRORS } from '../../core/messages/index.ts';
import { isPeriod, type Period } from '../../core/period.ts';
import { provinces } from '../reference/provinces.ts';
import { TREND_ANCHOR, NATIONAL } from './calibration.ts';
import { csvFile } from './csv-file.ts';
import { debtMonths } from './debtors.ts';
import { simulateDossiers } from './dossiers.ts';
import { TaxCodes } from './employers.ts';
import { forEachLimited } from './limited.ts';
import { oldUnitsOf, rowsFor } from './province-month.ts';
import { SCALES } from './scale.ts';
import { submissionOf, type FileFormat } from './submission.ts';
import { xlsxFile } from './xlsx-file.ts';

export interface GenerateOptions {
  out: string;
  from: Period;
  to: Period;
  seed: number;
  /** Debtor rows per month nationwide (default 30,000); the national debt stays the same. */
  debtorsPerMonth?: number;
}

export interface ManifestEntry {
  /** Relative to the output directory, always with forward slashes. */
  path: string;
  dataset: DatasetName;
  period: Period;
  province: string;
  format: FileFormat;
  submitted_at: string;
}

export interface Manifest {
  files: ManifestEntry[];
}

export const DEFAULT_RANGE = { from: SCALES.sample.from, to: SCALES.sample.to } as const;
const WRITE_CONCURRENCY = 8;

function checked(options: GenerateOptions): Required<GenerateOptions> {
  const { from, to, seed, debtorsPerMonth = NATIONAL.debtorsPerMonth } = options;
  if (!isPeriod(from) || !isPeriod(to)) throw new UsageError(FLAG_ERRORS.notPeriods(from, to));
  if (from > to) throw new UsageError(FLAG_ERRORS.fromAfterTo(from, to));
  if (!Number.isSafeInteger(seed)) throw new UsageError(FLAG_ERRORS.notInteger('--seed', seed));
  if (!Number.isSafeInteger(debtorsPerMonth) || debtorsPerMonth < 1)
    throw new UsageError(FLAG_ERRORS.notPositive('--debtors-per-month', debtorsPerMonth));
  return { ...options, debtorsPerMonth };
}

/**
 * Months are written one at a time, the debt registers stepping along, so memory holds one
 * month of rows whatever the range (the full scale is about 10 million debtor rows).
 */
export async function generateSamples(
  options: GenerateOptions,
  onMonth: (period: Period, files: number) => void = () => undefined,
): Promise<{ files: number; manifestPath: string }> {
  const { out, from, to, seed, debtorsPerMonth } = checked(options);
  const registry = provinces();
  const oldUnits = registry.units.filter((u) => u.generation === '63');
  // Registers always start at the same month, so a short range repeats the months of a long one.
  const start = from < TREND_ANCHOR ? from : TREND_ANCHOR;
  const codes = new TaxCodes();
  const prosecution = simulateDossiers(seed, oldUnits, start, to, codes);

  const files: ManifestEntry[] = [];
  for (const { period, rows: debt } of debtMonths(seed, oldUnits, start, to, debtorsPerMonth, codes)) {
    if (period < from) continue;
    const month: ManifestEntry[] = [];
    const jobs: Array<() => Promise<void>> = [];
    for (const unit of registry.validIn(period)) {
      for (const dataset of DATASET_NAMES) {
        const { format, submittedAt } = submissionOf(seed, dataset, period, unit.code);
        if (submittedAt === undefined) continue;
        const path = `${dataset}/${period}/${unit.code}.${format}`;
        month.push({ path, dataset, period, province: unit.code, format, submitted_at: submittedAt });
        jobs.push(async () => {
          const rows = rowsFor(dataset, seed, oldUnitsOf(registry, unit), period, { debt, prosecution });
          // The file is written in the template version in force for its month.
          const template = templateAt(DATASETS[dataset], period);
          const bytes =
            format === 'csv'
              ? csvFile(template, rows)
              : await xlsxFile(template, rows, new Date(submittedAt));
          await writeFile(join(out, path), bytes);
        });
      }
    }
    const dirs = new Set(month.map((f) => join(out, f.dataset, period)));
    await Promise.all([...dirs].map((d) => mkdir(d, { recursive: true })));
    await forEachLimited(jobs, WRITE_CONCURRENCY, (job) => job());
    files.push(...month);
    onMonth(period, month.length);
  }

  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const manifestPath = join(out, 'manifest.json');
  const manifest: Manifest = { files };
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { files: files.length, manifestPath };
}
