import { defineConfig } from 'vitest/config';

// Browser flows against the built platform: one file at a time, generous timeouts.
export default defineConfig({
  test: {
    include: ['src/**/*.browser.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
