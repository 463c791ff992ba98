// @ts-check
/**
 * Whether the CLI's bundle (cli/dist/, built by cli/build-bundle.js) is the sources as they are
 * now. The bundle records the files it was built from; it is current only when the hash of
 * those files' contents, of package-lock.json (the external packages) and of the build script
 * is the one it was built with. Plain JavaScript: it runs before anything can compile TypeScript.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, where every recorded input path starts. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLE_DIR = join(ROOT, 'cli', 'dist');

/** Besides the bundled sources: what decides how they were bundled and what they import. */
const ALWAYS = ['package-lock.json', 'cli/build-bundle.js', 'cli/bundle-key.js'];

/**
 * The hash of the inputs' contents, each under its path (a renamed file changes it too). A file
 * that is gone makes a key no bundle has.
 * @param {readonly string[]} inputs paths relative to root
 * @param {string} [root] the repository's root (another one in tests)
 * @returns {string}
 */
export function sourceKey(inputs, root = ROOT) {
  const hash = createHash('sha256');
  for (const path of [...ALWAYS, ...inputs]) {
    hash.update(`${path}\0`);
    try {
      hash.update(readFileSync(join(root, path)));
    } catch {
      hash.update('\0missing\0');
    }
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * The bundle's entry file when the bundle is current, otherwise undefined (none built, built
 * from other sources, or a manifest that does not read).
 * @param {string} [root] the repository's root (another one in tests)
 * @returns {string | undefined}
 */
export function currentBundle(root = ROOT) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, 'cli', 'dist', 'manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const { key, inputs } = manifest ?? {};
  if (typeof key !== 'string' || !Array.isArray(inputs)) return undefined;
  if (!inputs.every((i) => typeof i === 'string')) return undefined;
  return sourceKey(inputs, root) === key ? join(root, 'cli', 'dist', 'main.js') : undefined;
}
