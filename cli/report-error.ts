/**
 * How the command line tells a person why it stopped: Vietnamese first, then English, one line
 * each and no stack trace. A usage mistake exits 2, any other stop 1; an error the platform does
 * not know (a bug) is left to Node, whose stack trace a developer needs.
 */
import { CommanderError } from 'commander';
import { VssError } from '../core/errors.ts';
import { parserError, type Bilingual } from '../core/messages/index.ts';

/** The parser's exits that are not refusals: help and version were asked for. */
const NOT_REFUSALS: ReadonlySet<string> = new Set([
  'commander.help',
  'commander.helpDisplayed',
  'commander.version',
  'commander.executeSubCommandAsync',
]);

export const inBothLanguages = (text: Bilingual): string => `vss: ${text.vi}\nvss: ${text.en}\n`;

/** Writes the refusal and returns the exit code, or undefined for an error it does not explain. */
export function reportError(error: unknown, write: (text: string) => void): number | undefined {
  if (error instanceof CommanderError) {
    if (!NOT_REFUSALS.has(error.code)) write(inBothLanguages(parserError(error.code, error.message)));
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof VssError) {
    // Developer-facing text (a wrapped S3 failure, say) has no Vietnamese: it is shown as written.
    write(error.bilingual ? inBothLanguages(error.bilingual) : `vss: ${error.message}\n`);
    return error.code === 'usage' ? 2 : 1;
  }
  return undefined;
}
