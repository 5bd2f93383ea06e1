// The lean statement path (`Database.query`) that the hot requests use past Prisma: it reads what
// Prisma reads, on PostgreSQL it prepares what runs again and again, and its errors carry the codes
// the rest of the platform looks for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, databaseErrorCodes } from '#client.ts';
import { Prisma } from '#generated/prisma/client.ts';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '#testing.ts';

let database: TestDatabase;
const queries: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase({ onQuery: (event) => queries.push(event.query) });
});

afterAll(async () => {
  await database?.drop();
});

describe('Database.query', () => {
  it('reads text, integer, boolean, timestamptz, text[] and json columns as Prisma does', async () => {
    const statement = Prisma.sql`
      SELECT ${'Sampit'}::text AS city, ${42}::int AS seats, true AS open,
        '2026-12-06T01:02:03.456Z'::timestamptz AS at, ARRAY['TEACHER', 'PRINCIPAL']::text[] AS roles,
        json_build_object('year', 2026, 'dates', json_build_array('2026-07-13')) AS programme,
        NULL::text AS nothing`;
    const lean = await database.query<Record<string, unknown>>(statement);
    expect(lean).toEqual(await database.prisma.$queryRaw(statement));
    expect(lean).toEqual([
      {
        city: 'Sampit',
        seats: 42,
        open: true,
        at: new Date('2026-12-06T01:02:03.456Z'),
        roles: ['TEACHER', 'PRINCIPAL'],
        programme: { year: 2026, dates: ['2026-07-13'] },
        nothing: null,
      },
    ]);
  });

  it('tells the query listener, as Prisma does', async () => {
    queries.length = 0;
    await database.query({ text: 'SELECT $1::int AS one', values: [1] });
    expect(queries).toEqual(['SELECT $1::int AS one']);
  });

  it("fails with the database's own code, which the platform's checks find", async () => {
    await database.prisma.$executeRawUnsafe('CREATE TABLE lean_query_probe (id INT PRIMARY KEY)');
    const insert = { text: 'INSERT INTO lean_query_probe (id) VALUES ($1)', values: [1] };
    await database.query(insert);
    const copy = database.query(insert);
    const error = await copy.catch((caught: unknown) => caught);
    expect(databaseErrorCodes(error)).toContain('23505');
  });

  it.runIf(testDatabaseKind() === 'postgres')(
    'prepares a statement on PostgreSQL once it has run a few times, and never one that ran once',
    async () => {
      const text = 'SELECT statement FROM pg_prepared_statements';
      const runs: string[][] = [];
      for (let run = 0; run < 5; run++) {
        const rows = await database.query<{ statement: string }>({ text, values: [] });
        runs.push(rows.map((row) => row.statement));
      }
      // The first runs are planned where they run; from the third on it is prepared.
      expect(runs[0]).not.toContain(text);
      expect(runs[4]).toContain(text);
      const once = `SELECT 'once ${Date.now()}' AS text`;
      await database.query({ text: once, values: [] });
      const after = await database.query<{ statement: string }>({ text, values: [] });
      expect(after.map((row) => row.statement)).not.toContain(once);
    },
  );

  it.runIf(testDatabaseKind() === 'postgres')(
    'prepares nothing with KMG_DB_PREPARED_STATEMENTS=false (for a pooler that cannot carry them)',
    async () => {
      const before = process.env.KMG_DB_PREPARED_STATEMENTS;
      process.env.KMG_DB_PREPARED_STATEMENTS = 'false';
      const unprepared = createDatabase({ kind: 'postgres', url: database.url as string });
      try {
        const text = 'SELECT statement FROM pg_prepared_statements /* unprepared */';
        const runs: string[][] = [];
        for (let run = 0; run < 5; run++) {
          runs.push(
            (await unprepared.query<{ statement: string }>({ text, values: [] })).map((row) => row.statement),
          );
          await unprepared.prisma.$queryRawUnsafe('SELECT 1 AS one /* unprepared */');
        }
        expect(runs.flat()).toEqual([]);
      } finally {
        await unprepared.close();
        if (before === undefined) delete process.env.KMG_DB_PREPARED_STATEMENTS;
        else process.env.KMG_DB_PREPARED_STATEMENTS = before;
      }
    },
  );

  it.runIf(testDatabaseKind() === 'postgres')(
    'outlives the server ending its idle connections, with Prisma disconnected too, and opens new ones',
    async () => {
      await Promise.all(
        Array.from({ length: 4 }, () => database.query({ text: 'SELECT pg_sleep(0.05)', values: [] })),
      );
      await database.prisma.$disconnect();
      await database.query({
        text: `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
               WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        values: [],
      });
      // The pool drops each connection as it learns the server ended it (a query that meets one
      // first fails, and the platform's reads go again), so the pool comes back in a few tries.
      const eight = () =>
        Promise.all(
          Array.from({ length: 8 }, () =>
            database.query<{ one: number }>({ text: 'SELECT 1 AS one', values: [] }),
          ),
        );
      await expect.poll(async () => (await eight()).flat(), { timeout: 30_000 }).toHaveLength(8);
    },
  );
});
