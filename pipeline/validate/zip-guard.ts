/**
 * Looks inside an XLSX's zip before any XLSX reader does. A zip bomb (a few hundred KB that
 * inflate to gigabytes) must be refused from the central directory alone, and a file whose
 * entries lie about their sizes must be caught while inflating, with output discarded as it
 * comes, so memory never grows with what the file claims.
 */
import { createInflateRaw } from 'node:zlib';
import type { UploadLimits } from './limits.ts';
import { columnScanner, isWorksheet } from './sheet-scan.ts';

export type ZipGuardReason = 'ratio' | 'total' | 'entries' | 'size_mismatch' | 'structure';

export class ZipGuardError extends Error {
  constructor(
    readonly reason: ZipGuardReason,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header in the file. */
  headerStart: number;
  /** Offset of the entry's compressed data in the file. */
  dataStart: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_ENTRIES = 10_000;
/** Entries smaller than this may compress as well as they like: ratio alone is not a threat. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
/** A data descriptor (with signature, zip64) may sit between one entry's data and the next header. */
const MAX_DESCRIPTOR_BYTES = 24;

const fail = (reason: ZipGuardReason, detail: string): never => {
  throw new ZipGuardError(reason, detail);
};

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= Math.max(0, last - 0xffff); at -= 1)
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  return fail('structure', 'no end of central directory');
}

/** The central directory's entries, checked against the limits; throws ZipGuardError. */
export function zipEntries(bytes: Uint8Array, limits: UploadLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count > MAX_ENTRIES) fail('entries', `${count} entries`);
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  let total = 0;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE)
      fail('structure', 'broken central directory');
    const nameLength = view.getUint16(at + 28, true);
    const headerStart = view.getUint32(at + 42, true);
    const entry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      headerStart,
      dataStart: localDataStart(view, headerStart),
    };
    total += entry.uncompressedSize;
    if (total > limits.maxUnzippedBytes) fail('total', `more than ${limits.maxUnzippedBytes} bytes unzipped`);
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxCompressionRatio)
      fail('ratio', `${entry.name} inflates ${Math.round(ratio)}x`);
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  checkTiling(entries, directoryOffset);
  return entries;
}

function localDataStart(view: DataView, offset: number): number {
  if (offset + 30 > view.byteLength || view.getUint32(offset, true) !== LOCAL_SIGNATURE)
    fail('structure', 'broken local header');
  return offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
}

/**
 * Streaming readers walk the local headers, not the central directory: entries must follow one
 * another with no room between them for data the directory does not declare.
 */
function checkTiling(entries: readonly ZipEntry[], directoryOffset: number): void {
  const sorted = [...entries].sort((a, b) => a.headerStart - b.headerStart);
  let end = 0;
  for (const entry of sorted) {
    const gap = entry.headerStart - end;
    if (gap < 0 || gap > (end === 0 ? 0 : MAX_DESCRIPTOR_BYTES))
      fail('structure', 'entries the central directory does not declare');
    end = entry.dataStart + entry.compressedSize;
  }
  const gap = directoryOffset - end;
  if (gap < 0 || gap > MAX_DESCRIPTOR_BYTES)
    fail('structure', 'undeclared data before the central directory');
}

/**
 * Inflates one entry, counting and discarding the output; rejects once it passes the declared
 * size, or once `scan` (a worksheet's column check) throws.
 */
function inflatedSizeWithin(
  bytes: Uint8Array,
  entry: ZipEntry,
  scan?: (chunk: Buffer) => void,
): Promise<void> {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize)
      return Promise.reject(new ZipGuardError('size_mismatch', entry.name));
    try {
      scan?.(Buffer.from(data));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return Promise.resolve();
  }
  if (entry.method !== 8) return Promise.reject(new ZipGuardError('structure', `method ${entry.method}`));
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let produced = 0;
    inflate.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) {
        inflate.destroy();
        reject(new ZipGuardError('size_mismatch', `${entry.name} inflates past its declared size`));
        return;
      }
      try {
        scan?.(chunk);
      } catch (error) {
        inflate.destroy();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    inflate.on('error', () => reject(new ZipGuardError('structure', `${entry.name} is not deflate data`)));
    inflate.on('end', resolve);
    inflate.end(data);
  });
}

/** Refuses a zip that would inflate past the limits, before anything else reads it. */
export async function guardZip(bytes: Uint8Array, limits: UploadLimits): Promise<ZipEntry[]> {
  const entries = zipEntries(bytes, limits);
  for (const entry of entries)
    await inflatedSizeWithin(
      bytes,
      entry,
      isWorksheet(entry.name) ? columnScanner(limits.maxColumns) : undefined,
    );
  return entries;
}
