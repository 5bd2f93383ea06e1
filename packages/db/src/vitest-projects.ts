import type { TestProjectInlineConfiguration } from 'vitest/config';

/**
 * Unit tests, then every `*.db.test.ts` once on embedded PGlite and, when TEST_DATABASE_URL is set,
 * once more on PostgreSQL (each test file creates and drops its own database).
 */
export function databaseTestProjects(): TestProjectInlineConfiguration[] {
  const dbTests = { include: ['src/**/*.db.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 };
  const projects: TestProjectInlineConfiguration[] = [
    {
      extends: true,
      test: {
        name: 'unit',
        include: ['src/**/*.test.ts'],
        exclude: ['src/**/*.db.test.ts'],
        // Room for a slow, loaded machine (turbo runs every package's tests side by side).
        testTimeout: 30_000,
      },
    },
    { extends: true, test: { name: 'pglite', ...dbTests, env: { KMG_TEST_DB: 'pglite' } } },
  ];
  if (process.env.TEST_DATABASE_URL) {
    projects.push({
      extends: true,
      test: { name: 'postgres', ...dbTests, env: { KMG_TEST_DB: 'postgres' } },
    });
  }
  return projects;
}

/**
 * graphql ships CommonJS and ESM side by side. Node loads the CommonJS build for our dependencies
 * (Pothos, Apollo), while Vite would give our own sources the ESM one; two copies break the schema
 * ("Cannot use GraphQLObjectType from another module or realm"). Give our sources the same copy.
 */
export const singleGraphqlCopy = { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] };
