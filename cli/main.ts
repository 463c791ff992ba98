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
import { Command, CommanderError } from 'commander';
import { VssError } from '../core/errors.ts';
import { registerCommands } from './commands/index.ts';

const program = new Command('vss')
  .description('VSS provincial reporting: uploads, validation, Parquet lake, queries and dashboard')
  .showHelpAfterError()
  .exitOverride();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof VssError) {
    console.error(`vss: ${error.message}`);
    process.exitCode = error.code === 'usage' ? 2 : 1;
  } else {
    throw error;
  }
}
