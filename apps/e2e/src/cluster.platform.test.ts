// `pnpm start` on a PostgreSQL server: the primary migrates and works the job queue, one HTTP
// worker per core serves the port; a worker that dies is replaced, and SIGTERM stops them all.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
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

/** The primary's HTTP workers, by process id. */
function workersOf(primary: ChildProcess): number[] {
  try {
    return execFileSync('ps', ['--ppid', String(primary.pid), '-o', 'pid='], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((pid) => pid > 0);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

describe.skipIf(!serverUrl)('pnpm start on PostgreSQL', () => {
  const database = `kmg_cluster_${process.pid}`;
  let admin: pg.Client;
  let folder: string;
  let primary: ChildProcess;
  let output = '';
  const port = 20_000 + (process.pid % 20_000);
  const url = `http://127.0.0.1:${port}`;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    folder = await mkdtemp(join(tmpdir(), 'kmg-cluster-'));
    const databaseUrl = new URL(serverUrl as string);
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
      for (const pid of workersOf(primary)) process.kill(pid, 'SIGKILL');
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
    expect(workersOf(primary)).toHaveLength(WORKERS);
    expect((await answers()).data?.trainingCalls.totalCount).toBe(0);
  });

  it('replaces a worker that dies, and keeps answering meanwhile', async () => {
    const [victim, survivor] = workersOf(primary);
    process.kill(victim as number, 'SIGKILL');
    const replaced = await until('a replacement worker', () => {
      const now = workersOf(primary);
      return now.length === WORKERS && !now.includes(victim as number) ? now : undefined;
    });
    expect(replaced).toContain(survivor);
    expect(output).toContain(`HTTP worker ${victim} stopped (SIGKILL); starting another`);
    expect((await answers()).data?.trainingCalls.totalCount).toBe(0);
  });

  it('stops every process on SIGTERM, with exit code 0', async () => {
    const workers = workersOf(primary);
    const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  });
});
