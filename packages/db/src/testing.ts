// Databases for tests: every test file gets its own, migrated with the real runner, and drops it
// afterwards. PGlite in memory by default; a fresh PostgreSQL database when the test project says
// so (KMG_TEST_DB=postgres, TEST_DATABASE_URL pointing at a server the tests may create databases on).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Database, type QueryListener } from '#client.ts';
import { applyMigrations } from '#migrate.ts';

export type TestDatabase = Database & { name: string; url: string | null; drop(): Promise<void> };

export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.KMG_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

export async function createTestDatabase(
  options: {
    onQuery?: QueryListener;
    /** Migrate only up to this migration (a migration test applies the rest itself). */
    until?: string;
  } = {},
): Promise<TestDatabase> {
  const { until, ...databaseOptions } = options;
  if (testDatabaseKind() === 'pglite') {
    const database = createDatabase({ kind: 'pglite', dataDir: 'memory://' }, databaseOptions);
    await applyMigrations(database, { until });
    return { ...database, name: 'memory', url: null, drop: () => database.close() };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl)
    throw new Error('KMG_TEST_DB=postgres needs TEST_DATABASE_URL (postgresql://user@host:port/db)');
  const name = `kmg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = createDatabase({ kind: 'postgres', url: url.toString() }, databaseOptions);
  await applyMigrations(database, { until });
  return {
    ...database,
    name,
    url: url.toString(),
    async drop() {
      await database.close();
      await withAdminClient(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
    },
  };
}

async function withAdminClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A call's fields to create copies of it with (`createMany({ data: [{ ...fields, title }] })`): all
 * but its identity, timestamps and JSON settings.
 */
export function copyableCallFields<
  Call extends {
    id: string;
    code: string | null;
    createdAt: Date;
    updatedAt: Date;
    eligibilityRules: unknown;
    rubric: unknown;
    seatsPerProvince: unknown;
  },
>(call: Call) {
  const {
    id: _id,
    code: _code,
    createdAt: _created,
    updatedAt: _updated,
    eligibilityRules: _rules,
    rubric: _rubric,
    seatsPerProvince: _quota,
    ...fields
  } = call;
  return fields;
}
