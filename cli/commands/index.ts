import type { Command } from 'commander';
import * as generate from './generate.ts';
import * as validate from './validate.ts';
import * as upload from './upload.ts';
import * as ingest from './ingest.ts';
import * as query from './query.ts';
import * as refresh from './refresh.ts';
import * as serve from './serve.ts';
import * as start from './start.ts';
import * as template from './template.ts';
import * as replay from './replay.ts';
import * as doctor from './doctor.ts';
import * as targets from './targets.ts';

/** Each verb lives in its own file and adds itself to the program. */
export function registerCommands(program: Command): void {
  for (const verb of [
    start,
    generate,
    validate,
    template,
    targets,
    upload,
    ingest,
    replay,
    doctor,
    query,
    refresh,
    serve,
  ])
    verb.register(program);
}
