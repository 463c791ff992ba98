/**
 * `npx tsx tools/bench/make-big-upload.ts <file.csv> [rows] [province]`: one single-province debt CSV
 * of N rows (default 1,000,000, province 79) for the ingest benchmark, streamed to disk.
 */
import { writeBigDebtUpload } from '../../pipeline/generate/big-upload.ts';

const [path, rows = '1000000', province = '79'] = process.argv.slice(2);
if (!path) {
  console.error('usage: tsx tools/bench/make-big-upload.ts <file.csv> [rows] [province]');
  process.exit(2);
}
const started = performance.now();
const bytes = await writeBigDebtUpload({ path, rows: Number(rows), province, period: '2026-10' });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${path}: ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB in ${seconds} s`);
