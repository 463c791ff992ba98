#!/usr/bin/env node
// The `vss` command. The sources are TypeScript; tsx runs them without a build step.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
