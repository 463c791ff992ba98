import { createHash } from 'node:crypto';
import { version } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import {
  checksumScheme,
  checksumsComparable,
  lakeFileChecksum,
} from '../../../pipeline/lake/lake-checksum.ts';

const hex = (text: string) => createHash('sha256').update(text).digest('hex');

describe('lake checksum schemes', () => {
  it('v2 is the SHA-256 of the bytes, named with the DuckDB writer', () => {
    const value = lakeFileChecksum(new TextEncoder().encode('PAR1 bytes'));
    expect(value).toBe(`parquet-sha256/${version()}:${hex('PAR1 bytes')}`);
    expect(checksumScheme(value)).toBe(`parquet-sha256/${version()}`);
  });

  it('reads a v1 value (64 hex digits) as the rows-as-JSON-lines scheme', () => {
    expect(checksumScheme(hex('rows'))).toBe('rows-json');
    expect(checksumScheme('not a checksum')).toBeUndefined();
    expect(checksumScheme(`parquet-sha256/v1:${'z'.repeat(64)}`)).toBeUndefined();
  });

  it('compares only values of one scheme', () => {
    const v2 = lakeFileChecksum(new Uint8Array([1, 2, 3]));
    const otherWriter = `parquet-sha256/v0.0.1:${hex('x')}`;
    expect(checksumsComparable(hex('a'), hex('b'))).toBe(true);
    expect(checksumsComparable(v2, lakeFileChecksum(new Uint8Array([4])))).toBe(true);
    expect(checksumsComparable(hex('a'), v2)).toBe(false);
    expect(checksumsComparable(v2, otherWriter)).toBe(false);
    expect(checksumsComparable('junk', 'junk')).toBe(false);
  });
});
