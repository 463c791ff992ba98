/**
 * A small static file server for the built dashboard on the loopback interface. In AWS the same
 * files are served by S3 behind CloudFront; this is the laptop's stand-in.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { StorageError } from '../core/errors.ts';
import { DASHBOARD_MESSAGES, OPS_ERRORS } from '../core/messages/index.ts';
import {
  MAX_REQUEST_BODY_BYTES,
  type ApiResponse,
  type UnidentifiedRequest,
} from '../core/contracts/api-types.ts';
import { canonicalPath, rawPathOf } from '../pipeline/site/canonical-path.ts';
import {
  compressedBodies,
  type CompressedBodies,
  type Encoding,
} from '../pipeline/site/compressed-bodies.ts';
import { cacheControlOf, contentTypeOf, isCompressible } from '../pipeline/site/content-types.ts';

export interface SiteServer {
  /** "http://127.0.0.1:<port>/" with the port actually bound (useful when asked for port 0). */
  url: string;
  close(): Promise<void>;
}

/** Compressing tiny files costs more than it saves. */
const MIN_COMPRESS_BYTES = 1024;

function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root + sep);
}

/** The file a canonical path names inside `root`, or undefined for anything outside it (symlinks out). */
async function resolveFile(root: string, decoded: string): Promise<string | undefined> {
  let target = resolve(root, `.${decoded}`);
  if (!isInside(root, target)) return undefined;
  try {
    if ((await stat(target)).isDirectory()) target = resolve(target, 'index.html');
    const real = await realpath(target);
    return isInside(root, real) && (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

function pickEncoding(accept: string | undefined): Encoding | undefined {
  const offered = (accept ?? '').toLowerCase();
  if (/\bbr\b/.test(offered)) return 'br';
  if (/\bgzip\b/.test(offered)) return 'gzip';
  return undefined;
}

/** The upload API (pipeline/upload-api), when the server also plays the part of the /api/* Lambda. */
export type SiteApi = (request: UnidentifiedRequest) => Promise<ApiResponse>;

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_REQUEST_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handleApi(api: SiteApi, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const body = req.method === 'POST' ? await readBody(req) : '';
  if (body === undefined) {
    res.writeHead(413).end();
    return;
  }
  const answer = await api({
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    body,
    cookies: (req.headers.cookie ?? '').split(';').map((c) => c.trim()),
  });
  res.writeHead(answer.status, answer.headers).end(answer.body);
}

async function handle(
  root: string,
  bodies: CompressedBodies,
  req: IncomingMessage,
  res: ServerResponse,
  api?: SiteApi,
): Promise<void> {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // The viewer function's rules: one decoded path, or 400 for any path that could name two.
  const path = canonicalPath(rawPathOf(req.url ?? '/'));
  if (path === undefined) {
    const message = DASHBOARD_MESSAGES.ambiguousPath();
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${message.vi}\n${message.en}\n`);
    return;
  }
  if (api && path.startsWith('/api/')) return handleApi(api, req, res);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const file = await resolveFile(root, path);
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Không tìm thấy (Not found)\n');
    return;
  }
  const info = await stat(file);
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const type = contentTypeOf(file);
  const encoding =
    isCompressible(type) && info.size >= MIN_COMPRESS_BYTES
      ? pickEncoding(req.headers['accept-encoding'])
      : undefined;
  const headers: Record<string, string> = {
    'Content-Type': type,
    'Cache-Control': cacheControlOf(relative(root, file).split(sep).join('/')),
    ETag: etag,
    Vary: 'Accept-Encoding',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  if (!encoding) {
    res.writeHead(200, { ...headers, 'Content-Length': String(info.size) });
    if (req.method === 'HEAD') res.end();
    else await pipeline(createReadStream(file), res);
    return;
  }
  const body = await bodies.get(file, etag, encoding);
  res.writeHead(200, { ...headers, 'Content-Encoding': encoding, 'Content-Length': String(body.length) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

export async function serveSite(opts: {
  dir: string;
  port: number;
  host?: '127.0.0.1';
  /** Answer /api/* with the upload API (vss start); absent, the server is static only. */
  api?: SiteApi;
}): Promise<SiteServer> {
  const host = opts.host ?? '127.0.0.1';
  const root = await realpath(resolve(opts.dir)).catch((error: unknown) => {
    throw new StorageError(OPS_ERRORS.noSiteDir(opts.dir), { cause: error });
  });
  const bodies = compressedBodies();
  const server = createServer((req, res) => {
    handle(root, bodies, req, res, opts.api).catch((error: unknown) => {
      // A reader closing the tab mid-download is not a server fault.
      if (req.destroyed || res.destroyed) return;
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end();
      console.error(`vss serve: ${req.url}: ${String(error)}`);
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, host, () => {
      server.off('error', fail);
      ok();
    });
  }).catch((error: unknown) => {
    throw new StorageError(OPS_ERRORS.cannotListen(`${host}:${opts.port}`, String(error)), {
      cause: error,
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.close((error) => (error ? fail(error) : ok()));
        server.closeAllConnections();
      }),
  };
}
