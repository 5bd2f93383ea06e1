import cluster, { type Worker } from 'node:cluster';
import type { Server } from 'node:http';
import { constants, setPriority } from 'node:os';
import { configureCredentials } from '@kmg/core/credentials/config';
import { rplDemoReady, seedRplDemoCases } from '@kmg/core/rpl/review/demo';
import {
  closeDatabase,
  createDatabase,
  DEMO_PASSWORD,
  database,
  demoUsers,
  readDatabaseConfig,
  useDatabase,
} from '@kmg/db';
import { applyMigrations } from '@kmg/db/migrate';
import { seedDemoData } from '@kmg/db/seed';
import { createApp } from '#app.ts';
import { readApiConfig, readHttpWorkers, readKeyEncryptionKeys, readMailConfig } from '#config.ts';
import { startJobs, stopJobs } from '#jobs/index.ts';

/** Every setting, read before anything starts. */
function readSettings() {
  const databaseConfig = readDatabaseConfig();
  const config = readApiConfig(process.env, databaseConfig);
  return {
    databaseConfig,
    config,
    keks: readKeyEncryptionKeys(process.env, databaseConfig, config.isProduction),
    mail: readMailConfig(process.env, databaseConfig),
  };
}

let settings: ReturnType<typeof readSettings>;
try {
  settings = readSettings();
} catch (error) {
  // A bad setting: its message names the variable and what it takes; a stack trace would bury it.
  console.error(`KMG cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const { databaseConfig, config, keks, mail } = settings;
/** What stopping takes, in order (SIGTERM or Ctrl+C); the database closes last. */
const shutdownSteps: (() => Promise<void>)[] = [];
function onShutdown(step: () => Promise<void>) {
  shutdownSteps.push(step);
}
useDatabase(createDatabase(databaseConfig));
configureCredentials({
  publicUrl: config.publicUrl,
  keks,
  parentOrganizationCode: process.env.KMG_PARENT_ORGANIZATION ?? 'dit-smk',
});
// The API keeps no state between requests, so on a PostgreSQL server one process per core serves
// HTTP (node:cluster shares the port); embedded PGlite is one process's own data folder: one.
const httpWorkers = readHttpWorkers(process.env, databaseConfig);

/** What a process of the platform does: the primary starts the others (see `forkWorkers`). */
type Role = 'http' | 'jobs';
const ROLE_VARIABLE = 'KMG_PROCESS_ROLE';
/** The primary's workers and their roles, for stopping them in order. */
const roles = new WeakMap<Worker, Role>();
/** Set first when stopping: a worker that exits from then on is not replaced. */
let stopping = false;
onShutdown(async () => {
  stopping = true;
});

if (cluster.isWorker && process.env[ROLE_VARIABLE] === 'jobs') {
  // The job queue's worker: emails, credential issuance, deadline sweeps. Below normal CPU priority,
  // so at the moment a window opens the answers to teachers come first and the emails after them.
  lowerCpuPriority();
  const jobs = await startJobs(database(), { mail });
  onShutdown(() => stopJobs(jobs));
  process.send?.('ready');
} else if (cluster.isWorker) {
  // An HTTP worker: the primary has migrated and seeded, the jobs worker works the queue; this one
  // only enqueues.
  await serveHttp(await startJobs(database(), { mail, workers: false }));
} else {
  const applied = await applyMigrations(database());
  if (applied.length) console.log(`Migrations applied: ${applied.join(', ')}`);

  // Demo data on the embedded database by default; on a server only when asked (KMG_DEMO_DATA=true).
  const wantsDemo = process.env.KMG_DEMO_DATA ?? (databaseConfig.kind === 'pglite' ? 'true' : 'false');
  if (wantsDemo === 'true') {
    const { created } = await seedDemoData(database().prisma);
    if (created) console.log(`Demo data loaded (${created} records).`);
  }

  if (httpWorkers === 1) {
    const jobs = await startJobs(database(), { mail });
    if (wantsDemo === 'true') void seedRplDemoCasesWhenReady();
    await serveHttp(jobs);
  } else {
    // The primary only hands connections to the HTTP workers (and enqueues the demo's jobs).
    const queue = await startJobs(database(), { mail, workers: false });
    await forkWorkers('jobs', 1);
    await forkWorkers('http', httpWorkers);
    if (wantsDemo === 'true') void seedRplDemoCasesWhenReady();
    onShutdown(async () => {
      // HTTP first (each finishes its requests), then the jobs worker; a replacement still starting
      // included.
      for (const role of ['http', 'jobs'] as const) {
        const workers = Object.values(cluster.workers ?? {}).filter(
          (worker) => worker && roles.get(worker) === role,
        );
        await Promise.all(workers.map((worker) => worker && stopWorker(worker)));
      }
      await stopJobs(queue);
    });
  }
  printBanner(wantsDemo === 'true');
}

/** The niceness of the jobs worker (Unix: 10, what `nice` gives by default). */
function lowerCpuPriority() {
  try {
    setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
  } catch (error) {
    console.error('The jobs worker runs at normal CPU priority:', error);
  }
}

function printBanner(withDemo: boolean) {
  const where =
    databaseConfig.kind === 'pglite'
      ? `embedded PGlite in ${databaseConfig.dataDir}`
      : 'PostgreSQL (DATABASE_URL)';
  const processes =
    httpWorkers === 1
      ? ''
      : `\n  HTTP workers     ${httpWorkers} (KMG_HTTP_WORKERS)\n  Jobs worker      1, below normal CPU priority`;
  console.log(`
KMG is running on ${where}
  Learner app      ${config.publicUrl}/
  Admin console    ${config.publicUrl}/admin
  GraphQL API      ${config.publicUrl}/graphql
  Email            ${mail.kind === 'smtp' ? 'SMTP server (KMG_SMTP_URL)' : `written to ${mail.dir}`}${processes}
`);
  if (!withDemo) return;
  console.log(`Demo accounts (password for all: ${DEMO_PASSWORD}):`);
  const seen = new Set<string>();
  for (const user of demoUsers) {
    const role = user.roles[0] ?? '';
    if (seen.has(role)) continue;
    seen.add(role);
    const nuptk = user.teacher ? `  or NUPTK ${user.teacher.nuptk}` : '';
    console.log(`  ${role.padEnd(16)} ${user.email}${nuptk}`);
  }
  console.log('');
}

/**
 * Forks `count` workers of a role and resolves once every one says it is ready (an HTTP worker
 * listens; the jobs worker has started its queue). A worker that dies is replaced (a crash is
 * logged by the worker itself); one that exits while the platform stops is not.
 */
async function forkWorkers(role: Role, count: number): Promise<void> {
  const name = role === 'http' ? 'HTTP worker' : 'Jobs worker';
  const fork = () =>
    new Promise<void>((resolve, reject) => {
      const worker = cluster.fork({ [ROLE_VARIABLE]: role });
      roles.set(worker, role);
      worker.on('message', (message) => message === 'ready' && resolve());
      worker.once('exit', (code, signal) => {
        if (stopping) return;
        reject(new Error(`${name} ${worker.process.pid} stopped while starting (${signal ?? code})`));
        console.error(`${name} ${worker.process.pid} stopped (${signal ?? code}); starting another`);
        void fork();
      });
    });
  await Promise.all(Array.from({ length: count }, fork));
}

/** Asks a worker to finish its requests and stop; resolves when it has exited. */
async function stopWorker(worker: Worker): Promise<void> {
  if (worker.isDead()) return;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.process.kill('SIGTERM');
  await exited;
}

/**
 * The RPL demo's cases rest on the seeded training credentials, which the job queue issues after
 * start-up: once they are all issued, the cases are taken to their steps (once; never twice).
 */
async function seedRplDemoCasesWhenReady() {
  try {
    const deadline = Date.now() + 10 * 60_000;
    while (!(await rplDemoReady())) {
      if (Date.now() > deadline)
        return console.error('RPL demo cases skipped: training credentials not issued.');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const made = await seedRplDemoCases(new Date());
    if (made) console.log(`RPL demo: ${made} cases waiting at every step of the reviewers' workflow.`);
  } catch (error) {
    console.error('RPL demo cases could not be created', error);
  }
}

/** Serves the API from this process; stopping answers open requests, then stops `jobs`. */
async function serveHttp(jobs: Awaited<ReturnType<typeof startJobs>>) {
  const api = await createApp(config);
  // An HTTP worker of several binds its own socket (Linux spreads connections over them; port 0
  // would give each worker another port); the primary hears it is ready from the worker itself.
  const ownSocket = cluster.isWorker && process.platform === 'linux' && config.port !== 0;
  const server = await api.listen(config.port, { ownSocket });
  if (cluster.isWorker) process.send?.('ready');
  onShutdown(async () => {
    await closeServer(server);
    await api.stop();
    await stopJobs(jobs);
  });
}

/** Stops accepting connections and resolves once open requests are answered. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

async function shutdown() {
  for (const step of shutdownSteps) await step();
  await closeDatabase();
  process.exit(0);
}
process.once('SIGTERM', shutdown);
// Ctrl+C reaches every process of the group: the primary stops its workers in order; a worker
// leaves stopping to the primary, or it would be replaced as if it had crashed.
if (cluster.isWorker) process.on('SIGINT', () => {});
else process.once('SIGINT', shutdown);
