// @ts-check
/**
 * Which top-level folder may import which: data flows one way, from the browser-safe core out to
 * the stages, their entry points and the tools. eslint.config.js turns this table into
 * import-x/no-restricted-paths zones, bans server-only packages from the two folders that run
 * in a browser, and forbids import cycles; test/tools/import-boundaries.test.ts proves each bites.
 */
import { builtinModules } from 'node:module';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/** Every folder of code, and the folders each may import besides itself. */
export const MAY_IMPORT = {
  core: [],
  dashboard: ['core'],
  pipeline: ['core'],
  functions: ['core', 'pipeline'],
  // Local and cli run the Lambda handlers on a laptop; cli starts the local stand-ins.
  local: ['core', 'pipeline', 'functions'],
  cli: ['core', 'pipeline', 'functions', 'local'],
  // Infra reads the lake layout, the reference data and the functions' environment schemas.
  infra: ['core', 'pipeline', 'functions'],
  tools: ['core', 'pipeline', 'functions', 'local', 'infra', 'cli', 'dashboard'],
  test: ['core', 'pipeline', 'functions', 'local', 'infra', 'cli', 'dashboard', 'tools'],
};

/** @typedef {keyof typeof MAY_IMPORT} Folder */
const FOLDERS = /** @type {Folder[]} */ (Object.keys(MAY_IMPORT));

/** Packages that need Node, AWS or native code: never in a file a browser loads. */
const SERVER_ONLY = [
  'node:*',
  ...builtinModules,
  '@aws-sdk/*',
  '@aws-lambda-powertools/*',
  '@duckdb/*',
  'aws-lambda',
  'aws-cdk-lib',
  'aws-cdk-lib/*',
  'constructs',
  'cdk-nag',
  'esbuild',
  'commander',
  'cli-progress',
  'csv-parse',
  'csv-parse/*',
  's3rver',
];

/** The dashboard bundles exceljs into its download chunk; core stays smaller still. */
export const BANNED_PACKAGES = {
  core: [...SERVER_ONLY, 'exceljs'],
  dashboard: SERVER_ONLY,
};

/** One zone per folder: every other folder it may not import from. */
function zones() {
  return FOLDERS.flatMap((target) => {
    const allowed = new Set([target, ...MAY_IMPORT[target]]);
    const from = FOLDERS.filter((f) => !allowed.has(f)).map((f) => `./${f}`);
    if (from.length === 0) return [];
    const may = MAY_IMPORT[target].length ? MAY_IMPORT[target].join(', ') : 'nothing else';
    return [
      {
        target: `./${target}`,
        from,
        message: `data flows one way: ${target}/ may import ${target}/ and ${may} (tools/lint/import-boundaries.js)`,
      },
    ];
  });
}

/**
 * The flat-config blocks: the direction and the cycles for every file, the browser-safe
 * packages for core/ and dashboard/.
 */
export function importBoundaries() {
  return [
    {
      files: ['**/*.ts', '**/*.js', '**/*.mjs'],
      plugins: { 'import-x': /** @type {import('eslint').ESLint.Plugin} */ (importX) },
      settings: {
        'import-x/extensions': ['.ts', '.js', '.mjs'],
        'import-x/resolver-next': [createNodeResolver()],
      },
      rules: {
        'import-x/no-restricted-paths': ['error', { zones: zones() }],
        'import-x/no-cycle': 'error',
      },
    },
    ...Object.entries(BANNED_PACKAGES).map(([folder, banned]) => ({
      files: [`${folder}/**/*.ts`, `${folder}/**/*.js`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                group: banned,
                message: `${folder}/ runs in the browser: no Node, AWS or native packages (tools/lint/import-boundaries.js)`,
              },
            ],
          },
        ],
      },
    })),
  ];
}
