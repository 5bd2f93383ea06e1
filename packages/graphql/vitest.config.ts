import { singleGraphqlCopy } from '@kmg/db/vitest-projects';
import { defineConfig } from 'vitest/config';

// Room for a slow, loaded machine (turbo runs every package's tests side by side).
export default defineConfig({
  resolve: singleGraphqlCopy,
  test: { include: ['src/**/*.test.ts'], testTimeout: 30_000 },
});
