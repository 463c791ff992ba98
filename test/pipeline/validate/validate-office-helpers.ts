import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OFFICE_DIR, OFFICE_LOCATION } from '../../fixtures/office/generate.ts';
import { validateUpload, type ValidationResult } from '../../../pipeline/validate/index.ts';
import { NOW } from './validate-upload-helpers.ts';

export interface OfficeFile {
  file: string;
  dataset: 'debt' | 'prosecution';
}

export const officeBytes = async (file: string): Promise<Uint8Array> =>
  new Uint8Array(await readFile(join(OFFICE_DIR, 'files', file)));

/** A corpus file validated as uploaded where the corpus says (Hà Nội, August 2025). */
export async function validateOfficeFile(entry: OfficeFile): Promise<ValidationResult> {
  const { province, period } = OFFICE_LOCATION;
  return validateUpload({
    bytes: await officeBytes(entry.file),
    key: `uploads/${entry.dataset}/${period}/${province}/${entry.file}`,
    location: { dataset: entry.dataset, period, province, fileName: entry.file },
    receivedAt: '2025-09-10T01:02:03.000Z',
    now: NOW,
  });
}
