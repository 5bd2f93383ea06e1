import { defineConfig } from 'vitest/config';

// Browser flows and the started platform (dist/main.js): one file at a time, generous timeouts.
export default defineConfig({
  test: {
    include: ['src/**/*.browser.test.ts', 'src/**/*.platform.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
