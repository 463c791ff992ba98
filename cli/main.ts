/**
 * vss: the command line of the VSS reporting platform.
 *
 *   generate ──> sample uploads (CSV/XLSX) ──> upload ──> local S3 (s3rver) ──ObjectCreated──> ingest handler
 *                                                                                 │
 *                          lake/ (Parquet) + ledger/ + receipts/ <────────────────┘
 *                                     │
 *   query / refresh (DuckDB over a mirror of the lake) ──> site data ──> serve (dashboard)
 *
 * `start` runs the whole chain on sample data and keeps serving.
 */
import { Command } from 'commander';
import { registerCommands } from './commands/index.ts';
import { reportError } from './report-error.ts';

const program = new Command('vss')
  .description('VSS provincial reporting: uploads, validation, Parquet lake, queries and dashboard')
  .showHelpAfterError()
  // The parser's own English line is replaced by reportError's Vietnamese and English ones.
  .configureOutput({ outputError: () => undefined })
  .exitOverride();

await registerCommands(program, process.argv.slice(2));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const exitCode = reportError(error, (text) => process.stderr.write(text));
  if (exitCode === undefined) throw error;
  process.exitCode = exitCode;
}
