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

/** Waits for the queue's refresh of the dashboard's summary table that follows `after`. */
async function waitForRefresh(client: pg.Client, after: number): Promise<{ seenAt: number; tookMs: number }> {
  for (const started = Date.now(); Date.now() - started < 15 * 60_000; ) {
    const { rows } = await client.query<{ took_ms: number }>(
      `SELECT took_ms FROM dashboard_refreshes WHERE id = 'facts' AND refreshed_at > $1`,
      [new Date(after)],
    );
    if (rows[0]) return { seenAt: Date.now(), tookMs: rows[0].took_ms };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the queue did not refresh the dashboard within 15 minutes');
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
      const generatedAt = Date.now();
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
      // The platform's queue recomputes the dashboard's summary table once it sees the new rows
      // (facts.ts); the figures below are read after that refresh, as a manager would read them.
      const refresh = await waitForRefresh(client, generatedAt);
      lines.push(
        `summary table refreshed by the queue ${((refresh.seenAt - generatedAt) / 1000).toFixed(0)} s after the year was written; ` +
          `the refresh itself took ${refresh.tookMs} ms`,
      );
      const load = (cookie: string, variables: Record<string, unknown>) => async () => {
        const response = await fetch(`http://127.0.0.1:${api.port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ query: DASHBOARD_QUERY, variables }),
        });
        const body = (await response.json()) as {
          errors?: { message: string }[];
          data?: { dashboard: { funnel: { stage: string; count: number }[] } };
        };
        if (!response.ok || body.errors) throw new Error(`dashboard failed: ${JSON.stringify(body.errors)}`);
        return body.data?.dashboard.funnel;
      };
      // The page must count what the baseline counts: the same applications, the same credentials.
      const [counted] = (await client.query<{ applications: string; credentials: string }>(BASELINE_SQL))
        .rows;
      const shown = Object.fromEntries((await load(manager, {})())?.map((s) => [s.stage, s.count]) ?? []);
      if (
        shown.applications !== Number(counted?.applications) ||
        shown.credentials !== Number(counted?.credentials)
      )
        throw new Error(
          `the dashboard counts ${JSON.stringify(shown)}, the baseline ${JSON.stringify(counted)}`,
        );
      const baseline = await timed(() => client.query(BASELINE_SQL));
      const views: [string, () => Promise<unknown>][] = [
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
      // A day's work: principals verify 500 submitted reports; the queue's next refresh rewrites
      // only the applications whose figures changed.
      const changedAt = Date.now();
      await client.query(
        `UPDATE dissemination_reports SET status = 'VERIFIED', verified_at = now(), verified_by_id = t.verified_by_id
           FROM (SELECT verified_by_id FROM dissemination_reports WHERE verified_by_id IS NOT NULL LIMIT 1) t
          WHERE id IN (SELECT id FROM dissemination_reports WHERE status = 'SUBMITTED' LIMIT 500)`,
      );
      const again = await waitForRefresh(client, changedAt);
      lines.push(
        `after 500 reports verified: refreshed ${((again.seenAt - changedAt) / 1000).toFixed(0)} s later, the refresh taking ${again.tookMs} ms`,
      );
    } finally {
      await api.stop();
    }
  } finally {
    await client.end().catch(() => {});
    // BENCH_DASHBOARD_KEEP=1 keeps the synthetic year's database to explore (its URL is printed).
    if (process.env.BENCH_DASHBOARD_KEEP === '1') {
      lines.push(`kept the database: ${database.url}`);
      await database.close();
    } else await database.drop();
  }
  return {
    title: `Programme dashboard at national scale (${programmeYear.applications.toLocaleString('en')} applications, PostgreSQL, ${RUNS} loads each after a warm one)`,
    lines,
  };
}
