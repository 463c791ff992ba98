// Writes for the local S3 that behave as S3's do: a PUT is answered once its bytes and metadata
// are on disk, never leaves a half-written object or metadata file, and a request cut mid-body
// leaves nothing. s3rver's own store answers before the object's bytes are flushed and writes the
// metadata file in place, so a reader racing a write, or a restart cutting one, could find an
// empty metadata file, and every later listing of its folder failed with InternalError.
// The server is stopped only once every write it started has settled (see `settled`).
// Plain JavaScript: it runs on the S3 thread, which has no TypeScript loader.
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Buffer } from 'node:buffer';

const require = createRequire(import.meta.url);
const S3Object = require('s3rver/lib/models/object');

/** The whole body of a request; rejects when the request ends before its body does. */
function wholeBody(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let ended = false;
    stream.on('data', (chunk) => chunks.push(Buffer.from(chunk)));
    stream.on('end', () => {
      ended = true;
      resolve(Buffer.concat(chunks));
    });
    stream.on('error', reject);
    stream.on('close', () => ended || reject(new Error('the request ended before its body')));
  });
}

/** The metadata s3rver keeps for an object (its FilesystemStore's rule). */
function storedMetadata(metadata) {
  return Object.fromEntries(
    Object.entries(metadata ?? {}).filter(
      ([key]) => S3Object.ALLOWED_METADATA.includes(key) || key.startsWith('x-amz-meta-'),
    ),
  );
}

/** Replaces the writes of s3rver's FilesystemStore; returns what waits for the ones in flight. */
export function atomicWrites(store) {
  const inFlight = new Set();
  const tracked =
    (write) =>
    (...args) => {
      const done = write(...args);
      inFlight.add(done);
      const forget = () => inFlight.delete(done);
      done.then(forget, forget);
      return done;
    };
  let temps = 0;
  const temp = (path) => `${path}.${++temps}.writing`;
  const paths = (bucket, key) => ({
    object: store.getResourcePath(bucket, key, 'object'),
    md5: store.getResourcePath(bucket, key, 'object.md5'),
    metadata: store.getResourcePath(bucket, key, 'metadata.json'),
  });
  /** Every file written aside first, then renamed into place one after the other. */
  const putFiles = async (files) => {
    const written = await Promise.all(
      files.map(async ([path, bytes]) => {
        const aside = temp(path);
        await writeFile(aside, bytes);
        return [aside, path];
      }),
    );
    for (const [aside, path] of written) await rename(aside, path);
  };

  const putObject = tracked(async (object, content) => {
    const to = paths(object.bucket, object.key);
    await mkdir(dirname(to.object), { recursive: true });
    const md5 = createHash('md5').update(content).digest('hex');
    await putFiles([
      [to.object, content],
      [to.md5, md5],
      [to.metadata, JSON.stringify(storedMetadata(object.metadata), null, 2)],
    ]);
    return { size: content.length, md5 };
  });
  store.putObject = async (object) =>
    putObject(object, Buffer.isBuffer(object.content) ? object.content : await wholeBody(object.content));
  store.putMetadata = tracked(async (bucket, key, metadata, md5) => {
    const to = paths(bucket, key);
    await putFiles([
      ...(md5 ? [[to.md5, md5]] : []),
      [to.metadata, JSON.stringify(storedMetadata(metadata), null, 2)],
    ]);
  });
  store.copyObject = tracked(store.copyObject.bind(store));
  store.deleteObject = tracked(store.deleteObject.bind(store));
  return {
    /** Resolves once no write is in flight, including those started while waiting. */
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
