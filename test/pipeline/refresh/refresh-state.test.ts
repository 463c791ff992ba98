import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  forgetState,
  readState,
  STATE_DIR,
  storedForm,
  writeState,
  type RefreshState,
} from '../../../pipeline/refresh/refresh-state.ts';

const state = (outDir: string, held: string[]): RefreshState => ({
  version: 'v1',
  outDir,
  fingerprint: 'f1',
  monthStamps: {},
  periods: held,
  held,
  police: { period: held.at(-1) ?? null, withPolice: false },
  accepted: { '2021-01': { '': 3, '01': 1 } },
  segments: { 'national.json': [['', '2021-01', 1, 10]] },
});

describe('refresh state kept between runs of one process', () => {
  let mirrorDir: string;
  const outDir = '/srv/site/data';
  beforeEach(async () => {
    mirrorDir = await mkdtemp(join(tmpdir(), 'vss-state-'));
  });
  afterEach(async () => {
    await rm(mirrorDir, { recursive: true, force: true });
  });

  it('reads back what it wrote, for the same code and output folder only', async () => {
    await writeState(mirrorDir, state(outDir, ['2021-01', '2021-02']));
    expect(readState(mirrorDir, outDir, 'v1')?.held).toEqual(['2021-01', '2021-02']);
    expect(readState(mirrorDir, outDir, 'v2')).toBeUndefined();
    expect(readState(mirrorDir, '/elsewhere', 'v1')).toBeUndefined();
  });

  it('reads a file another writer replaced, not the state it last knew', async () => {
    await writeState(mirrorDir, state(outDir, ['2021-01', '2021-02']));
    expect(readState(mirrorDir, outDir, 'v1')?.held).toEqual(['2021-01', '2021-02']);
    const path = join(mirrorDir, STATE_DIR, 'state.json');
    await writeFile(
      `${path}.other`,
      JSON.stringify(storedForm(state(outDir, ['2021-01', '2021-02', '2021-03']))),
    );
    await rename(`${path}.other`, path);
    expect(readState(mirrorDir, outDir, 'v1')?.held).toEqual(['2021-01', '2021-02', '2021-03']);
  });

  it('reads a damaged file as no state, and a forgotten one as none', async () => {
    await writeState(mirrorDir, state(outDir, ['2021-01']));
    const path = join(mirrorDir, STATE_DIR, 'state.json');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('"held"', '"hold"'));
    expect(readState(mirrorDir, outDir, 'v1')).toBeUndefined();
    await writeState(mirrorDir, state(outDir, ['2021-01']));
    await forgetState(mirrorDir);
    expect(readState(mirrorDir, outDir, 'v1')).toBeUndefined();
  });
});
