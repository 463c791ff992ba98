/**
 * Vitest global setup: every test file, and every process a test starts, makes its temporary
 * directories under one folder for the run, removed when the run ends. Tests create hundreds of
 * them (lakes, mirrors, cdk.out, s3rver data); without this a failed test or a forgotten cleanup
 * leaves them in the machine's /tmp.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const scratch = mkdtempSync(join(tmpdir(), 'vss-test-run-'));
  const previous = process.env.TMPDIR;
  // os.tmpdir() reads TMPDIR on every call, and the test workers are forked after this runs.
  process.env.TMPDIR = scratch;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(scratch, { recursive: true, force: true });
  };
}
