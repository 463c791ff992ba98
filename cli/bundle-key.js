// @ts-check
/**
 * Whether the CLI's bundle (cli/dist/, built by cli/build-bundle.js) is the sources as they are
 * now. The bundle records the files it was built from; it is current only when the hash of
 * those files' contents, of package-lock.json (the external packages) and of the build script
 * is the one it was built with. Plain JavaScript: it runs before anything can compile TypeScript.
 *
 * Reading and hashing ~270 files costs every start ≈ 10 ms, so the bundle also records each
 * file's stamp (inode, size, change time; ≈ 6 ms to check): files whose stamps are all as
 * recorded were not written since, and only a changed stamp (an edit, a checkout, a copy) makes
 * the contents be hashed again.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, where every recorded input path starts. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLE_DIR = join(ROOT, 'cli', 'dist');

/** Besides the bundled sources: what decides how they were bundled and what they import. */
const ALWAYS = [
  'package-lock.json',
  'cli/build-bundle.js',
  'cli/bundle-key.js',
  'pipeline/site/zod-locales-plugin.js',
];

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
 * Each file's stamp under its path: the change time moves on every write, rename or copy and
 * cannot be set back by hand, as a modification time can.
 * @param {readonly string[]} inputs paths relative to root
 * @param {string} [root] the repository's root (another one in tests)
 * @returns {Record<string, string>}
 */
export function sourceStamps(inputs, root = ROOT) {
  /** @type {Record<string, string>} */
  const stamps = {};
  for (const path of [...ALWAYS, ...inputs]) {
    const stat = statSync(join(root, path), { bigint: true, throwIfNoEntry: false });
    stamps[path] = stat ? `${stat.ino}:${stat.size}:${stat.ctimeNs}` : 'missing';
  }
  return stamps;
}

/**
 * True when every file's stamp is the one recorded: a manifest without stamps, or with a path
 * missing from them, is not vouched for.
 * @param {unknown} stamps
 * @param {readonly string[]} inputs
 * @param {string} root
 */
function unchangedSince(stamps, inputs, root) {
  if (typeof stamps !== 'object' || stamps === null) return false;
  const now = sourceStamps(inputs, root);
  const recorded = /** @type {Record<string, unknown>} */ (stamps);
  return Object.keys(now).every((path) => recorded[path] === now[path]);
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
  const { key, inputs, stamps } = manifest ?? {};
  if (typeof key !== 'string' || !Array.isArray(inputs)) return undefined;
  if (!inputs.every((i) => typeof i === 'string')) return undefined;
  const current = unchangedSince(stamps, inputs, root) || sourceKey(inputs, root) === key;
  return current ? join(root, 'cli', 'dist', 'main.js') : undefined;
}
