/**
 * `npm run soak`: the soak run at full size — every unit of four months on either side of the 2025
 * reform, then corrections, broken files and resends up to 400 uploads — through the real ingest
 * handler with random S3 faults, duplicate and shuffled deliveries, Lambda retries, the failure
 * queue and its redrive, and the local S3 restarted mid-run. Loopback only. Prints a short report
 * and exits non-zero when an end-state check fails. The reduced size runs in `npm test`
 * (test/e2e/fault-soak.test.ts).
 *
 *   npm run soak -- [--seed N] [--uploads N] [--periods YYYY-MM,...] [--minutes N] [--fault-rate P]
 *                   [--keep DIR]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runSoak, type SoakReport } from './fault/fault-soak.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(Date.now() % 100_000) },
    uploads: { type: 'string', default: '400' },
    minutes: { type: 'string', default: '20' },
    'fault-rate': { type: 'string', default: '0.05' },
    periods: { type: 'string', default: '2025-05,2025-06,2025-07,2025-08' },
    keep: { type: 'string' },
  },
});

const seed = Number(values.seed);
const dir = values.keep ?? (await mkdtemp(join(tmpdir(), 'vss-soak-')));
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
console.log(
  `soak: seed ${seed}, ${values.uploads} uploads, at most ${values.minutes} min of uploading, in ${dir}`,
);
try {
  const report = await runSoak({
    dataDir: dir,
    seed,
    uploads: Number(values.uploads),
    periods: values.periods.split(','),
    faultRate: Number(values['fault-rate']),
    restartChance: 0.3,
    deadline: started + Number(values.minutes) * 60_000,
    log: (line) => console.log(`  ${elapsed()}  ${line}`),
  });
  const failures = problemsOf(report);
  printReport(report);
  console.log(
    failures.length === 0
      ? `soak: all checks hold (${elapsed()})`
      : `soak: FAILED\n  ${failures.join('\n  ')}`,
  );
  process.exitCode = failures.length === 0 ? 0 : 1;
} finally {
  if (!values.keep) await rm(dir, { recursive: true, force: true });
}

function printReport(r: SoakReport): void {
  const k = r.byKind;
  const p = r.checks.replay;
  console.log(
    [
      `uploads sent      ${r.sent} (first ${k.first}, corrections ${k.correction}, broken ${k.broken}, resends ${k.resend})`,
      `deliveries        ${r.deliveries} events (duplicates included), ${r.invocations} invocations, ${r.failedAttempts} failed`,
      `faults            ${r.faults.throttled} throttled, ${r.faults.lostAfterWrite} writes whose answer was lost, ${r.restarts} S3 restarts`,
      `failure queue     ${r.deadLettered} dead-lettered, ${r.redriven} redriven in ${r.redriveRounds} round(s)`,
      `national debt     ${r.checks.national.map((n) => `${n.period} ${n.queried === n.expected ? 'equal' : `${n.queried} != ${n.expected}`}`).join(', ')}`,
      `lake rows         ${r.checks.lakeRowsWrong.length} province-months wrong; doctor: ${r.checks.doctor.length} problems`,
      `clean replay      lake rows ${p.lakeRowsEqual ? 'equal' : 'DIFFER'} (${p.lakeObjects} objects, ${p.lakeBytesEqual} byte-identical, ${p.stampsOfTwin} stamps name an identical twin), summaries ${p.summariesEqual ? 'equal' : 'DIFFER'} (${p.summaryBytesEqual}/${p.summaries} byte-identical), receipts ${p.receiptsEqual ? 'equal' : 'DIFFER'}, ledger ${p.ledgerEqualBesideOrder ? 'equal' : 'DIFFERS'} beside ${p.ledgerOrderDependent} order-dependent statuses`,
    ]
      .map((line) => `  ${line}`)
      .join('\n'),
  );
}

function problemsOf(r: SoakReport): string[] {
  const p = r.checks.replay;
  const problems = [
    ...r.checks.national.filter((n) => n.queried !== n.expected).map((n) => `national debt of ${n.period}`),
    ...r.checks.lakeRowsWrong.map((pm) => `lake rows of ${pm}`),
    ...r.checks.doctor.map((d) => `doctor: ${d.kind} ${d.key}`),
  ];
  if (r.redriven !== r.deadLettered) problems.push('failure queue not empty after redrive');
  if (p.failed > 0) problems.push(`${p.failed} uploads failed in the clean replay`);
  if (!p.lakeRowsEqual || p.stampsWrong > 0 || !p.winnersEqual)
    problems.push('lake differs from a clean replay');
  if (!p.summariesEqual) problems.push('summaries differ from a clean replay');
  if (!p.receiptsEqual) problems.push('receipts differ from a clean replay');
  if (!p.ledgerEqualBesideOrder) problems.push('ledger differs from a clean replay');
  return problems;
}
