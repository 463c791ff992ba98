import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration, browser and infra tests start real servers, DuckDB and cdk synth: give them room,
    // but never use time as an assertion.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    // The Chromium is resolved first, outside the run's scratch folder, so its extraction is kept.
    globalSetup: ['test/support/chromium-setup.ts', 'test/support/scratch-tmpdir.ts'],
  },
});
