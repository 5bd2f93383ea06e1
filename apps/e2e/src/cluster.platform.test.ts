// `pnpm start` on a PostgreSQL server: the primary migrates, one HTTP worker per core serves the
// port (each on a socket of its own, on Linux), and one jobs worker works the queue below normal CPU priority; a worker that dies is
// replaced, and SIGTERM stops them all.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const apiDist = fileURLToPath(new URL('../../api/dist/main.js', import.meta.url));
const serverUrl = process.env.TEST_DATABASE_URL;
const WORKERS = 2;

/** Waits for a condition (checked every 200 ms), up to two minutes. */
async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

type Child = { pid: number; niceness: number };

/** The primary's workers (HTTP and jobs), by process id, with their niceness. */
function childrenOf(primary: ChildProcess): Child[] {
  try {
    return execFileSync('ps', ['--ppid', String(primary.pid), '-o', 'pid=,ni='], { encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim().split(/\s+/).map(Number))
      .filter(([pid]) => pid !== undefined && pid > 0)
      .map(([pid, niceness]) => ({ pid: pid as number, niceness: niceness as number }));
  } catch {
    return []; // ps exits 1 when there are none
  }
}

/** The HTTP workers run at the primary's priority (the test's own, 0 here); the jobs worker's is lower. */
const JOBS_NICENESS = 10;
const httpWorkersOf = (primary: ChildProcess) =>
  childrenOf(primary)
    .filter((child) => child.niceness < JOBS_NICENESS)
    .map((child) => child.pid);
const jobsWorkersOf = (primary: ChildProcess) =>
  childrenOf(primary)
    .filter((child) => child.niceness >= JOBS_NICENESS)
    .map((child) => child.pid);

/**
 * Of `pids`, those holding a listening TCP socket on `port` (Linux: the sockets of /proc/net/tcp
 * and tcp6 in state LISTEN, matched by inode to each process' open files).
 */
function listenersOn(port: number, pids: number[]): number[] {
  const listening = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const localPort = Number.parseInt(fields[1]?.split(':')[1] ?? '', 16);
      if (localPort === port && fields[3] === '0A') listening.add(fields[9] as string);
    }
  }
  return pids.filter((pid) => {
    try {
      return readdirSync(`/proc/${pid}/fd`).some((fd) => {
        const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        return inode !== undefined && listening.has(inode);
      });
    } catch {
      return false; // gone meanwhile
    }
  });
}

describe.skipIf(!serverUrl)('pnpm start on PostgreSQL', () => {
  const database = `kmg_cluster_${process.pid}`;
  let admin: pg.Client;
  let folder: string;
  let primary: ChildProcess;
  let output = '';
  let databaseUrl: URL;
  const port = 20_000 + (process.pid % 20_000);
  const url = `http://127.0.0.1:${port}`;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    folder = await mkdtemp(join(tmpdir(), 'kmg-cluster-'));
    databaseUrl = new URL(serverUrl as string);
    databaseUrl.pathname = `/${database}`;
    primary = spawn(process.execPath, [apiDist], {
      cwd: folder,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl.toString(),
        PORT: String(port),
        KMG_HTTP_WORKERS: String(WORKERS),
        KMG_DEMO_DATA: 'false',
        KMG_PUBLIC_URL: url,
        KMG_DATA_DIR: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    primary.stdout?.on('data', (chunk) => (output += chunk));
    primary.stderr?.on('data', (chunk) => (output += chunk));
    await until('the platform to start', () => {
      if (primary.exitCode !== null) throw new Error(`The platform exited early:\n${output}`);
      return output.includes('KMG is running') ? true : undefined;
    });
  });

  afterAll(async () => {
    if (primary && primary.exitCode === null) {
      primary.kill('SIGKILL');
      for (const { pid } of childrenOf(primary)) process.kill(pid, 'SIGKILL');
    }
    await admin?.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin?.end();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  const answers = async () =>
    (await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ trainingCalls(first: 1) { totalCount } }' }),
    }).then((response) => response.json())) as { data?: { trainingCalls: { totalCount: number } } };

  it('serves the API from one HTTP worker per requested core', async () => {
    expect(output).toContain(`HTTP workers     ${WORKERS}`);
    expect(httpWorkersOf(primary)).toHaveLength(WORKERS);
    expect((await answers()).data?.trainingCalls.totalCount).toBe(0);
  });

  it.runIf(process.platform === 'linux')(
    'has each HTTP worker listen on the port itself, so that no new connection passes through the primary',
    () => {
      const workers = httpWorkersOf(primary);
      expect(listenersOn(port, workers)).toEqual(workers);
      expect(listenersOn(port, [primary.pid as number, ...jobsWorkersOf(primary)])).toEqual([]);
    },
  );

  it('works the job queue in one process of its own, below normal CPU priority', async () => {
    expect(output).toContain('Jobs worker      1, below normal CPU priority');
    expect(jobsWorkersOf(primary)).toHaveLength(1);
    // Only the jobs worker works the queue (the primary and the HTTP workers only enqueue): the
    // dashboard refresh queued at start-up is done by it.
    const client = new pg.Client({ connectionString: databaseUrl.toString() });
    await client.connect();
    try {
      const refreshed = await until('the first dashboard refresh', async () => {
        const { rows } = await client.query<{ done: number }>(
          `SELECT count(*)::int AS done FROM pgboss.job WHERE name = 'dashboard-facts' AND state = 'completed'`,
        );
        const done = rows[0]?.done ?? 0;
        return done > 0 ? done : undefined;
      });
      expect(refreshed).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });

  it('replaces a worker that dies, and keeps answering meanwhile', async () => {
    const [victim, survivor] = httpWorkersOf(primary);
    process.kill(victim as number, 'SIGKILL');
    const replaced = await until('a replacement worker', () => {
      const now = httpWorkersOf(primary);
      return now.length === WORKERS && !now.includes(victim as number) ? now : undefined;
    });
    expect(replaced).toContain(survivor);
    expect(output).toContain(`HTTP worker ${victim} stopped (SIGKILL); starting another`);
    expect((await answers()).data?.trainingCalls.totalCount).toBe(0);
    // The replacement listens on the port too, once it is ready.
    if (process.platform === 'linux') {
      await until('the replacement to listen', () =>
        listenersOn(port, replaced).length === WORKERS ? true : undefined,
      );
    }

    const [jobsWorker] = jobsWorkersOf(primary);
    process.kill(jobsWorker as number, 'SIGKILL');
    await until('a replacement jobs worker', () => {
      const now = jobsWorkersOf(primary);
      return now.length === 1 && !now.includes(jobsWorker as number) ? now : undefined;
    });
    expect(output).toContain(`Jobs worker ${jobsWorker} stopped (SIGKILL); starting another`);
    expect(httpWorkersOf(primary)).toEqual(expect.arrayContaining(replaced));
  });

  it('stops every process on SIGTERM, with exit code 0', async () => {
    const workers = childrenOf(primary).map((child) => child.pid);
    expect(workers).toHaveLength(WORKERS + 1);
    const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  });
});
