// The API as `pnpm start` runs it (dist/main.js: a primary that migrates and works the job queue,
// and one HTTP worker per core on PostgreSQL), started on a benchmark's database for the benches
// that measure it through HTTP.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { BENCH_SECRET } from '#bench/app-config.ts';

/** dist/main.js beside dist/bench.js: the bench runs from the same build as `pnpm start`. */
const mainScript = fileURLToPath(new URL('./main.js', import.meta.url));

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  await once(probe, 'close');
  return port;
}

export type RunningPlatform = { port: number; workers: number; stop(): Promise<void> };

/**
 * Starts dist/main.js on `databaseUrl` (already migrated and seeded) with `workers` HTTP workers
 * (default: what `pnpm start` picks, one per core), in production mode, and resolves once it
 * answers its health check.
 */
export async function startPlatform(
  databaseUrl: string,
  workers = availableParallelism(),
): Promise<RunningPlatform> {
  const port = await freePort();
  const folder = await mkdtemp(join(tmpdir(), 'kmg-bench-platform-'));
  // KMG_BENCH_NODE_FLAGS: node flags for the platform under test and its workers, such as
  // `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where its time goes.
  const flags = (process.env.KMG_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...flags, mainScript], {
    cwd: folder,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      KMG_HTTP_WORKERS: String(workers),
      KMG_DEMO_DATA: 'false',
      KMG_PUBLIC_URL: `http://127.0.0.1:${port}`,
      KMG_MAIL_DIR: join(folder, 'mail'),
      KMG_UPLOAD_DIR: join(folder, 'uploads'),
      KMG_WEB_ROOT: join(folder, 'no-apps'),
      BETTER_AUTH_SECRET: BENCH_SECRET,
      KMG_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The primary prints its banner once every HTTP worker listens.
  let output = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    output += chunk;
  });
  const exited = once(child, 'exit');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    await rm(folder, { recursive: true, force: true });
  };
  // Ready when every worker listens (the banner) and the health check answers.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dist/main.js stopped while starting (${child.exitCode})`);
    const healthy =
      output.includes('KMG is running') &&
      (await fetch(`http://127.0.0.1:${port}/healthz`)
        .then((response) => response.ok)
        .catch(() => false));
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await waitForIdleQueue(databaseUrl);
  return { port, workers, stop };
}

/**
 * Waits until the job queue has nothing due: the seeded credentials are issued (and pathways
 * evaluated) once after start-up, work that would otherwise be timed as part of the first bench;
 * and a burst's emails are sent before the platform stops (a job taken but cut short by the stop
 * would wait out its expiry before another process may take it).
 */
export async function waitForIdleQueue(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query<{ due: number }>(
        `SELECT count(*)::int AS due FROM pgboss.job
         WHERE state IN ('created', 'retry', 'active') AND start_after <= now()`,
      );
      if (rows[0]?.due === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await client.end();
  }
}
