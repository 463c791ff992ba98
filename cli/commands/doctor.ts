/**
 * `vss doctor`: check that the lake, ledger and receipts agree with the uploads, and say what to
 * do when they do not. Exit 1 when a problem is found.
 */
import type { Command } from 'commander';
import { doctorDeployed, doctorLocal } from '../../local/doctor-local.ts';
import { DOCTOR_MESSAGES, PROGRESS_MESSAGES, type Lang } from '../../core/messages/index.ts';
import { inStage, stagesOn } from '../../pipeline/progress/index.ts';
import { dataDirOption } from '../options.ts';
import { langOption } from './ingest.ts';

interface DoctorOptions {
  dataDir: string;
  lang: Lang;
  repair?: boolean;
  dryRun?: boolean;
  uploadsBucket?: string;
  lakeBucket?: string;
}

export function register(program: Command): void {
  program
    .command('doctor')
    .description('check that the lake and ledger agree with the uploads; exit 1 and say what to do if not')
    .addOption(dataDirOption())
    .addOption(langOption())
    .option('--repair', 'recompute summaries that do not match the upload in force')
    .option('--dry-run', 'with --repair: print what would change, change nothing')
    .option('--uploads-bucket <name>', 'check the deployed uploads bucket (with --lake-bucket)')
    .option('--lake-bucket <name>', 'check the deployed lake bucket')
    .action(async (options: DoctorOptions) => {
      const report = await inStage(stagesOn(process.stderr), PROGRESS_MESSAGES.doctor, (stage) => {
        const run = {
          repair: options.repair,
          dryRun: options.dryRun,
          onProgress: (done: number, total: number) => stage.update(done, total),
        };
        return options.uploadsBucket && options.lakeBucket
          ? doctorDeployed({ ...run, uploadsBucket: options.uploadsBucket, lakeBucket: options.lakeBucket })
          : doctorLocal({ ...run, dataDir: options.dataDir });
      });
      const lang = options.lang;
      for (const r of report.repairs)
        process.stdout.write(`${DOCTOR_MESSAGES.repaired(r.key, r.action)[lang]}\n`);
      if (report.problems.length === 0) {
        process.stdout.write(`${DOCTOR_MESSAGES.healthy(report)[lang]}\n`);
        return;
      }
      for (const p of report.problems)
        process.stdout.write(`${DOCTOR_MESSAGES.problem[p.kind](p.key)[lang]}\n`);
      process.stdout.write(`${DOCTOR_MESSAGES.advice(report.problems.length, options.dataDir)[lang]}\n`);
      process.exitCode = 1;
    });
}
