import type { Plugin } from 'esbuild';

/** The esbuild plugin of zod-locales-plugin.js: zod's locale index with English alone. */
export declare const englishOnlyZodLocales: Plugin;
