import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveChromiumPath, systemChromium } from '../../tools/chromium/chromium-path.ts';

let dir: string;
let saved: string | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vss-chromium-path-'));
  saved = process.env.CHROMIUM_PATH;
});
afterEach(() => {
  if (saved === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved;
  rmSync(dir, { recursive: true, force: true });
});

function fakeBrowser(name: string, mode = 0o755): string {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, mode);
  return path;
}

describe('which Chromium the browser tests start', () => {
  it('takes CHROMIUM_PATH first', async () => {
    process.env.CHROMIUM_PATH = fakeBrowser('my-chrome');
    expect(await resolveChromiumPath()).toBe(join(dir, 'my-chrome'));
  });

  it('refuses a CHROMIUM_PATH that is not an executable file', async () => {
    process.env.CHROMIUM_PATH = fakeBrowser('not-executable', 0o644);
    await expect(resolveChromiumPath()).rejects.toThrow(/CHROMIUM_PATH is not an executable file/);
  });

  it('finds a system browser on PATH, before the usual folders', () => {
    const chromium = fakeBrowser('chromium');
    expect(systemChromium(dir)).toBe(chromium);
  });

  it('prefers Chromium to Chrome in the same folder', () => {
    fakeBrowser('google-chrome');
    const chromium = fakeBrowser('chromium-browser');
    expect(systemChromium(dir)).toBe(chromium);
  });

  it('skips a file of that name that cannot be run', () => {
    fakeBrowser('chromium', 0o644);
    const chrome = fakeBrowser('google-chrome');
    expect(systemChromium(dir)).toBe(chrome);
  });
});
