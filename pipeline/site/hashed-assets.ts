/**
 * Content-hashed file names for the site's assets. Every file but the HTML pages and data/ is
 * published under a name that changes with its bytes, so the server (and CloudFront) can let
 * browsers keep it for a year without asking again, and a new build is still seen at once: the
 * pages, always revalidated, name the new files.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { StorageError } from '../../core/errors.ts';

/** The hash a published name carries: 10 hex digits of the bytes' SHA-256. */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 10);
}

/** "styles.css" + bytes -> "styles.1a2b3c4d5e.css". */
export function hashedName(file: string, bytes: Uint8Array | string): string {
  const ext = extname(file);
  return `${file.slice(0, file.length - ext.length)}.${contentHash(bytes)}${ext}`;
}

/**
 * Whether a site path names a content-hashed file: "styles.1a2b3c4d5e.css", esbuild's
 * "app-ABCD1234.js" and everything under chunks/.
 */
export function isHashedAsset(relativePath: string): boolean {
  if (relativePath.startsWith('data/')) return false;
  if (relativePath.startsWith('chunks/')) return true;
  const base = relativePath.split('/').at(-1) ?? '';
  return /\.[0-9a-f]{10}\.[a-z]+$/.test(base) || /^[\w]+-[A-Z0-9]{8}\.js$/.test(base);
}

/** Removes the files of `dir` an earlier build published for `stem` (so old hashes do not pile up). */
export async function removeEarlier(dir: string, stem: string, ext: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const earlier = names.filter(
    (n) =>
      n === `${stem}${ext}` ||
      (n.startsWith(`${stem}.`) && n.endsWith(ext)) ||
      (n.startsWith(`${stem}-`) && (n.endsWith(ext) || n.endsWith('.LEGAL.txt'))),
  );
  await Promise.all(earlier.map((n) => rm(join(dir, n), { force: true })));
}

/** The page's text with each published name in place of the source name it refers to. */
export function linkAssets(html: string, names: Readonly<Record<string, string>>, page: string): string {
  let out = html;
  for (const [from, to] of Object.entries(names)) {
    const ref = from === 'app.js' || from === 'portal.js' ? `src="${from}"` : `href="${from}"`;
    if (!out.includes(ref)) continue;
    out = out.replaceAll(ref, ref.replace(from, to));
  }
  if (/(src|href)="(app|portal)\.js"|href="(styles|portal)\.css"/.test(out))
    throw new StorageError(`dashboard/${page} still names an unhashed asset after the build`);
  return out;
}

/** Writes `file` of `sourceDir` into `outDir` under its hashed name; returns that name. */
export async function writeHashed(outDir: string, sourceDir: string, file: string): Promise<string> {
  const bytes = await readFile(join(sourceDir, file));
  const ext = extname(file);
  await removeEarlier(outDir, file.slice(0, -ext.length), ext);
  const name = hashedName(file, bytes);
  await writeFile(join(outDir, name), bytes);
  return name;
}
