/**
 * Compressed copies of the site's files, kept in memory by file, version and encoding. CloudFront
 * compresses an object once and serves the copy from its edge cache; without the same here every
 * visit paid for compressing the 1.1 MB bundle and the data files again (hundreds of milliseconds
 * on a busy machine, most of the page's wait for its script).
 */
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** More than the whole site at six years of history; the oldest copies go first beyond it. */
const DEFAULT_BUDGET_BYTES = 64 * 1024 * 1024;

export interface CompressedBodies {
  /**
   * The file's bytes in `encoding`. `version` names the file's content (its ETag): a file rewritten
   * by the refresh gets a new version, so a stale copy is never served.
   */
  get(file: string, version: string, encoding: Encoding): Promise<Buffer>;
}

async function compress(file: string, encoding: Encoding): Promise<Buffer> {
  const bytes = await readFile(file);
  // Quality 5 compresses the bundle in tens of milliseconds; 11 would take seconds for little gain.
  if (encoding === 'br') return brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  return gzipAsync(bytes);
}

export function compressedBodies(budgetBytes = DEFAULT_BUDGET_BYTES): CompressedBodies {
  // A Map iterates in insertion order: re-inserting on use makes its first entry the least recent.
  const copies = new Map<string, Promise<Buffer>>();
  const sizes = new Map<string, number>();
  let held = 0;

  const forget = (key: string) => {
    held -= sizes.get(key) ?? 0;
    sizes.delete(key);
    copies.delete(key);
  };

  return {
    get(file, version, encoding) {
      const key = `${encoding}\0${version}\0${file}`;
      const known = copies.get(key);
      if (known) {
        copies.delete(key);
        copies.set(key, known);
        return known;
      }
      // Older versions of the same file will not be asked for again.
      for (const other of copies.keys()) if (other.endsWith(`\0${file}`)) forget(other);
      const pending = compress(file, encoding);
      copies.set(key, pending);
      pending.then(
        (body) => {
          if (copies.get(key) !== pending) return;
          sizes.set(key, body.length);
          held += body.length;
          for (const oldest of copies.keys()) {
            if (held <= budgetBytes || oldest === key) break;
            forget(oldest);
          }
        },
        () => forget(key), // a failed read is retried by the next request, not remembered
      );
      return pending;
    },
  };
}
