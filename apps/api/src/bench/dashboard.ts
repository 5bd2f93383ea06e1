// `pnpm bench dashboard`: the programme dashboard at national scale (issue 14). A database with
// the demo seed, started once as `pnpm start` runs it (it issues the seeded credentials), grows a
// synthetic year (synthetic-year.ts); then each view of the dashboard is loaded through the API as
// the console loads it, beside a baseline: the funnel's figures by one hand-written SQL statement.
import { seedDemoData } from '@kmg/db/seed';
import { createTestDatabase } from '@kmg/db/testing';
import pg from 'pg';
import { BENCH_SECRET } from '#bench/app-config.ts';
import { startPlatform, waitForIdleQueue } from '#bench/platform.ts';
import { generateYear, programmeYear } from '#bench/synthetic-year.ts';
import { sessionCookie } from '#test/sessions.ts';

const RUNS = Number(process.env.BENCH_DASHBOARD_RUNS ?? 5);
const TARGET_MS = 1000;

/** What the console's dashboard page asks for (DashboardPage.tsx). */
const DASHBOARD_QUERY = `query ($year: Int, $skillAreaId: String, $province: String, $providerId: String) {
  dashboardOptions { years skillAreas { id name } providers { id name } }
  dashboard(year: $year, skillAreaId: $skillAreaId, province: $province, providerId: $providerId) {
    scope funnel { stage label definition count } tables { name title header rows }
  }
}`;

/** The funnel's counts straight from the tables: one statement, no scoping, no definitions. */
const BASELINE_SQL = `
  SELECT (SELECT count(*) FROM training_calls WHERE status NOT IN ('DRAFT', 'CANCELLED')) AS calls,
         (SELECT sum(seats) FROM training_calls WHERE status NOT IN ('DRAFT', 'CANCELLED')) AS seats,
         count(*) AS applications,
         count(*) FILTER (WHERE a.status NOT IN ('SUBMITTED', 'NOT_ENDORSED', 'WITHDRAWN')) AS endorsed,
         count(*) FILTER (WHERE a.status IN ('ACCEPTED', 'CONFIRMED', 'DECLINED', 'LAPSED')) AS selected,
         count(*) FILTER (WHERE a.status = 'CONFIRMED') AS confirmed,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM attendance t WHERE t.application_id = a.id AND t.present)) AS attended,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM credentials k WHERE k.application_id = a.id)) AS credentials,
         (SELECT count(*) FROM dissemination_reports WHERE status = 'VERIFIED') AS verified,
         (SELECT sum(students_reached) FROM dissemination_reports WHERE status = 'VERIFIED') AS students
  FROM applications a JOIN training_calls c ON c.id = a.call_id
  WHERE c.status NOT IN ('DRAFT', 'CANCELLED')`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function timed(run: () => Promise<unknown>): Promise<{ median: number; max: number }> {
  await run(); // warm: plans and caches, as a page opened the second time
  const times: number[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return { median: median(times), max: Math.max(...times) };
}

export async function runDashboardBench() {
  process.env.KMG_TEST_DB = 'postgres';
  process.env.TEST_DATABASE_URL ??=
    process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const database = await createTestDatabase();
  const client = new pg.Client({ connectionString: database.url as string });
  const lines: string[] = [];
  try {
    await seedDemoData(database.prisma);
    const url = database.url as string;
    const api = await startPlatform(url, 1);
    try {
      await waitForIdleQueue(url);
      await client.connect();
      const started = performance.now();
      const added = await generateYear(client);
      lines.push(
        `synthetic year: ${added.schools.toLocaleString('en')} schools, ${added.teachers.toLocaleString('en')} teachers, ` +
          `${added.calls.toLocaleString('en')} calls, ${added.applications.toLocaleString('en')} applications, ` +
          `${added.credentials.toLocaleString('en')} credentials, ${added.disseminationReports.toLocaleString('en')} ` +
          `dissemination reports (generated in ${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );

      const cookieOf = async (email: string) => {
        const user = await database.prisma.user.findUniqueOrThrow({ where: { email } });
        return sessionCookie(database.prisma, BENCH_SECRET, user.id);
      };
      const manager = await cookieOf('manajer@kmg.demo');
      const provider = await cookieOf('penyelenggara@kmg.demo');
      const [someProvince] = (
        await client.query<{ province: string }>(
          `SELECT province FROM training_calls WHERE code LIKE 'syn-%' GROUP BY province ORDER BY count(*) DESC LIMIT 1`,
        )
      ).rows;
      const load = (cookie: string, variables: Record<string, unknown>) => async () => {
        const response = await fetch(`http://127.0.0.1:${api.port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ query: DASHBOARD_QUERY, variables }),
        });
        const body = (await response.json()) as { errors?: { message: string }[] };
        if (!response.ok || body.errors) throw new Error(`dashboard failed: ${JSON.stringify(body.errors)}`);
      };
      const baseline = await timed(() => client.query(BASELINE_SQL));
      const views: [string, () => Promise<void>][] = [
        ['whole programme, every year (manager)', load(manager, {})],
        ['one province (manager)', load(manager, { province: someProvince?.province })],
        ["one provider's own calls (provider staff)", load(provider, {})],
      ];
      lines.push(
        `baseline, the funnel by one hand-written SQL statement: median ${baseline.median.toFixed(0)} ms, max ${baseline.max.toFixed(0)} ms`,
      );
      for (const [name, run] of views) {
        const result = await timed(run);
        lines.push(
          `${name.padEnd(44)} median ${result.median.toFixed(0).padStart(5)} ms   max ${result.max.toFixed(0).padStart(5)} ms   ` +
            `${(result.median / baseline.median).toFixed(1)}x the baseline   target < ${TARGET_MS} ms: ${result.max < TARGET_MS ? 'met' : 'not met'}`,
        );
      }
    } finally {
      await api.stop();
    }
  } finally {
    await client.end().catch(() => {});
    await database.drop();
  }
  return {
    title: `Programme dashboard at national scale (${programmeYear.applications.toLocaleString('en')} applications, PostgreSQL, ${RUNS} loads each after a warm one)`,
    lines,
  };
}
