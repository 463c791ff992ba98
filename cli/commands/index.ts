import type { Command } from 'commander';

interface Verb {
  register(program: Command): void;
}

/**
 * Each verb lives in its own file and adds itself to the program. Loaded on demand, in the order
 * the help lists them: a verb's modules (the AWS SDK, the S3 server, the workbook library, the
 * generators) cost a second of start between them, which `vss query` should not pay for the others.
 */
export const VERBS: Readonly<Record<string, () => Promise<Verb>>> = {
  start: () => import('./start.ts'),
  generate: () => import('./generate.ts'),
  validate: () => import('./validate.ts'),
  template: () => import('./template.ts'),
  targets: () => import('./targets.ts'),
  upload: () => import('./upload.ts'),
  ingest: () => import('./ingest.ts'),
  replay: () => import('./replay.ts'),
  doctor: () => import('./doctor.ts'),
  compact: () => import('./compact.ts'),
  query: () => import('./query.ts'),
  refresh: () => import('./refresh.ts'),
  serve: () => import('./serve.ts'),
};

/**
 * Adds the verb the arguments name, or every verb when they name none of them (the help, an
 * unknown verb and its suggestions need them all).
 */
export async function registerCommands(program: Command, args: readonly string[] = []): Promise<void> {
  const named = args.find((a) => !a.startsWith('-'));
  const load = named !== undefined && Object.hasOwn(VERBS, named) ? [VERBS[named]] : Object.values(VERBS);
  for (const verb of load) if (verb) (await verb()).register(program);
}
