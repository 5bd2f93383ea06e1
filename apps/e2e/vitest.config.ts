import { defineConfig } from 'vitest/config';

// Browser flows and the started platform (dist/main.js): one file at a time, generous timeouts.
export default defineConfig({
  test: {
    include: ['src/**/*.browser.test.ts', 'src/**/*.platform.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    // A condition a browser waits on (a lazy chunk drawn, a value saved) may take seconds on a
    // loaded machine: polls wait up to a minute unless they say otherwise (vitest's default: 1 s).
    expect: { poll: { timeout: 60_000, interval: 100 } },
  },
});
