#!/usr/bin/env node
// The `vss` command. The sources are TypeScript: the bundle compiled from them (cli/dist/, built
// on `npm ci` or by `npm run build:cli`) runs when it is the sources as they are now; otherwise
// tsx compiles them as they load, so an edited source is what runs, never a stale bundle.
// VSS_CLI_FROM_SOURCES=1 runs the sources through tsx even when the bundle is current.
import { pathToFileURL } from 'node:url';
import { currentBundle } from './bundle-key.js';

const bundle = process.env.VSS_CLI_FROM_SOURCES === '1' ? undefined : currentBundle();
if (bundle) await import(pathToFileURL(bundle).href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./main.ts');
}
