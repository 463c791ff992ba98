/**
 * The flags more than one verb takes, each defined once: its name, default and the check of its
 * value. A bad value is refused while the command line is parsed, with the same UsageError (and
 * exit 2) the verbs used to throw themselves.
 */
import { Option } from 'commander';
import { UsageError } from '../core/errors.ts';
import { FLAG_ERRORS } from '../core/messages/index.ts';
import { isPeriod } from '../core/period.ts';

const DEFAULT_PORT = '8080';

/** Every verb that touches local data takes --data-dir. */
export function dataDirOption(): Option {
  return new Option('--data-dir <dir>', 'local data directory').default('.vss');
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new UsageError(FLAG_ERRORS.badPort(value));
  return port;
}

/**
 * --port <n>, 0-65535, default $PORT or 8080. PORT is read through the parser too (commander
 * parses an env value, never a default), so a bad PORT is refused like a bad --port.
 */
export function portOption(description: string): Option {
  return new Option('--port <n>', description)
    .default(Number(DEFAULT_PORT), JSON.stringify(process.env.PORT ?? DEFAULT_PORT))
    .env('PORT')
    .argParser(parsePort);
}

/** A YYYY-MM flag (--from, --to); without a default it stays undefined when not given. */
export function periodOption(flag: `--${string}`, description: string, defaultValue?: string): Option {
  const option = new Option(`${flag} <YYYY-MM>`, description).argParser((value: string) => {
    if (!isPeriod(value)) throw new UsageError(FLAG_ERRORS.notPeriod(flag, value));
    return value;
  });
  return defaultValue === undefined ? option : option.default(defaultValue);
}
