/**
 * Vitest global setup: finds the Chromium once for the whole run (extracting the npm one if need
 * be) and hands it to every worker through CHROMIUM_PATH, so parallel test files never race on
 * the first extraction. Workers are forked after this runs and inherit the environment; a test
 * that starts a child process passes it on the same way.
 */
import { resolveChromiumPath } from '../../tools/chromium/chromium-path.ts';

export default async function setup(): Promise<() => void> {
  const previous = process.env.CHROMIUM_PATH;
  process.env.CHROMIUM_PATH = await resolveChromiumPath();
  return () => {
    if (previous === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = previous;
  };
}
