/** The machine, a timer and the one line format every benchmark figure is printed in. */
import { cpus, freemem, loadavg, totalmem } from 'node:os';

export function machine(): string {
  const gb = (n: number) => (n / 1024 ** 3).toFixed(1);
  return (
    `${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${gb(totalmem())} GB memory ` +
    `(${gb(freemem())} GB free), node ${process.version}`
  );
}

/** The 1-minute load average, printed beside every figure: other work on the machine moves them. */
export function load(): string {
  return loadavg()[0]?.toFixed(1) ?? '?';
}

export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** Each run's ratio to the baseline's run beside it: runs back to back, one pair (or round) each. */
export const ratiosWithin = (runs: readonly number[], baseline: readonly number[]): number[] =>
  runs.map((t, i) => t / (baseline[i] ?? NaN));

export function step(text: string): void {
  console.log(`\n== ${text}  [load ${load()}]`);
}

export function note(text: string): void {
  console.log(`   ${text}  [load ${load()}]`);
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /**
   * The ratio to the baseline measured in pairs run back to back (the median of each pair's
   * ratio): steadier on a shared machine than value / baseline, medians taken over minutes.
   * Default value / baseline.
   */
  pairedRatio?: number;
  /** Met when value (or the ratio, when there is a baseline) is at most this. */
  target?: number;
}

/** The figure's ratio to its baseline: the paired one when it was measured in pairs. */
export const ratioOf = (f: Figure): number | undefined =>
  f.baseline ? (f.pairedRatio ?? f.value / f.baseline.value) : undefined;

export const figures: Figure[] = [];

function show(value: number, unit: string): string {
  if (unit === 's') return `${value.toFixed(3)} s`;
  if (unit === 'MB') return `${value.toFixed(2)} MB`;
  if (unit === '%') return `${value.toFixed(2)} %`;
  return `${value.toLocaleString('en')} ${unit}`;
}

/** Prints one figure with its baseline, the ratio and the target, and keeps it for the summary. */
export function report(f: Figure): void {
  figures.push(f);
  const ratio = ratioOf(f);
  const measured = ratio ?? f.value;
  const verdict = f.target === undefined ? '' : measured <= f.target ? '  MET' : '  MISSED';
  const target =
    f.target === undefined ? '' : `  (target ≤ ${f.baseline ? `${f.target}×` : show(f.target, f.unit)})`;
  const base = f.baseline
    ? `  vs ${f.baseline.name} ${show(f.baseline.value, f.unit)} = ${ratio?.toFixed(2)}×` +
      (f.pairedRatio === undefined
        ? ''
        : ` (median within pairs; of the medians ${(f.value / f.baseline.value).toFixed(2)}×)`)
    : '';
  console.log(`   >> ${f.name}: ${show(f.value, f.unit)}${base}${target}${verdict}  [load ${load()}]`);
}
