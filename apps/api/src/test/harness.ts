// A real API for tests: its own database (PGlite in memory, or a fresh PostgreSQL database), the
// demo seed, the Express app on a free port, and clients that keep their session cookie.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureCredentials } from '@kmg/core/credentials/config';
import { type Database, queueNames, useDatabase } from '@kmg/db';
import { seedDemoData } from '@kmg/db/seed';
import { createTestDatabase, type TestDatabase } from '@kmg/db/testing';
import { type ApiConfig, createApp } from '#app.ts';
import { startJobs, stopJobs } from '#jobs/index.ts';
import { sessionCookie } from '#test/sessions.ts';

/**
 * The API's clock in a test: the system clock until the test sets it. Deadlines, application
 * windows and validity are then judged at the time the test says, by requests and jobs alike,
 * instead of dates being moved in the database. Sign-in sessions stay on the real clock.
 */
export type TestClock = {
  now(): Date;
  /** Stops the clock at this instant: every request and job sees it until it is moved or reset. */
  set(instant: Date | string): void;
  /** Moves the clock on by `ms` (a stopped clock stays stopped; a running one runs that far ahead). */
  advance(ms: number): void;
  /** Back to the system clock. */
  reset(): void;
};

export function createTestClock(): TestClock {
  let stoppedAt: number | null = null;
  let ahead = 0;
  return {
    now: () => new Date(stoppedAt ?? Date.now() + ahead),
    set(instant) {
      stoppedAt = new Date(instant).getTime();
    },
    advance(ms) {
      if (stoppedAt === null) ahead += ms;
      else stoppedAt += ms;
    },
    reset() {
      stoppedAt = null;
      ahead = 0;
    },
  };
}

export type TestApi = {
  url: string;
  /** The time the API judges by: set or advance it to test deadlines and windows. */
  clock: TestClock;
  database: TestDatabase;
  /** Where emails are written (one .eml file per message). */
  mailDir: string;
  /** Waits (up to 60 s, for a loaded machine) for an email to `to` whose text matches, as the outbox delivers it. */
  waitForEmail(to: string, pattern: RegExp): Promise<string>;
  /** SQL statements run since the last `resetQueries()`. */
  queries: string[];
  resetQueries(): void;
  client(options?: { locale?: 'id' | 'en' }): TestClient;
  signIn(identifier: string, options?: { locale?: 'id' | 'en'; password?: string }): Promise<TestClient>;
  /**
   * A client signed in as the user without going through password checks: for load tests with
   * hundreds of users. The session row and signed cookie are exactly what better-auth writes.
   */
  sessionFor(userId: string): Promise<TestClient>;
  close(): Promise<void>;
};

const TEST_SECRET = 'test-secret-test-secret-test-secret-0123';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export type TestApiOptions = {
  /**
   * Run the background workers (email, credential issuance). Off for tests that count SQL
   * statements, which must see only what the request runs.
   */
  jobs?: boolean;
};

/** Whether credentials, pathway evaluations or CLR bundles the demo seed set off are still queued. */
async function seededWorkPending(database: TestDatabase): Promise<boolean> {
  if (await database.prisma.credentialIssuance.count({ where: { status: 'QUEUED' } })) return true;
  const [row] = await database.prisma.$queryRaw<{ pending: bigint }[]>`
    SELECT count(*) AS pending FROM pgboss.job
    WHERE name IN (${queueNames.evaluatePathways}, ${queueNames.pathwayClr}, ${queueNames.issueCredential})
      AND state IN ('created', 'retry', 'active')`;
  return Number(row?.pending ?? 0) > 0;
}

