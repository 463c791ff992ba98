/**
 * Where the national targets are read from and written to: the one Parquet object of the lake
 * bucket (TARGETS_KEY), or its copy in a lake mirror. Until a first decision is loaded there (the
 * deploy writes the seed as that object; a local lake starts without it), the seed beside the
 * province registry (reference/targets.csv) is the targets. Read at each call, never kept: a
 * decision loaded while a process runs is what its next refresh sees.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { TARGETS_KEY } from '../../core/contracts/layout.ts';
import { StorageError } from '../../core/errors.ts';
import type { Targets } from '../../core/reference/targets.ts';
import { nationalTargets } from './targets.ts';
import { readTargetsParquet, targetsOfParquet } from './targets-parquet.ts';

/** The targets object of one lake: its bytes (undefined while there is none), replaced by one PUT. */
export interface TargetsObject {
  read(): Promise<Uint8Array | undefined>;
  write(bytes: Uint8Array): Promise<void>;
}

/**
 * The SDK's commands are loaded when an object is read or written: `vss query` reaches this module
 * for mirrorTargets alone and would otherwise load the S3 SDK (a quarter of a second) at each start.
 */
const s3Commands = () => import('@aws-sdk/client-s3');

export function s3TargetsObject(s3: S3Client, bucket: string): TargetsObject {
  return {
    async read() {
      const { GetObjectCommand, NoSuchKey } = await s3Commands();
      try {
        const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: TARGETS_KEY }));
        return out.Body ? await out.Body.transformToByteArray() : undefined;
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
        throw new StorageError(`cannot read s3://${bucket}/${TARGETS_KEY}`, { cause: error });
      }
    },
    async write(bytes) {
      const { PutObjectCommand } = await s3Commands();
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: TARGETS_KEY,
          Body: bytes,
          ContentType: 'application/vnd.apache.parquet',
        }),
      );
    },
  };
}

/** The targets an object holds, or the seed while it holds none. */
export async function targetsOf(object: TargetsObject): Promise<Targets> {
  const bytes = await object.read();
  return bytes ? targetsOfParquet(bytes) : nationalTargets();
}

/** The targets of a lake mirror: its copy of the object, or the seed while the lake has none. */
export async function mirrorTargets(mirrorDir: string): Promise<Targets> {
  const path = join(mirrorDir, TARGETS_KEY);
  return existsSync(path) ? readTargetsParquet(path) : nationalTargets();
}
