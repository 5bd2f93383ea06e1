import { once } from 'node:events';
import { createServer } from 'node:http';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { seedDemoData } from '@kmg/db/seed';
import { copyableCallFields, createTestDatabase } from '@kmg/db/testing';
import autocannon from 'autocannon';
import pg from 'pg';
import { startPlatform } from '#bench/platform.ts';

const PAGE = 20;
const EXTRA_CALLS = 300;
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 16;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

export const CALLS_QUERY = `query BenchCalls($first: Int!) {
  trainingCalls(first: $first, filter: { statuses: [OPEN] }, orderBy: { field: START_DATE, direction: ASC }) {
    totalCount
    edges { node { id title startDate endDate city seats trainingHours applicationClosesAt status
      province { name } provider { name } skillArea { name } applicationCount } }
  }
}`;

/** The same page, straight from PostgreSQL: one query with joins and a count, then JSON.stringify. */
const BARE_SQL = `
  SELECT c.id, c.title, c.start_date, c.end_date, c.city, c.seats, c.training_hours,
         c.application_closes_at, c.status, c.province,
         p.name AS provider_name, s.name_id AS skill_area_name,
         (SELECT count(*) FROM applications a WHERE a.call_id = c.id AND a.status <> 'WITHDRAWN')::int AS application_count
  FROM training_calls c
  JOIN organizations p ON p.id = c.provider_id
  JOIN skill_areas s ON s.id = c.skill_area_id
  WHERE c.status = 'OPEN'
  ORDER BY c.start_date ASC, c.id ASC
  LIMIT $1`;
const BARE_COUNT = `SELECT count(*)::int AS total FROM training_calls WHERE status = 'OPEN'`;

type ServeRequest = { kind: 'bare'; databaseUrl: string };

/** Worker side: the bare baseline, then report the port. */
export async function serveInWorker(): Promise<void> {
  const { databaseUrl } = workerData as ServeRequest;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const server = createServer(async (req, res) => {
    req.resume();
    await once(req, 'end');
    const [rows, count] = await Promise.all([pool.query(BARE_SQL, [PAGE]), pool.query(BARE_COUNT)]);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ totalCount: count.rows[0].total, calls: rows.rows }));
  });
  server.listen(0, '127.0.0.1', () => parentPort?.postMessage((server.address() as { port: number }).port));
}

async function startWorker(request: ServeRequest): Promise<{ port: number; stop(): Promise<number> }> {
  const worker = new Worker(new URL(import.meta.url), { workerData: request });
  const [port] = (await once(worker, 'message')) as [number];
  return { port, stop: () => worker.terminate() };
}

async function load(port: number): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: CALLS_QUERY, variables: { first: PAGE } }),
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
  });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

export async function runCallsListBench() {
  process.env.KMG_TEST_DB = 'postgres';
  process.env.TEST_DATABASE_URL ??=
    process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const database = await createTestDatabase();
  try {
    await seedDemoData(database.prisma);
    const template = await database.prisma.trainingCall.findUniqueOrThrow({
      where: { code: 'kmg-open-plc-hmi' },
    });
    const fields = copyableCallFields(template);
    await database.prisma.trainingCall.createMany({
      data: Array.from({ length: EXTRA_CALLS }, (_, index) => ({
        ...fields,
        title: `${fields.title} #${index + 1}`,
      })),
    });
    const url = database.url as string;

    // What `pnpm start` runs (one HTTP worker per core) in rounds, each beside a baseline round
    // right after it (this machine's figures drift by a fifth within minutes: a ratio from one
    // moment is what holds); and one worker alone, to show what the second core adds. Each API is
    // checked for a full page before it is timed.
    const probe = async (port: number) => {
      const answer = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: CALLS_QUERY, variables: { first: PAGE } }),
      }).then((response) => response.json() as Promise<{ data: { trainingCalls: { edges: unknown[] } } }>);
      if (answer.data.trainingCalls.edges.length !== PAGE) throw new Error('API did not return a full page');
      await load(port); // warm-up: JIT, pools, caches
    };
    const alone = await startPlatform(url, 1);
    let single: Awaited<ReturnType<typeof load>>;
    try {
      await probe(alone.port);
      single = await load(alone.port);
    } finally {
      await alone.stop();
    }
    const bare = await startWorker({ kind: 'bare', databaseUrl: url });
    const api = await startPlatform(url);
    const rounds: { api: Awaited<ReturnType<typeof load>>; bare: Awaited<ReturnType<typeof load>> }[] = [];
    try {
      await load(bare.port);
      await probe(api.port);
      for (let round = 0; round < ROUNDS; round++) {
        rounds.push({ api: await load(api.port), bare: await load(bare.port) });
      }
    } finally {
      await Promise.all([api.stop(), bare.stop()]);
    }
    const throughputOf = (round: (typeof rounds)[number]) => round.api.rps / round.bare.rps;
    const sorted = [...rounds].sort((a, b) => throughputOf(a) - throughputOf(b));
    const median = sorted[Math.floor(sorted.length / 2)] as (typeof rounds)[number];
    const started = { ...median.api, workers: api.workers };
    const bareResult = median.bare;

    const describe = (result: { rps: number; p99: number; errors: number }) =>
      `${result.rps.toFixed(0).padStart(5)} req/s   p99 ${String(result.p99).padStart(4)} ms   errors ${result.errors}`;
    const ratios = (result: { rps: number; p99: number }) =>
      `throughput ${(result.rps / bareResult.rps).toFixed(2)}, p99 ${(result.p99 / bareResult.p99).toFixed(1)}x`;
    const eachRound = rounds
      .map((round) => `${throughputOf(round).toFixed(2)} / ${(round.api.p99 / round.bare.p99).toFixed(1)}x`)
      .join(', ');
    return {
      title: `Calls list, ${PAGE} per page with provider, skill area, province and applicant counts (${CONNECTIONS} connections, ${DURATION_SECONDS} s, PostgreSQL)`,
      lines: [
        `API as \`pnpm start\` runs it (${started.workers} HTTP workers): ${describe(started)}   ${ratios(started)}   (median of ${ROUNDS} rounds; each round's throughput / p99: ${eachRound})`,
        `API, 1 HTTP worker:                          ${describe(single)}   ${ratios(single)}`,
        `baseline, bare pg + JSON.stringify:          ${describe(bareResult)}   (the median round's)`,
        `target: throughput >= 0.50 of the baseline, p99 <= 2.0x (no response cache)`,
        `before (4e1a934, 2026-12-02, this machine, 1 process): throughput 0.20-0.28, p99 4.9-5.5x`,
        `before one-statement pages (53d58df, 2026-12-04, this machine, 2 workers): throughput 0.31, p99 4.0x; CPU 3.5 ms a request in the API`,
        `before the selection-mapper patch (e145e87, 2026-12-04, this machine, 2 workers): median throughput 0.47, p99 1.9x (rounds 0.44 / 3.2x, 0.47 / 1.9x, 0.52 / 2.5x)`,
        `before prepared statements (b5191c5, 2026-12-05, this machine, 2 workers): median throughput 0.50, p99 2.0x (rounds 0.50 / 2.0x, 0.45 / 2.4x, 0.55 / 1.6x); 1 worker 0.37, p99 1.7x`,
      ],
    };
  } finally {
    await database.drop();
  }
}
