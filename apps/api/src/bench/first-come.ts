import { once } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { Database, PrismaClient } from '@kmg/db';
import { seedDemoData } from '@kmg/db/seed';
import { createTestDatabase } from '@kmg/db/testing';
import pg from 'pg';
import { Agent, request } from 'undici';
import { LISTEN_BACKLOG } from '#app.ts';
import { BENCH_SECRET } from '#bench/app-config.ts';
import { startPlatform, waitForIdleQueue } from '#bench/platform.ts';
import { sessionCookie } from '#test/sessions.ts';

const REQUESTS = Number(process.env.BENCH_CONTENTION ?? 1000);
/**
 * Applications sent before the burst, by another crowd to another call: the burst then meets a
 * process that has been serving (its code compiled, its pool's connections open), as at the moment
 * a window opens on a running platform. The cold line measures a fresh process's first requests.
 */
const WARM_UP = 200;
const SEATS = 20;
const MOTIVATION =
  'Saya mengajar teknik pengelasan di SMK dan ingin memperbarui keterampilan agar praktik siswa sesuai kebutuhan industri di kawasan kami.';

type ServeRequest = { kind: 'bare'; databaseUrl: string };

/** Worker side: the bare SQL baseline. */
export async function serveContentionWorker(): Promise<void> {
  const { databaseUrl } = workerData as ServeRequest;
  // Baseline: the least a first-come seat can cost: one transaction inserting the application and
  // claiming a free seat row, no auth, no GraphQL, no notices.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const server = createServer(async (req, res) => {
    req.resume();
    await once(req, 'end');
    const teacherId = String(req.headers['x-teacher']);
    const callId = String(req.headers['x-call']);
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
  // The API's accept queue, so both meet the crowd's thousand connections alike.
  server.listen(0, '127.0.0.1', LISTEN_BACKLOG, () =>
    parentPort?.postMessage((server.address() as { port: number }).port),
  );
}

/** Each crowd's NUPTKs start with their own digit, then its round's (they are unique). */
const nuptkPrefix = { api: 7, api1: 8, bare: 6, cold: 9, warm: 1, warm1: 2, warmBare: 3 } as const;
/** Rounds of the `pnpm start` line, each beside a baseline round right after it (figures drift). */
const ROUNDS = 3;

