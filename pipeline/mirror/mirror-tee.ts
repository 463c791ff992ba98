/**
 * The local run's shortcut to the mirror: every object the ingest PUTs to the lake bucket under
 * the mirrored prefixes is also written, with the same bytes, to where the mirror keeps it. The
 * mirror's index is not touched: the next sync still lists the bucket and takes a file only when
 * its size and MD5 are those of the object listed (mirror-holds.ts), so a file written here that
 * S3 no longer holds, or holds in another version, is downloaded as before. What it saves is the
 * GET of each object the ingest has just sent.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { localPath, writeAtomically } from './mirror.ts';

export interface MirrorTee {
  bucket: string;
  dir: string;
  prefixes: readonly string[];
}

/** Adds the tee to `client`; a failed local write is ignored (the sync then downloads the object). */
export function teeToMirror(client: S3Client, tee: MirrorTee): void {
  const made = new Set<string>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName !== 'PutObjectCommand') return result;
      const input = args.input as { Bucket?: unknown; Key?: unknown; Body?: unknown };
      const { Bucket: bucket, Key: key, Body: body } = input;
      if (bucket !== tee.bucket || typeof key !== 'string') return result;
      if (!tee.prefixes.some((prefix) => key.startsWith(prefix))) return result;
      if (typeof body !== 'string' && !(body instanceof Uint8Array)) return result;
      try {
        await writeAtomically(localPath(tee.dir, key), body, made);
      } catch {
        // Not written here: the sync downloads it.
      }
      return result;
    },
    { step: 'initialize', name: 'vssMirrorTee' },
  );
}
