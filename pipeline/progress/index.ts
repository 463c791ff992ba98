/** The stages a CLI verb reports to: a bar on a terminal, one line per stage anywhere else. */
import { lineStages, type Stages } from './stages.ts';
import { terminalStages } from './terminal-stages.ts';

export { inStage, lineStages, silentStages, type Stage, type Stages } from './stages.ts';

/** Progress goes to stderr by default, so stdout carries only what a verb answers. */
export function stagesOn(stream: NodeJS.WriteStream = process.stderr): Stages {
  return stream.isTTY ? terminalStages({ stream }) : lineStages({ write: (text) => stream.write(text) });
}
