import { once } from 'node:events';
import { createServer } from 'node:http';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { createDatabase, type Database, type PrismaClient, useDatabase } from '@kmg/db';
import { seedDemoData } from '@kmg/db/seed';
import { createTestDatabase } from '@kmg/db/testing';
import pg from 'pg';
import { Agent, request } from 'undici';
import { createApp } from '#app.ts';
import { BENCH_SECRET, benchAppConfig } from '#bench/app-config.ts';
import { startJobs } from '#jobs/index.ts';
import { sessionCookie } from '#test/sessions.ts';

const REQUESTS = Number(process.env.BENCH_CONTENTION ?? 1000);
const SEATS = 20;
const MOTIVATION =
  'Saya mengajar teknik pengelasan di SMK dan ingin memperbarui keterampilan agar praktik siswa sesuai kebutuhan industri di kawasan kami.';

type ServeRequest = { kind: 'api' | 'bare'; databaseUrl: string; callId: string };

/** Worker side: the real API (with the job queue, enqueue only) or a bare SQL baseline. */
export async function serveContentionWorker(): Promise<void> {
  const { kind, databaseUrl, callId } = workerData as ServeRequest;
  if (kind === 'api') {
    const database = useDatabase(createDatabase({ kind: 'postgres', url: databaseUrl }));
    await startJobs(database, {
      mail: { kind: 'folder', dir: '/tmp', from: 'x' },
      workers: false,
      sweepSchedule: null,
    });
    const api = await createApp(benchAppConfig);
    const server = await api.listen(0, '127.0.0.1');
    parentPort?.postMessage((server.address() as { port: number }).port);
    return;
  }
  // Baseline: the least a first-come seat can cost: one transaction inserting the application and
  // claiming a free seat row, no auth, no GraphQL, no notices.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const server = createServer(async (req, res) => {
    req.resume();
    await once(req, 'end');
    const teacherId = String(req.headers['x-teacher']);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const app = await client.query(
        `INSERT INTO applications (id, call_id, teacher_id, motivation, status, updated_at)
         VALUES (gen_random_uuid(), $1, $2, $3, 'SUBMITTED', now()) RETURNING id`,
        [callId, teacherId, MOTIVATION],
      );
      const seat = await client.query(
        `UPDATE seats SET application_id = $1, assigned_at = now() WHERE id = (
           SELECT id FROM seats WHERE call_id = $2 AND application_id IS NULL ORDER BY number LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING number`,
        [app.rows[0].id, callId],
      );
      const status = seat.rowCount ? 'ACCEPTED' : 'WAITLISTED';
      await client.query(`UPDATE applications SET status = $1 WHERE id = $2`, [status, app.rows[0].id]);
      await client.query('COMMIT');
      res.end(JSON.stringify({ status }));
    } catch (error) {
      await client.query('ROLLBACK');
      res.statusCode = 500;
      res.end(String(error));
    } finally {
      client.release();
    }
  });
  server.listen(0, '127.0.0.1', () => parentPort?.postMessage((server.address() as { port: number }).port));
}

async function prepare(prisma: PrismaClient, label: string) {
  const school = await prisma.organization.findUniqueOrThrow({ where: { code: 'smkn-4-sampit' } });
  const template = await prisma.trainingCall.findUniqueOrThrow({
    where: { code: 'kmg-open-robot-las-lanjut' },
    include: { learningOutcomes: { orderBy: { position: 'asc' } } },
  });
  const call = await prisma.trainingCall.create({
    data: {
      programmeId: template.programmeId,
      providerId: template.providerId,
      skillAreaId: template.skillAreaId,
      title: `Bench first come ${label}`,
      description: template.description,
      learningOutcomes: {
        create: template.learningOutcomes.map(({ code, textId, textEn, position }) => ({
          code,
          textId,
          textEn,
          position,
        })),
      },
      mode: template.mode,
      venueName: template.venueName,
      city: template.city,
      province: template.province,
      startDate: template.startDate,
      endDate: template.endDate,
      trainingHours: template.trainingHours,
      seats: SEATS,
      applicationOpensAt: template.applicationOpensAt,
      applicationClosesAt: template.applicationClosesAt,
      status: 'OPEN',
      selectionMode: 'FIRST_COME',
      requiresEndorsement: false,
    },
  });
  await prisma.$executeRaw`INSERT INTO seats (call_id, number) SELECT ${call.id}::uuid, n FROM generate_series(1, ${SEATS}::int) n`;
  const users = Array.from({ length: REQUESTS }, (_, index) => ({
    name: `Guru Bench ${label} ${index}`,
    email: `bench.${label}.${index}@example.id`,
    roles: ['TEACHER' as const],
    organizationId: school.id,
  }));
  await prisma.user.createMany({ data: users });
  const created = await prisma.user.findMany({
    where: { email: { startsWith: `bench.${label}.` } },
    select: { id: true },
  });
  await prisma.teacherProfile.createMany({
    data: created.map((user, index) => ({
      userId: user.id,
      nuptk: String((label === 'api' ? 7 : 6) * 1_000_000_000_000_000 + index),
      schoolId: school.id,
      subject: 'Teknik Pengelasan',
      employmentStatus: 'PNS' as const,
      teachingSince: new Date('2015-07-13T00:00:00Z'),
    })),
  });
  return { callId: call.id, teacherIds: created.map((user) => user.id) };
}

