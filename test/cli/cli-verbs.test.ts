/** The CLI loads only the verb it is asked for: each entry of the table must add that very verb. */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerCommands, VERBS } from '../../cli/commands/index.ts';

const names = (program: Command) => program.commands.map((c) => c.name());

describe('the verbs of vss', () => {
  it.each(Object.keys(VERBS))('%s adds the command of its name, and it alone', async (verb) => {
    const program = new Command('vss');
    await registerCommands(program, ['--data-dir=x', verb, '--help']);
    expect(names(program)).toEqual([verb]);
  });

  it('adds every verb, in the table order, when the arguments name none', async () => {
    const program = new Command('vss');
    await registerCommands(program, ['--help']);
    expect(names(program)).toEqual(Object.keys(VERBS));
  });
});