export async function startTestApi(
  overrides: Partial<ApiConfig> = {},
  options: TestApiOptions = {},
): Promise<TestApi> {
  const queries: string[] = [];
  const clock = createTestClock();
  const database = await createTestDatabase({ onQuery: (event) => queries.push(event.query) });
  useDatabase(database as Database);
  await seedDemoData(database.prisma);
  const mailDir = await mkdtemp(join(tmpdir(), 'kmg-mail-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  configureCredentials({
    publicUrl: url,
    keks: [{ id: 'test-kek', key: new Uint8Array(randomBytes(32)) }],
    parentOrganizationCode: 'dit-smk',
  });
  const jobs =
    options.jobs === false
      ? null
      : await startJobs(database, {
          mail: { kind: 'folder', dir: mailDir, from: 'KMG <no-reply@kmg.test>' },
          pollingIntervalSeconds: 0.5,
          sweepSchedule: null,
          signInThrottlesSchedule: null,
          dashboardRefresh: false,
          clock: clock.now,
        });
  // The demo seed queues credentials for the 2025 trainings, and those complete demo pathways
  // (awards, CLR bundles): let all of it finish before tests run, so tests measure only their own.
  for (const started = Date.now(); jobs && (await seededWorkPending(database)); ) {
    if (Date.now() - started > 180_000) throw new Error('demo credentials were not issued within 3 minutes');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const api = await createApp({
    publicUrl: url,
    secret: TEST_SECRET,
    trustedOrigins: [],
    isProduction: false,
    webRoot: null,
    trustProxy: false,
    signInAttemptsPerMinute: 1000,
    storage: { kind: 'disk', dir: join(mailDir, 'uploads') },
    clock: clock.now,
    ...overrides,
  });
  const server: Server = (await api.listen(port, { host: '127.0.0.1' })) as unknown as Server;
  const client = (options: { locale?: 'id' | 'en' } = {}) => new TestClient(url, options.locale ?? 'id');
  return {
    url,
    clock,
    database,
    mailDir,
    async waitForEmail(to, pattern) {
      const deadline = Date.now() + 60_000;
      for (;;) {
        for (const file of (await readdir(mailDir)).filter((name) => name.endsWith('.eml'))) {
          const text = await readFile(join(mailDir, file), 'utf8');
          if (text.includes(`To: ${to}`) && pattern.test(text)) return text;
        }
        if (Date.now() > deadline) throw new Error(`no email to ${to} matching ${pattern}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    queries,
    resetQueries: () => {
      queries.length = 0;
    },
    client,
    async signIn(identifier, options = {}) {
      const c = client(options);
      const response = await c.signIn(identifier, options.password ?? 'demo-kmg-2026');
      if (response.status !== 200) throw new Error(`sign-in of ${identifier} failed: ${response.status}`);
      return c;
    },
    async sessionFor(userId) {
      const c = client();
      c.cookie = await sessionCookie(database.prisma, TEST_SECRET, userId);
      return c;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.stop();
      if (jobs) await stopJobs(jobs);
      await database.drop();
      await rm(mailDir, { recursive: true, force: true });
    },
  };
}

export type GraphQLResponse<T = Record<string, unknown>> = {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
};

export class TestClient {
  cookie = '';
  readonly url: string;
  locale: 'id' | 'en';

  constructor(url: string, locale: 'id' | 'en') {
    this.url = url;
    this.locale = locale;
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('origin', this.url);
    headers.set('accept-language', this.locale);
    if (this.cookie) headers.set('cookie', this.cookie);
    const response = await fetch(`${this.url}${path}`, { ...init, headers, redirect: 'manual' });
    const setCookies = response.headers.getSetCookie();
    if (setCookies.length > 0) {
      const jar = new Map(
        this.cookie
          .split('; ')
          .filter(Boolean)
          .map((pair) => pair.split('=') as [string, string]),
      );
      for (const line of setCookies) {
        const [pair] = line.split(';');
        const [name, ...value] = (pair ?? '').split('=');
        if (name) jar.set(name, value.join('='));
      }
      this.cookie = [...jar]
        .filter(([, value]) => value !== '')
        .map(([name, value]) => `${name}=${value}`)
        .join('; ');
    }
    return response;
  }

  signIn(identifier: string, password: string): Promise<Response> {
    const isNuptk = /^\d{16}$/.test(identifier);
    return this.request(isNuptk ? '/api/auth/sign-in/username' : '/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(isNuptk ? { username: identifier, password } : { email: identifier, password }),
    });
  }

  async gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await this.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }

  /** Data of a query that must succeed. */
  async data<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.gql<T>(query, variables);
    if (result.errors?.length || !result.data)
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  }
}
