import { Option } from 'commander';

/** Every verb that touches local data takes --data-dir. */
export function dataDirOption(): Option {
  return new Option('--data-dir <dir>', 'local data directory').default('.vss');
}
