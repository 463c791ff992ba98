/**
 * Which Chromium the browser tests, the benchmarks and screenshot scripts start, in the order that
 * serves everyone: `CHROMIUM_PATH` if set, a system Chromium or Chrome if one is installed, else
 * the Chromium shipped inside the `@sparticuz/chromium` npm package, so `npm ci` is enough and no
 * browser is ever downloaded at test time.
 *
 * The npm Chromium is brotli-packed and extracted on first use. The package extracts into
 * `os.tmpdir()` and reuses whatever `chromium` it finds there, of any version, and two processes
 * extracting at once would see each other's half-written file. So it is extracted into a private
 * staging folder and renamed into a folder named after the package version: the rename is atomic,
 * the loser of a race uses the winner's copy, and an upgrade gets a fresh extraction.
 */
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

/** Names a system browser goes by, looked up on PATH and in the usual install folders. */
const SYSTEM_BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const SYSTEM_FOLDERS = ['/usr/bin', '/usr/local/bin', '/snap/bin', '/opt/google/chrome'];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first system Chromium or Chrome on PATH or in the usual folders (Chromium first in each). */
export function systemChromium(pathVariable = process.env.PATH ?? ''): string | undefined {
  const folders = [...pathVariable.split(delimiter).filter(Boolean), ...SYSTEM_FOLDERS];
  // Folder by folder, as a shell looks a name up: what comes first on PATH wins.
  for (const folder of folders) {
    for (const name of SYSTEM_BROWSERS) {
      const candidate = join(folder, name);
      if (executable(candidate)) return candidate;
    }
  }
  return undefined;
}

function sparticuzVersion(): string {
  // The package exports no package.json; its entry point is build/<format>/index.*, two levels down.
  const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  const manifest: unknown = JSON.parse(
    readFileSync(join(dirname(entry), '..', '..', 'package.json'), 'utf8'),
  );
  const version = (manifest as { version?: unknown }).version;
  if (typeof version !== 'string') throw new Error('@sparticuz/chromium has no version in its package.json');
  return version;
}

/** Extracts the npm package's Chromium once per version and returns the binary's path. */
export async function npmChromium(cacheRoot = tmpdir()): Promise<string> {
  const folder = join(cacheRoot, `vss-chromium-${sparticuzVersion()}`);
  const binary = join(folder, 'chromium');
  if (existsSync(binary)) return binary;
  const staging = mkdtempSync(`${folder}.part-`);
  const previous = process.env.TMPDIR;
  try {
    // The package extracts into os.tmpdir(), which reads TMPDIR on every call.
    process.env.TMPDIR = staging;
    const { default: chromium } = await import('@sparticuz/chromium');
    await chromium.executablePath();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
  try {
    renameSync(staging, folder);
  } catch (error) {
    // Another process won the race: its copy is complete (it was renamed whole), use it.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(binary)) throw error;
  }
  return binary;
}

/** CHROMIUM_PATH, else a system browser, else the npm one. */
export async function resolveChromiumPath(): Promise<string> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!executable(configured)) throw new Error(`CHROMIUM_PATH is not an executable file: ${configured}`);
    return configured;
  }
  return systemChromium() ?? (await npmChromium());
}
