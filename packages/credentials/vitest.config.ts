import { defineConfig } from 'vitest/config';

// Signing, PDF rendering, rasterising and QR decoding are CPU-bound: on a loaded 2-core machine a
// single test can take several times its usual time, so the whole package gets room to finish.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
});
