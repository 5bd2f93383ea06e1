import { testDatabaseKind } from '@kmg/db/testing';
import { translateError } from '@kmg/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callInput, demo, globalId, MOTIVATION, seededIds } from '#test/fixtures.ts';
import { type GraphQLResponse, startTestApi, type TestApi, type TestClient } from '#test/harness.ts';

let api: TestApi;
let production: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  production = await startTestApi({ isProduction: true });
});
afterAll(async () => {
  await api?.close();
  await production?.close();
});

describe('GraphQL hardening', () => {
  it('refuses queries nested deeper than the limit', async () => {
    const deep = `query { trainingCalls(first: 1) { edges { node { provider { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } } } }`;
    const result = await api.client().gql(deep);
    expect(result.errors?.[0]?.message).toMatch(/depth/i);
    expect(result.data ?? null).toBeNull();
  });

  it('refuses very large aliased queries', async () => {
    const aliases = Array.from({ length: 30 }, (_, index) => `a${index}: skillAreas { name }`).join(' ');
    const result = await api.client().gql(`query { ${aliases} }`);
    expect(result.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('turns introspection off in production and keeps it for development tools', async () => {
    const query = `query { __schema { queryType { name } } }`;
    expect((await api.client().gql(query)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const refused = await production.client().gql(query);
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('sends security headers with every response', async () => {
    const response = await fetch(`${api.url}/healthz`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

/** A raw POST to /graphql: the status, the content type and the body, which must be JSON. */
async function postGraphQL(target: TestApi, body: string) {
  const response = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    json: JSON.parse(await response.text()) as GraphQLResponse,
  };
}

describe('bad input is answered with 400, never 500', () => {
  const aliases = (count: number) =>
    `{ ${Array.from({ length: count }, (_, index) => `a${index}: skillAreas { name }`).join(' ')} }`;
  it.each([
    ['a syntax error', '{', /syntax error/i, 'GRAPHQL_PARSE_FAILED'],
    [
      'an unterminated string',
      '{ trainingCalls(filter: { search: "las }) { totalCount } }',
      /syntax error/i,
      'GRAPHQL_PARSE_FAILED',
    ],
    ['1,000 aliases', aliases(1000), /tokens/i, 'GRAPHQL_PARSE_FAILED'],
    ['4,000 fields', `{ ${'__typename '.repeat(4000)}}`, /tokens/i, 'GRAPHQL_PARSE_FAILED'],
    ['30 aliases', aliases(30), /alias/i, 'GRAPHQL_VALIDATION_FAILED'],
  ])('refuses %s with 400 and a JSON error that says why', async (_name, query, message, code) => {
    for (const target of [api, production]) {
      const { status, type, json } = await postGraphQL(target, JSON.stringify({ query }));
      expect(status).toBe(400);
      expect(type).toContain('application/json');
      expect(json.errors?.[0]?.message).toMatch(message);
      expect(json.errors?.[0]?.extensions?.code).toBe(code);
    }
  });

  it.each([
    ['a body that is not JSON', '{', 400, /JSON/],
    [
      'a body over 1 MB',
      JSON.stringify({ query: `{ __typename } #${'x'.repeat(1_100_000)}` }),
      413,
      /too large/i,
    ],
  ])('answers %s with a 4xx and a JSON error', async (_name, body, expected, message) => {
    const { status, type, json } = await postGraphQL(production, body);
    expect(status).toBe(expected);
    expect(type).toContain('application/json');
    expect(json.errors?.[0]?.message).toMatch(message);
    expect(json.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });
});

// From here on the tests talk to `production`: started last, it owns the process-wide database the
// schema reads (`db()`), so the users it signs in are the ones the schema finds.

// PostgreSQL text cannot hold U+0000: the shared input rules refuse it as a field error, and text
// that reaches a query without those rules must still come back as bad input, not a server error.
describe('a NUL character in text', () => {
  const NUL = '\u0000';
  const fieldErrors = `... on ValidationError { fieldErrors { path code message } } ... on Error { code message }`;

  it.each([
    [
      'a motivation',
      { as: demo.teacher, locale: 'id' as const },
      `mutation ($callId: ID!, $motivation: String!) { applyToCall(callId: $callId, motivation: $motivation) { __typename ${fieldErrors} } }`,
      (ids: Ids) => ({ callId: ids.openCall, motivation: `${MOTIVATION}${NUL}` }),
      ['motivation'],
    ],
    [
      "a call's title",
      { as: demo.manager, locale: 'en' as const },
      `mutation ($input: TrainingCallInput!) { createTrainingCall(input: $input) { __typename ${fieldErrors} } }`,
      (ids: Ids) => ({ input: { ...callInput(ids), title: `Pengelasan${NUL} GMAW` } }),
      ['input', 'title'],
    ],
    [
      "a teacher's name",
      { as: null, locale: 'id' as const },
      `mutation ($input: TeacherRegistrationInput!) { registerTeacher(input: $input) { __typename ${fieldErrors} } }`,
      () => ({
        input: {
          name: `Sri${NUL} Wahyuni`,
          nuptk: '1234567890123456',
          npsn: '20328921',
          email: 'sri.nul@kmg.test',
          password: 'rahasia-sekali',
          subject: 'Teknik Pengelasan',
          employmentStatus: 'PNS',
          teachingSince: '2012-07-16',
          birthDate: '1987-03-21',
        },
      }),
      ['input', 'name'],
    ],
    [
      "a call's cancellation reason",
      { as: demo.manager, locale: 'en' as const },
      `mutation ($id: ID!, $reason: String!) { cancelTrainingCall(id: $id, reason: $reason) { __typename ${fieldErrors} } }`,
      (ids: Ids) => ({ id: ids.openCall, reason: `Penyelenggara${NUL} berhalangan` }),
      ['reason'],
    ],
  ])(
    "refuses it in %s as a field error in the reader's language",
    async (_name, who, mutation, variables, path) => {
      const ids = await seededIds(production);
      const client = who.as
        ? await production.signIn(who.as, { locale: who.locale })
        : production.client({ locale: who.locale });
      const result = await client.gql(mutation, variables(ids));
      expect(result.errors).toBeUndefined();
      const [payload] = Object.values(result.data ?? {}) as { __typename: string; fieldErrors: unknown[] }[];
      expect(payload?.__typename).toBe('ValidationError');
      expect(payload?.fieldErrors).toContainEqual({
        path,
        code: 'INVALID_CHARACTER',
        message: translateError('INVALID_CHARACTER', who.locale),
      });
    },
  );

  it.each([
    ['the call search', 'String', '{ trainingCalls(filter: { search: $text }) { totalCount } }'],
    ['skill-area codes', 'String', '{ trainingCalls(filter: { skillAreaCodes: [$text] }) { totalCount } }'],
    ['province codes', 'String', '{ trainingCalls(filter: { provinces: [$text] }) { totalCount } }'],
    ['the account search', 'String', '{ users(filter: { search: $text }) { totalCount } }'],
    ['an issuer slug', 'String', '{ issuer(slug: $text) { name } }'],
    ['an SKKNI code', 'String', '{ skkniUnit(code: $text) { title } }'],
    ['an NPSN', 'String', '{ schoolByNpsn(npsn: $text) { name } }'],
    ['a credential id', 'String', '{ credentialById(id: $text) { id } }'],
    ['a call id', 'ID', '{ trainingCall(id: $text) { title } }'],
  ])('answers it in %s as bad input, never a server error', async (_name, type, selection) => {
    const admin = await production.signIn(demo.admin);
    const query = `query ($text: ${type}!) ${selection}`;
    const texts =
      type === 'ID'
        ? [
            globalId('TrainingCall', NUL),
            globalId('TrainingCall', `00000000-0000-4000-8000-00000000000${NUL}`),
          ]
        : [NUL, `las${NUL}`];
    for (const text of texts) {
      const response = await admin.request('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { text } }),
      });
      const result = (await response.json()) as GraphQLResponse;
      expect(response.status).toBeLessThan(500);
      for (const error of result.errors ?? []) expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('the call search', () => {
  const SEARCH =
    'query ($search: String) { trainingCalls(filter: { search: $search }, first: 100) { totalCount edges { node { title } } } }';

  it.each(['_', '%', '\\', '%%', '_%_'])('reads %j as itself, not as a wildcard', async (search) => {
    const result = await production.client().data(SEARCH, { search });
    expect(result.trainingCalls.totalCount).toBe(0);
  });

  it('still finds titles that hold %, _ and \\', async () => {
    const ids = await seededIds(production);
    const manager = await production.signIn(demo.manager);
    const title = 'Las 100% praktik_bengkel \\ GMAW';
    await manager.data(
      'mutation ($input: TrainingCallInput!) { createTrainingCall(input: $input) { __typename } }',
      { input: { ...callInput(ids), title } },
    );
    for (const search of ['100%', 'praktik_bengkel', '% praktik_', '\\ GMAW']) {
      const result = await manager.data(SEARCH, { search });
      expect(
        result.trainingCalls.edges.map((edge: { node: { title: string } }) => edge.node.title),
        search,
      ).toEqual([title]);
    }
    expect((await manager.data(SEARCH, { search: '10_%' })).trainingCalls.totalCount).toBe(0);
  });
});

describe('the account search', () => {
  it.each(['_', '%', '\\'])('reads %j as itself, not as a wildcard', async (search) => {
    const admin = await production.signIn(demo.admin);
    const result = await admin.data(
      'query ($search: String) { users(filter: { search: $search }, first: 5) { totalCount } }',
      { search },
    );
    expect(result.users.totalCount).toBe(0);
  });
});

// PGlite runs inside this process: there are no connections to drop, so these run on PostgreSQL only.
describe.skipIf(testDatabaseKind() === 'pglite')('a dropped database connection', () => {
  let busy: TestApi;
  beforeAll(async () => {
    // Without the job queue, whose connections are not the API's. Started last, it owns `db()`.
    busy = await startTestApi({}, { jobs: false });
  });
  afterAll(() => busy?.close());

  const CALLS = '{ trainingCalls(first: 5) { totalCount edges { node { title } } } }';
  const MARK_READ = 'mutation { markNotificationsRead }';

  /**
   * Sends a request while another session holds `table` locked and, once the API's statement waits
   * on the lock, terminates API connections: only those waiting, or every one (as a PostgreSQL
   * restart does). Then lets go of the lock and returns the answer.
   */
  async function dropConnectionsDuring(
    table: string,
    which: 'waiting' | 'all',
    send: () => Promise<{ status: number; retryAfter: string | null; json: GraphQLResponse }>,
  ) {
    const locker = new pg.Client({ connectionString: busy.database.url ?? '' });
    const killer = new pg.Client({ connectionString: busy.database.url ?? '' });
    await Promise.all([locker.connect(), killer.connect()]);
    try {
      const lockerPid = (await locker.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
      const answer = send();
      const others = `datname = current_database() AND pid NOT IN (pg_backend_pid(), ${lockerPid})`;
      const waiting = `${others} AND wait_event_type = 'Lock'`;
      for (const started = Date.now(); ; await new Promise((resolve) => setTimeout(resolve, 20))) {
        if ((await killer.query(`SELECT 1 FROM pg_stat_activity WHERE ${waiting}`)).rowCount) break;
        if (Date.now() - started > 10_000) throw new Error(`no statement waited on ${table}`);
      }
      const killed = await killer.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE ${which === 'all' ? others : waiting}`,
      );
      expect(killed.rowCount).toBeGreaterThan(0);
      await locker.query('COMMIT');
      return await answer;
    } finally {
      await Promise.all([locker.end(), killer.end()]);
    }
  }

  async function post(client: TestClient, query: string) {
    const response = await client.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      json: (await response.json()) as GraphQLResponse,
    };
  }

  it('reads again on a fresh connection when a query loses its own', async () => {
    const { status, json } = await dropConnectionsDuring('training_calls', 'waiting', () =>
      post(busy.client(), CALLS),
    );
    expect(json.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(json.data?.trainingCalls).toMatchObject({ totalCount: expect.any(Number) });
  });

  it('answers a query after a restart with data or SERVICE_BUSY, never a server error', async () => {
    const { status, retryAfter, json } = await dropConnectionsDuring('training_calls', 'all', () =>
      post(busy.client({ locale: 'en' }), CALLS),
    );
    if (json.errors) {
      expect(status).toBe(503);
      expect(retryAfter).toBe('5');
      expect(json.errors.map((error) => error.extensions?.code)).toEqual(
        json.errors.map(() => 'SERVICE_BUSY'),
      );
    } else {
      expect(status).toBe(200);
    }
  });

  it('answers a mutation that lost its connection with 503 SERVICE_BUSY and Retry-After', async () => {
    const teacher = await busy.signIn(demo.teacher, { locale: 'en' });
    const { status, retryAfter, json } = await dropConnectionsDuring('notifications', 'all', () =>
      post(teacher, MARK_READ),
    );
    expect(status).toBe(503);
    expect(retryAfter).toBe('5');
    expect(json.errors).toEqual([
      {
        message: translateError('BUSY', 'en'),
        path: ['markNotificationsRead'],
        extensions: { code: 'SERVICE_BUSY' },
      },
    ]);
    // The pool replaced the dropped connections: the same mutation now goes through.
    expect((await post(teacher, MARK_READ)).json.errors).toBeUndefined();
  });

  it('answers a plain route that lost its connection with data or a 503, never a 500', async () => {
    const { status, retryAfter, json } = await dropConnectionsDuring('organizations', 'all', async () => {
      const response = await busy.client({ locale: 'en' }).request('/issuers/pt-unggul-semesta/did.json');
      return {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        json: (await response.json()) as GraphQLResponse,
      };
    });
    // The issuer has no key in a fresh test database, so its document is 404; a read that lost its
    // connection is read again, or answered 503.
    expect(status).not.toBe(500);
    if (status !== 503) return;
    expect(retryAfter).toBe('5');
    expect(json).toEqual({ code: 'SERVICE_BUSY', message: translateError('BUSY', 'en') });
  });
});

type Ids = Awaited<ReturnType<typeof seededIds>>;