async function startWorker(request: ServeRequest) {
  const worker = new Worker(new URL(import.meta.url), { workerData: { ...request, bench: 'first-come' } });
  const [port] = (await once(worker, 'message')) as [number];
  return { port, stop: () => worker.terminate() };
}

/** Fires every request at once; returns throughput and latency percentiles. */
async function burst(send: (index: number) => Promise<string>) {
  const latencies: number[] = [];
  const outcomes = new Map<string, number>();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: REQUESTS }, async (_, index) => {
      const begin = performance.now();
      const outcome = await send(index);
      latencies.push(performance.now() - begin);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }),
  );
  const wall = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return {
    rps: (REQUESTS / wall) * 1000,
    p50: at(0.5),
    p99: at(0.99),
    outcomes: Object.fromEntries(outcomes),
  };
}

export async function runFirstComeBench() {
  process.env.KMG_TEST_DB = 'postgres';
  process.env.TEST_DATABASE_URL ??=
    process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const database: Database & { url: string | null; drop(): Promise<void> } = await createTestDatabase();
  const agent = new Agent({ connections: REQUESTS, pipelining: 0 });
  try {
    await seedDemoData(database.prisma);
    const url = database.url as string;

    const apiData = await prepare(database.prisma, 'api');
    const cookies = await Promise.all(
      apiData.teacherIds.map((id) => sessionCookie(database.prisma, BENCH_SECRET, id)),
    );
    const api = await startWorker({ kind: 'api', databaseUrl: url, callId: apiData.callId });
    const callGlobalId = Buffer.from(`TrainingCall:${apiData.callId}`).toString('base64');
    const apiResult = await burst(async (index) => {
      const response = await request(`http://127.0.0.1:${api.port}/graphql`, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': 'application/json', cookie: cookies[index] ?? '' },
        body: JSON.stringify({
          query: `mutation ($callId: ID!, $motivation: String!) { applyToCall(callId: $callId, motivation: $motivation) {
            __typename ... on ApplyToCallSuccess { data { status } } ... on Error { code } } }`,
          variables: { callId: callGlobalId, motivation: MOTIVATION },
        }),
      });
      const body = (await response.body.json()) as {
        data?: { applyToCall: { data?: { status: string }; code?: string } | null };
        errors?: { extensions?: { code?: string } }[];
      };
      return response.statusCode === 200
        ? (body.data?.applyToCall?.data?.status ??
            body.data?.applyToCall?.code ??
            body.errors?.[0]?.extensions?.code ??
            'error')
        : `HTTP ${response.statusCode}`;
    });
    await api.stop();
    const seated = await database.prisma.seat.count({
      where: { callId: apiData.callId, applicationId: { not: null } },
    });

    const bareData = await prepare(database.prisma, 'bare');
    const bare = await startWorker({ kind: 'bare', databaseUrl: url, callId: bareData.callId });
    const bareResult = await burst(async (index) => {
      const response = await request(`http://127.0.0.1:${bare.port}/`, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'x-teacher': bareData.teacherIds[index] ?? '' },
      });
      const body = (await response.body.json()) as { status: string };
      return body.status;
    });
    await bare.stop();

    const describe = (result: typeof apiResult) =>
      `${result.rps.toFixed(0).padStart(5)} req/s   p50 ${result.p50.toFixed(0)} ms   p99 ${result.p99.toFixed(0)} ms   ${JSON.stringify(result.outcomes)}`;
    return {
      title: `First-come contention: ${REQUESTS} teachers apply at once for ${SEATS} seats of one call (PostgreSQL)`,
      lines: [
        `GraphQL API (auth, eligibility, audit, notices, outbox): ${describe(apiResult)}; seats held ${seated}`,
        `bare SQL baseline (insert + claim seat only):            ${describe(bareResult)}`,
        `ratio API / baseline: throughput ${(apiResult.rps / bareResult.rps).toFixed(2)}, p99 ${(apiResult.p99 / bareResult.p99).toFixed(2)}   (target p99 < 1000 ms)`,
      ],
    };
  } finally {
    await agent.close();
    await database.drop();
  }
}
