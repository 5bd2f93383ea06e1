import { databaseTestProjects, singleGraphqlCopy } from '@kmg/db/vitest-projects';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: singleGraphqlCopy,
  test: { projects: databaseTestProjects(), passWithNoTests: true },
});