async function prepare(
  prisma: PrismaClient,
  crowd: keyof typeof nuptkPrefix,
  teachers = REQUESTS,
  round = 0,
) {
  const label = round ? `${crowd}-r${round}` : crowd;
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
  const users = Array.from({ length: teachers }, (_, index) => ({
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
      nuptk: String(nuptkPrefix[crowd] * 1_000_000_000_000_000 + round * 1_000_000 + index),
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

/**
 * Connections the kernel has dropped because a server's accept queue was full (Linux's
 * `TcpExt ListenOverflows`; null elsewhere). Each dropped one waits a second or more to try again.
 */
async function listenOverflows(): Promise<number | null> {
  const netstat = await readFile('/proc/net/netstat', 'utf8').catch(() => null);
  const [names, values] = (netstat?.split('\n') ?? []).filter((line) => line.startsWith('TcpExt:'));
  const at = names?.split(' ').indexOf('ListenOverflows') ?? -1;
  const value = at > 0 ? values?.split(' ')[at] : undefined;
  return value === undefined ? null : Number(value);
}

type ProcessCpu = { comm: string; ticks: number; nice: number };

/** CPU time (clock ticks) each process has used so far, by pid, with its name and niceness (Linux only). */
async function cpuTicks(): Promise<Map<number, ProcessCpu>> {
  const ticks = new Map<number, ProcessCpu>();
  const pids = await readdir('/proc').catch(() => [] as string[]);
  await Promise.all(
    pids
      .filter((name) => /^\d+$/.test(name))
      .map(async (pid) => {
        const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
        if (!stat) return;
        // "pid (comm) state ppid ...": utime and stime are the 14th and 15th fields, nice the 19th.
        const close = stat.lastIndexOf(')');
        const fields = stat.slice(close + 2).split(' ');
        ticks.set(Number(pid), {
          comm: stat.slice(stat.indexOf('(') + 1, close),
          ticks: Number(fields[11]) + Number(fields[12]),
          nice: Number(fields[16]),
        });
      }),
  );
  return ticks;
}

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU per request over a burst, in ms: this process (the crowd's client, and the baseline's server
 * in its thread), PostgreSQL's processes, processes below normal priority (the API's jobs worker)
 * and every other process (the API's HTTP workers and primary, and whatever else the machine runs).
 */
function cpuPerRequest(before: Map<number, ProcessCpu>, after: Map<number, ProcessCpu>, count: number) {
  const spent = { bench: 0, postgres: 0, niced: 0, others: 0 };
  for (const [pid, { comm, ticks, nice }] of after) {
    const used = ticks - (before.get(pid)?.ticks ?? 0);
    if (pid === process.pid) spent.bench += used;
    else if (comm === 'postgres') spent.postgres += used;
    else if (nice > 0) spent.niced += used;
    else spent.others += used;
  }
  const ms = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND / count;
  return {
    bench: ms(spent.bench),
    postgres: ms(spent.postgres),
    niced: ms(spent.niced),
    others: ms(spent.others),
  };
}

/** Fires `count` requests at once; returns throughput, latency percentiles and dropped connections. */
async function burst(send: (index: number) => Promise<string>, count = REQUESTS) {
  const latencies: number[] = [];
  const outcomes = new Map<string, number>();
  const overflowsBefore = await listenOverflows();
  const cpuBefore = await cpuTicks();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const begin = performance.now();
      const outcome = await send(index);
      latencies.push(performance.now() - begin);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }),
  );
  const wall = performance.now() - started;
  const cpu = cpuPerRequest(cpuBefore, await cpuTicks(), count);
  const overflowsAfter = await listenOverflows();
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return {
    rps: (count / wall) * 1000,
    p50: at(0.5),
    p99: at(0.99),
    outcomes: Object.fromEntries(outcomes),
    cpu,
    dropped: overflowsBefore === null || overflowsAfter === null ? null : overflowsAfter - overflowsBefore,
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

    // The API as `pnpm start` runs it (one HTTP worker per core), and with one worker alone; each
    // on its own call and crowd of teachers, after a warm-up by another crowd on another call.
    const crowd = async (label: keyof typeof nuptkPrefix, teachers = REQUESTS, round = 0) => {
      const data = await prepare(database.prisma, label, teachers, round);
      const cookies = await Promise.all(
        data.teacherIds.map((id) => sessionCookie(database.prisma, BENCH_SECRET, id)),
      );
      return { ...data, cookies };
    };
    const applyAll = (port: number, { callId, cookies }: Awaited<ReturnType<typeof crowd>>) => {
      const callGlobalId = Buffer.from(`TrainingCall:${callId}`).toString('base64');
      return burst(async (index) => {
        const response = await request(`http://127.0.0.1:${port}/graphql`, {
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
      }, cookies.length);
    };
    // The baseline's server, warmed as the API's are (its pool's connections open, on another
    // call), runs throughout: each API burst is followed by a baseline burst on a call of its own.
    const bare = await startWorker({ kind: 'bare', databaseUrl: url });
    const bareBurst = ({ callId, teacherIds }: Awaited<ReturnType<typeof prepare>>) =>
      burst(async (index) => {
        const response = await request(`http://127.0.0.1:${bare.port}/`, {
          method: 'POST',
          dispatcher: agent,
          headers: { 'x-teacher': teacherIds[index] ?? '', 'x-call': callId },
        });
        const body = (await response.body.json()) as { status: string };
        return body.status;
      }, teacherIds.length);
    type Result = Awaited<ReturnType<typeof bareBurst>>;
    type Round = { api: Result & { seated: number; emailsSentWithin: number }; bare: Result };
    /** Baseline crowds so far: each burst has a call and teachers of its own. */
    let bareRounds = 0;

    const measureApi = async (
      label: 'api' | 'api1' | 'cold',
      { workers, warmUp, rounds = 1 }: { workers?: number; warmUp?: 'warm' | 'warm1'; rounds?: number },
    ) => {
      const warm = warmUp && (await crowd(warmUp, WARM_UP));
      const api = await startPlatform(url, workers);
      const measured: Round[] = [];
      try {
        if (warm) {
          await applyAll(api.port, warm);
          await waitForIdleQueue(url);
        }
        for (let round = 0; round < rounds; round++) {
          const data = await crowd(label, REQUESTS, round);
          const bareData = await prepare(database.prisma, 'bare', REQUESTS, bareRounds++);
          const result = await applyAll(api.port, data);
          const seated = await database.prisma.seat.count({
            where: { callId: data.callId, applicationId: { not: null } },
          });
          // Every teacher's email (outcome and waitlist place) goes out through the queue, after the
          // answer; the baseline's burst comes once the queue is idle again.
          const drained = performance.now();
          await waitForIdleQueue(url);
          const emailsSentWithin = performance.now() - drained;
          measured.push({ api: { ...result, seated, emailsSentWithin }, bare: await bareBurst(bareData) });
        }
      } finally {
        await api.stop();
      }
      // The median round by throughput against its own baseline.
      const ratioOf = (round: Round) => round.api.rps / round.bare.rps;
      const sorted = [...measured].sort((a, b) => ratioOf(a) - ratioOf(b));
      return {
        median: sorted[Math.floor(sorted.length / 2)] as Round,
        rounds: measured,
        workers: api.workers,
      };
    };
    const measureAll = async () => {
      await bareBurst(await prepare(database.prisma, 'warmBare', WARM_UP));
      const single = await measureApi('api1', { workers: 1, warmUp: 'warm1' });
      const started = await measureApi('api', { warmUp: 'warm', rounds: ROUNDS });
      const cold = await measureApi('cold', {});
      return { single, started, cold };
    };
    const { single, started, cold } = await measureAll().finally(() => bare.stop());

    const cpuText = ({ bench, postgres, niced, others }: Result['cpu']) =>
      `bench process ${bench.toFixed(1)} ms, PostgreSQL ${postgres.toFixed(1)} ms, below normal priority ${niced.toFixed(1)} ms, others ${others.toFixed(1)} ms`;
    const describe = (result: Result) =>
      `${result.rps.toFixed(0).padStart(5)} req/s   p50 ${result.p50.toFixed(0).padStart(5)} ms   p99 ${result.p99.toFixed(0).padStart(5)} ms   ${JSON.stringify(result.outcomes)}${result.dropped === null ? '' : `; connections dropped ${result.dropped}`}; CPU per request: ${cpuText(result.cpu)}`;
    const throughput = ({ api, bare }: Round) => (api.rps / bare.rps).toFixed(2);
    const p99 = ({ api, bare }: Round) => `${(api.p99 / bare.p99).toFixed(1)}x`;
    const ratios = (round: Round) => `throughput ${throughput(round)}, p99 ${p99(round)}`;
    const line = (round: Round) =>
      `${describe(round.api)}; seats held ${round.api.seated}; emails all sent ${(round.api.emailsSentWithin / 1000).toFixed(1)} s after the last answer   ${ratios(round)}`;
    return {
      title: `First-come contention: ${REQUESTS} teachers apply at once for ${SEATS} seats of one call (PostgreSQL; each server has first served ${WARM_UP} applications to another call, but the fresh one; each API burst is beside a baseline burst right after it)`,
      lines: [
        `API as \`pnpm start\` runs it (${started.workers} HTTP workers + the jobs worker; auth, eligibility, audit, notices, outbox): ${line(started.median)}   (median of ${ROUNDS} rounds; each round's throughput / p99: ${started.rounds.map((round) => `${throughput(round)} / ${p99(round)}`).join(', ')})`,
        `  its baseline (the median round's), bare SQL (insert + claim seat only): ${describe(started.median.bare)}`,
        `API, 1 HTTP worker (the queue in the same process): ${line(single.median)}`,
        `  its baseline: ${describe(single.median.bare)}`,
        `API as \`pnpm start\` runs it, fresh (no warm-up): ${line(cold.median)}`,
        `  its baseline: ${describe(cold.median.bare)}`,
        `target: throughput >= 0.50 of the baseline, p99 <= 2.0x, the same 20 seated`,
        `before (4e1a934, 2026-12-02, this machine, 1 process): throughput 0.07-0.09, p99 11-15x`,
        `before one-statement arrivals (53d58df, 2026-12-04, this machine, 2 workers): throughput 0.11-0.12, p99 9.2x`,
        `before grouped arrivals (e145e87, 2026-12-04, this machine): 2 workers throughput 0.14, p99 7.6x; 1 worker 0.17, p99 6.4x`,
        `before the warm-up (a4305f7, 2026-12-04, this machine, fresh servers as the lines above): 2 workers throughput 0.24-0.26, p99 4.1-4.5x; 1 worker 0.36-0.37, p99 2.9x`,
        `before the jobs worker (eb18c39, 2026-12-05, this machine, the queue worked in the primary; three runs interleaved with three of the jobs worker, 0.25-0.30, p99 3.4-4.1x): 2 workers throughput 0.14-0.23, p99 4.4-7.3x`,
        `before prepared statements, the lean statements and a socket per worker (b5191c5, 2026-12-06, this machine, three runs): 2 workers median throughput 0.25-0.29, p99 3.6-4.1x (CPU per request: PostgreSQL 2.5-3.0 ms, the API's processes 2.9-4.7 ms); 1 worker 0.35-0.39, p99 2.6-2.9x`,
      ],
    };
  } finally {
    await agent.close();
    await database.drop();
  }
}
