/**
 * `vss doctor`: check that the lake, ledger and receipts agree with the uploads, and say what to
 * do when they do not. Exit 1 when a problem is found.
 */
import type { Command } from 'commander';
import { doctorLocal } from '../../lib/doctor/doctor-local.ts';
import { DOCTOR_MESSAGES, PROGRESS_MESSAGES, type Lang } from '../../lib/messages.ts';
import { inStage, stagesOn } from '../../lib/progress/index.ts';
import { dataDirOption } from '../options.ts';
import { langOption } from './ingest.ts';

interface DoctorOptions {
  dataDir: string;
  lang: Lang;
}

export function register(program: Command): void {
  program
    .command('doctor')
    .description('check that the lake and ledger agree with the uploads; exit 1 and say what to do if not')
    .addOption(dataDirOption())
    .addOption(langOption())
    .action(async (options: DoctorOptions) => {
      const report = await inStage(stagesOn(process.stderr), PROGRESS_MESSAGES.doctor, (stage) =>
        doctorLocal({ dataDir: options.dataDir, onProgress: (done, total) => stage.update(done, total) }),
      );
      const lang = options.lang;
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
