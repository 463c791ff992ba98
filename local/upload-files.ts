/**
 * Finding local files to upload and where each belongs: from a generator manifest, from a folder
 * shaped `<dataset>/<YYYY-MM>/<province>.(csv|xlsx)`, or from one file's path of that shape.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { z } from 'zod';
import { isDatasetName } from '../core/datasets/index.ts';
import { NotFoundError, UsageError } from '../core/errors.ts';
import { LOCAL_FILE_ERRORS } from '../core/messages/index.ts';
import type { UploadLocation } from '../core/contracts/layout.ts';
import { parseUploadParts } from '../core/contracts/layout-parse.ts';

export interface LocalUpload {
  path: string;
  location: UploadLocation;
  /** ISO time the province sent it, for sample data that should look on time or late. */
  submittedAt?: string;
}

const manifestSchema = z.object({
  files: z.array(
    z.object({
      path: z.string(),
      dataset: z.string(),
      period: z.string(),
      province: z.string(),
      format: z.string().optional(),
      submitted_at: z.string().nullish(),
    }),
  ),
});

export const MANIFEST_FILE = 'manifest.json';

/** Reads `<dir>/manifest.json`; paths in it are relative to `dir`. */
export async function filesFromManifest(dir: string): Promise<LocalUpload[]> {
  const manifestPath = join(dir, MANIFEST_FILE);
  const parsed = manifestSchema.safeParse(JSON.parse(await readFile(manifestPath, 'utf8')));
  if (!parsed.success)
    throw new UsageError(LOCAL_FILE_ERRORS.notManifest(manifestPath, parsed.error.message));
  return parsed.data.files.map((f) => {
    const location = checkedLocation(f.dataset, f.period, f.province, basename(f.path), manifestPath);
    return { path: join(dir, f.path), location, submittedAt: f.submitted_at ?? undefined };
  });
}

/** Every `<dataset>/<YYYY-MM>/<province>.(csv|xlsx)` below `dir`, in a stable order. */
export async function filesFromFolder(dir: string): Promise<LocalUpload[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile() && /\.(csv|xlsx)$/i.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const out: LocalUpload[] = [];
  for (const path of paths) {
    const location = locationOfPath(relative(dir, path));
    if (location) out.push({ path, location });
  }
  return out;
}

/** The location a path of shape `.../<dataset>/<YYYY-MM>/<province>.<ext>` names, if it does. */
export function locationOfPath(path: string): UploadLocation | undefined {
  const parts = path.split(sep).join('/').split('/');
  if (parts.length < 3) return undefined;
  const [dataset, period, fileName] = parts.slice(-3) as [string, string, string];
  const province = fileName.replace(/\.(csv|xlsx)$/i, '');
  return parseUploadParts(dataset, period, province, fileName);
}

/** What `vss ingest <path>` means: a manifest folder, a shaped folder, or one shaped file. */
export async function filesAt(path: string): Promise<LocalUpload[]> {
  if (!existsSync(path)) throw new NotFoundError(LOCAL_FILE_ERRORS.noSuchPath(path));
  if (existsSync(join(path, MANIFEST_FILE))) return filesFromManifest(path);
  if (/\.(csv|xlsx)$/i.test(path)) {
    const location = locationOfPath(path);
    if (!location) {
      throw new UsageError(LOCAL_FILE_ERRORS.unshapedPath(path));
    }
    return [{ path, location }];
  }
  return filesFromFolder(path);
}

function checkedLocation(dataset: string, period: string, province: string, fileName: string, where: string) {
  if (!isDatasetName(dataset)) throw new UsageError(LOCAL_FILE_ERRORS.unknownDataset(where, dataset));
  const location = parseUploadParts(dataset, period, province, fileName);
  if (!location)
    throw new UsageError(
      LOCAL_FILE_ERRORS.badLocation(where, `${dataset}/${period}/${province}/${fileName}`),
    );
  return location;
}
