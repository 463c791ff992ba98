// @ts-check
/**
 * zod re-exports every one of its ~50 message locales as `z.locales`, which no bundler can drop:
 * about 330 kB of the page's minified bundle, 360 kB of the command line's. The page shows only
 * its own Vietnamese messages and zod's default English, and so does `vss`: the locale index is
 * replaced by one that exports English alone. Plain JavaScript, as the command line's bundle is
 * built by Node before anything can compile TypeScript (zod-locales-plugin.d.ts types it).
 * @type {import('esbuild').Plugin}
 */
export const englishOnlyZodLocales = {
  name: 'english-only-zod-locales',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: args.resolveDir, namespace: 'zod-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: 'export { default as en } from "../locales/en.js";',
      resolveDir: args.path,
      loader: 'js',
    }));
  },
};
