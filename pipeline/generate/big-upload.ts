/**
 * One large debt upload for one province: the file the ingest benchmark feeds through the real
 * validator and lake writer. Rows are streamed to disk, so a file of millions of rows never sits
 * in memory as rows.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { DATASETS, templateAt } from '../../core/datasets/index.ts';
import { UsageError } from '../../core/errors.ts';
import { FLAG_ERRORS } from '../../core/messages/index.ts';
import { provinces } from '../reference/provinces.ts';
import { csvHeaderLine, csvRowLine } from './csv-file.ts';
import { standaloneDebtors } from './debtors.ts';
import { TaxCodes } from './employers.ts';

export interface BigUploadOptions {
  path: string;
  rows: number;
  /** A unit of the 34 (the file is checked against units valid today). Default 79, Hồ Chí Minh. */
  province?: string;
  /** The month the file reports: its template version. */
  period: string;
  seed?: number;
}

/** Writes the CSV and returns its size in bytes. */
export async function writeBigDebtUpload(options: BigUploadOptions): Promise<number> {
  const { path, rows, province = '79', seed = 1 } = options;
  if (!Number.isSafeInteger(rows) || rows < 1) throw new UsageError(FLAG_ERRORS.notPositive('rows', rows));
  const unit = provinces().units.find((u) => u.code === province && u.generation === '34');
  if (!unit) throw new UsageError(FLAG_ERRORS.notCurrentProvince(province));
  const dataset = templateAt(DATASETS.debt, options.period);
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string): Promise<void> => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(csvHeaderLine(dataset));
  // Lines are batched: one write per row costs more than building them.
  let batch = '';
  for (const row of standaloneDebtors(seed, unit, rows, new TaxCodes())) {
    batch += csvRowLine(dataset, row);
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch);
  out.end();
  await once(out, 'finish');
  return bytes;
}
