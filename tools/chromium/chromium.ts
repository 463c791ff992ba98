import { chromium, type Browser } from 'playwright-core';
import { resolveChromiumPath } from './chromium-path.ts';

/**
 * Headless Chromium with nothing that reaches beyond this machine. Under vitest the global setup
 * has already resolved CHROMIUM_PATH; a benchmark or script run on its own resolves it here.
 * Playwright gives every launch a fresh temporary profile (its own --user-data-dir).
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: await resolveChromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
