import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_RENEWAL_SECONDS, SESSION_SECONDS, sweepSignInThrottles } from '#auth.ts';
import { demo } from '#test/fixtures.ts';
import { startTestApi, type TestApi } from '#test/harness.ts';

let api: TestApi;

beforeAll(async () => {
  // As behind a reverse proxy, so a test can sign in from many client addresses (X-Forwarded-For);
  // requests without the header come from 127.0.0.1 as before.
  api = await startTestApi({ signInAttemptsPerMinute: 5, trustProxy: true });
});
afterAll(() => api?.close());
// Start each test with a fresh allowance, per address and per account.
beforeEach(async () => {
  await api.database.prisma.rateLimit.deleteMany();
  await api.database.prisma.signInAddressWindow.deleteMany();
  await api.database.prisma.signInThrottle.deleteMany();
});

const ME = `query { me { name email roles locale teacherProfile { nuptk school { name npsn } } } }`;

const REGISTER = `mutation ($input: TeacherRegistrationInput!) { registerTeacher(input: $input) {
  __typename
  ... on RegisterTeacherSuccess { data { email nuptk schoolName } }
  ... on ValidationError { message fieldErrors { path code message } }
  ... on Error { code message }
} }`;

const registration = {
  name: 'Wayan Sudarsana',
  nuptk: '5171021204880011',
  npsn: '20328921',
  email: 'wayan.sudarsana@example.id',
  password: 'kata-sandi-panjang',
  subject: 'Teknik Kendaraan Ringan',
  employmentStatus: 'PPPK',
  teachingSince: '2016-07-18',
  birthDate: '1988-04-12',
};

describe('sign-in', () => {
  it('signs a teacher in with NUPTK or email into an httpOnly, SameSite cookie', async () => {
    const byNuptk = api.client();
    const response = await byNuptk.signIn(demo.teacherNuptk, 'demo-kmg-2026');
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await byNuptk.data(ME)).me).toMatchObject({ email: demo.teacher, roles: ['TEACHER'] });

    const byEmail = await api.signIn(demo.teacher);
    expect((await byEmail.data(ME)).me.teacherProfile.school.name).toBe('SMK Negeri 10 Semarang');
  });

  it("makes a language chosen before signing in the account's, once", async () => {
    const email = 'wahyu.nugroho@kmg.demo';
    try {
      // Chosen on the sign-in page: the account (Indonesian) takes English.
      const chose = api.client();
      chose.cookie = 'kmg.locale-choice=en';
      const response = await chose.signIn(email, 'demo-kmg-2026');
      expect(response.status).toBe(200);
      expect(response.headers.getSetCookie().join('\n')).toMatch(/kmg\.locale-choice=;.*Max-Age=0/i);
      expect(chose.cookie).not.toContain('kmg.locale-choice');
      expect((await chose.data(ME)).me.locale).toBe('en');
      // Nothing chosen: the account keeps its language on another device.
      const other = await api.signIn(email);
      expect((await other.data(ME)).me.locale).toBe('en');
      // A value that is no language changes nothing, and is cleared too.
      const odd = api.client();
      odd.cookie = 'kmg.locale-choice=fr';
      const oddResponse = await odd.signIn(email, 'demo-kmg-2026');
      expect(oddResponse.headers.getSetCookie().join('\n')).toMatch(/kmg\.locale-choice=;/);
      expect((await odd.data(ME)).me.locale).toBe('en');
      // A failed sign-in leaves the account alone and the choice waiting.
      const wrong = api.client();
      wrong.cookie = 'kmg.locale-choice=id';
      expect((await wrong.signIn(email, 'salah-sandi-123')).status).toBe(401);
      expect(wrong.cookie).toContain('kmg.locale-choice=id');
      const [row] = await api.database.prisma.user.findMany({ where: { email } });
      expect(row?.locale).toBe('en');
    } finally {
      await api.database.prisma.user.update({ where: { email }, data: { locale: 'id' } });
    }
  });

  it('refuses a wrong password and treats the caller as anonymous', async () => {
    const client = api.client();
    expect((await client.signIn(demo.manager, 'salah-sandi-123')).status).toBe(401);
    expect((await client.data(ME)).me).toBeNull();
  });

  it('signs out', async () => {
    const client = await api.signIn(demo.manager);
    const response = await client.request('/api/auth/sign-out', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect((await client.data(ME)).me).toBeNull();
  });

  it('rate-limits sign-in attempts from one address, whichever accounts they name', async () => {
    const client = api.client();
    const statuses: number[] = [];
    for (const email of [demo.principal, demo.manager, demo.provider, demo.admin, demo.lpdpManager]) {
      statuses.push((await client.signIn(email, 'wrong-password')).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const limited = await client.signIn(demo.teacher, 'demo-kmg-2026');
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it("refuses another site's requests made with a user's cookie (CSRF)", async () => {
    const victim = await api.signIn(demo.manager);
    const signOut = await fetch(`${api.url}/api/auth/sign-out`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example', cookie: victim.cookie },
      body: '{}',
    });
    expect(signOut.status).toBe(403);
    // A form or <img> can only send "simple" requests; Apollo refuses those outright.
    const simple = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: victim.cookie },
      body: JSON.stringify({ query: 'mutation { setMyLocale(locale: en) { locale } }' }),
    });
    expect(simple.status).toBe(400);
    expect((await victim.data(ME)).me.locale).toBe('id');
  });
  it('reads roles, organization and language with the session, and lets no one set them through its routes', async () => {
    const teacher = await api.signIn(demo.teacher);
    expect((await teacher.data(ME)).me).toMatchObject({ roles: ['TEACHER'], locale: 'id' });
    for (const change of [
      { roles: ['ADMIN'] },
      { organizationId: '00000000-0000-4000-8000-000000000000' },
      { locale: 'en' },
    ]) {
      const response = await teacher.request('/api/auth/update-user', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(change),
      });
      expect(response.status).toBe(400);
    }
    expect((await teacher.data(ME)).me).toMatchObject({ roles: ['TEACHER'], locale: 'id' });
    const [row] = await api.database.prisma.user.findMany({ where: { email: demo.teacher } });
    expect(row).toMatchObject({ roles: ['TEACHER'], locale: 'id' });
    expect(row?.organizationId).not.toBeNull();
  });
});

describe('reading the session of a request', () => {
  /** The session token in a client's cookie. */
  const tokenOf = (cookie: string) => {
    const pair = cookie.split('; ').find((each) => each.startsWith('better-auth.session_token='));
    return decodeURIComponent(pair?.slice(pair.indexOf('=') + 1) ?? '').split('.')[0] ?? '';
  };

  it('reads a live session and its user in one statement', async () => {
    const manager = await api.signIn(demo.manager);
    api.resetQueries();
    expect((await manager.data(ME)).me).toMatchObject({ email: demo.manager, roles: ['PROGRAM_MANAGER'] });
    const sessionReads = api.queries.filter((sql) => /\bsessions\b/.test(sql));
    expect(sessionReads).toHaveLength(1);
    expect(sessionReads[0]).toMatch(/JOIN users/);
  });

  it('refuses a cookie not signed with our secret, even naming a live session', async () => {
    const manager = await api.signIn(demo.manager);
    const token = tokenOf(manager.cookie);
    const forged = api.client();
    for (const secret of ['not-our-secret-not-our-secret-000000000', '']) {
      const signature = createHmac('sha256', secret).update(token).digest('base64');
      forged.cookie = `better-auth.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
      expect((await forged.data(ME)).me).toBeNull();
    }
    forged.cookie = `better-auth.session_token=${encodeURIComponent(token)}`;
    expect((await forged.data(ME)).me).toBeNull();
    expect((await manager.data(ME)).me).toMatchObject({ email: demo.manager });
  });

  it('ends an expired session and renews one a day old, as better-auth does', async () => {
    const prisma = api.database.prisma;
    const expired = await api.signIn(demo.manager);
    await prisma.session.update({
      where: { token: tokenOf(expired.cookie) },
      data: { expiresAt: new Date(Date.now() - 60_000) },
    });
    expect((await expired.data(ME)).me).toBeNull();
    expect(await prisma.session.count({ where: { token: tokenOf(expired.cookie) } })).toBe(0);

    const due = await api.signIn(demo.manager);
    const lastRenewed = Date.now() - (SESSION_RENEWAL_SECONDS + 60) * 1000;
    await prisma.session.update({
      where: { token: tokenOf(due.cookie) },
      data: { expiresAt: new Date(lastRenewed + SESSION_SECONDS * 1000) },
    });
    const before = Date.now();
    expect((await due.data(ME)).me).toMatchObject({ email: demo.manager });
    const renewed = await prisma.session.findUniqueOrThrow({ where: { token: tokenOf(due.cookie) } });
    expect(renewed.expiresAt.getTime()).toBeGreaterThanOrEqual(before + SESSION_SECONDS * 1000 - 1000);

    // Not yet a day old: read, left as it is.
    const fresh = await api.signIn(demo.manager);
    const { expiresAt } = await prisma.session.findUniqueOrThrow({ where: { token: tokenOf(fresh.cookie) } });
    expect((await fresh.data(ME)).me).toMatchObject({ email: demo.manager });
    expect(
      (await prisma.session.findUniqueOrThrow({ where: { token: tokenOf(fresh.cookie) } })).expiresAt,
    ).toEqual(expiresAt);
  });

  it('sees a role taken away at the next request', async () => {
    const prisma = api.database.prisma;
    const teacher = await api.signIn(demo.teacher);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: demo.teacher } });
    await prisma.user.update({ where: { id: user.id }, data: { roles: [] } });
    try {
      expect((await teacher.data(ME)).me).toMatchObject({ roles: [] });
    } finally {
      await prisma.user.update({ where: { id: user.id }, data: { roles: user.roles } });
    }
  });
});

describe('registerTeacher', () => {
  it('reports every bad field at once, in the request language', async () => {
    const client = api.client({ locale: 'en' });
    const { registerTeacher } = await client.data(REGISTER, {
      input: { ...registration, nuptk: '12345', npsn: '9', email: 'wayan@', password: 'pendek' },
    });
    expect(registerTeacher.__typename).toBe('ValidationError');
    expect(registerTeacher.fieldErrors).toEqual(
      expect.arrayContaining([
        { path: ['input', 'nuptk'], code: 'NUPTK_FORMAT', message: 'A NUPTK has 16 digits.' },
        { path: ['input', 'npsn'], code: 'NPSN_FORMAT', message: 'An NPSN has 8 digits.' },
        { path: ['input', 'email'], code: 'INVALID_EMAIL', message: 'Not a valid email address.' },
        {
          path: ['input', 'password'],
          code: 'PASSWORD_TOO_SHORT',
          message: 'The password needs at least 10 characters.',
        },
      ]),
    );
  });

  it('refuses an unknown school, a NUPTK or email already registered, and writes nothing', async () => {
    const before = await api.database.prisma.user.count();
    const unknownSchool = await api.client().data(REGISTER, { input: { ...registration, npsn: '99999999' } });
    expect(unknownSchool.registerTeacher.fieldErrors).toEqual([
      {
        path: ['input', 'npsn'],
        code: 'UNKNOWN_SCHOOL',
        message: 'Sekolah dengan NPSN ini belum terdaftar di KMG.',
      },
    ]);
    const taken = await api.client().data(REGISTER, {
      input: { ...registration, nuptk: demo.teacherNuptk, email: demo.teacher.toUpperCase() },
    });
    expect(taken.registerTeacher.fieldErrors.map((e: { code: string }) => e.code).sort()).toEqual([
      'EMAIL_TAKEN',
      'NUPTK_TAKEN',
    ]);
    expect(await api.database.prisma.user.count()).toBe(before);
  });

  it('creates the teacher with profile, who then signs in with NUPTK', async () => {
    const { registerTeacher } = await api.client().data(REGISTER, { input: registration });
    expect(registerTeacher.data).toEqual({
      email: 'wayan.sudarsana@example.id',
      nuptk: '5171021204880011',
      schoolName: 'SMK Negeri 10 Semarang',
    });
    const teacher = await api.signIn(registration.nuptk, { password: registration.password });
    expect((await teacher.data(ME)).me).toEqual({
      name: 'Wayan Sudarsana',
      email: 'wayan.sudarsana@example.id',
      roles: ['TEACHER'],
      locale: 'id',
      teacherProfile: {
        nuptk: '5171021204880011',
        school: { name: 'SMK Negeri 10 Semarang', npsn: '20328921' },
      },
    });
  });

  it('is for visitors: a signed-in user cannot register another account', async () => {
    const teacher = await api.signIn(demo.teacher);
    const result = await teacher.gql(REGISTER, {
      input: { ...registration, nuptk: '5171021204880099', email: 'x@example.id' },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('setMyLocale', () => {
  it('remembers the language per user', async () => {
    const teacher = await api.signIn(demo.otherTeacher);
    await teacher.data(`mutation { setMyLocale(locale: en) { locale } }`);
    const again = await api.signIn(demo.otherTeacher);
    expect((await again.data(ME)).me.locale).toBe('en');
  });
});

describe('sign-in limits per account', () => {
  const PASSWORD = 'demo-kmg-2026';
  /** A seeded teacher no other test signs in as: the password-reset test changes her password. */
  const nurAini = { email: 'nur.aini@kmg.demo', nuptk: '6202014204950010' };

  let lastAddress = 0;
  /** One sign-in from a client address no earlier request used, as guesses spread over a botnet. */
  async function signInFromNewAddress(identifier: string, password: string, locale: 'id' | 'en' = 'id') {
    lastAddress += 1;
    const client = api.client({ locale });
    const isNuptk = /^\d{16}$/.test(identifier);
    const response = await client.request(
      isNuptk ? '/api/auth/sign-in/username' : '/api/auth/sign-in/email',
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': `10.20.${lastAddress >> 8}.${lastAddress & 255}`,
        },
        body: JSON.stringify(isNuptk ? { username: identifier, password } : { email: identifier, password }),
      },
    );
    return { client, response };
  }

  /** Five wrong passwords for the account, alternating its email and its NUPTK. */
  async function failFiveTimes(account: { email: string; nuptk: string }) {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const identifier = attempt % 2 === 0 ? account.email : account.nuptk;
      statuses.push((await signInFromNewAddress(identifier, `salah-sandi-${attempt}`)).response.status);
    }
    return statuses;
  }

  const teacher = { email: demo.teacher, nuptk: demo.teacherNuptk };
  const retryAfter = (response: Response) => Number(response.headers.get('retry-after'));
  const expireLocks = () =>
    api.database.prisma.signInThrottle.updateMany({ data: { lockedUntil: new Date(Date.now() - 1_000) } });

  it('locks an account after 5 failures over both routes and many addresses, even for the right password', async () => {
    expect(await failFiveTimes(teacher)).toEqual([401, 401, 401, 401, 401]);

    for (const identifier of [teacher.email, teacher.nuptk]) {
      const { client, response } = await signInFromNewAddress(identifier, PASSWORD);
      expect(response.status).toBe(429);
      expect(retryAfter(response)).toBeGreaterThan(0);
      expect(retryAfter(response)).toBeLessThanOrEqual(30);
      expect(await response.json()).toEqual({
        code: 'ACCOUNT_LOCKED',
        message: expect.stringMatching(
          /^Terlalu banyak percobaan masuk yang gagal untuk akun ini\. Coba lagi dalam \d+ detik\.$/,
        ),
      });
      expect((await client.data(ME)).me).toBeNull();
    }
    const inEnglish = await signInFromNewAddress(teacher.email, PASSWORD, 'en');
    expect(await inEnglish.response.json()).toMatchObject({
      message: expect.stringMatching(
        /^Too many failed sign-in attempts for this account\. Try again in \d+ seconds\.$/,
      ),
    });
  });

  it('answers an email or NUPTK that has no account exactly as one that has', async () => {
    const answers = async (identifier: string) => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        statuses.push((await signInFromNewAddress(identifier, `salah-sandi-${attempt}`)).response.status);
      }
      const { response } = await signInFromNewAddress(identifier, PASSWORD);
      const body = JSON.stringify(await response.json()).replace(/\d+/g, 'N');
      return { statuses, locked: response.status, hasRetryAfter: retryAfter(response) > 0, body };
    };
    const real = await answers(teacher.email);
    expect(real.locked).toBe(429);
    expect(await answers('tidak.ada@kmg.demo')).toEqual(real);
    await api.database.prisma.signInThrottle.deleteMany();
    expect(await answers('9999999999999999')).toEqual(await answers(teacher.nuptk));
  });

  it('leaves other accounts alone', async () => {
    await failFiveTimes(teacher);
    expect((await signInFromNewAddress(teacher.email, PASSWORD)).response.status).toBe(429);
    expect((await signInFromNewAddress(demo.otherTeacher, 'salah-sandi-9')).response.status).toBe(401);
    const other = await signInFromNewAddress(demo.otherTeacher, PASSWORD);
    expect(other.response.status).toBe(200);
    expect((await other.client.data(ME)).me.email).toBe(demo.otherTeacher);
  });

  it('lets the right password in once the lock has passed, and then counts from zero', async () => {
    await failFiveTimes(teacher);
    expect((await signInFromNewAddress(teacher.nuptk, PASSWORD)).response.status).toBe(429);
    await expireLocks();
    const owner = await signInFromNewAddress(teacher.nuptk, PASSWORD);
    expect(owner.response.status).toBe(200);
    expect((await owner.client.data(ME)).me.email).toBe(demo.teacher);
    expect(await api.database.prisma.signInThrottle.count()).toBe(0);
    // A full allowance again: four more failures do not lock it.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      statuses.push((await signInFromNewAddress(teacher.email, `salah-sandi-${attempt}`)).response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401]);
    expect((await signInFromNewAddress(teacher.email, PASSWORD)).response.status).toBe(200);
  });

  it('makes each failure after the allowance wait twice as long as the one before', async () => {
    await failFiveTimes(teacher);
    const waits = [retryAfter((await signInFromNewAddress(teacher.email, PASSWORD)).response)];
    for (const attempt of [6, 7]) {
      await expireLocks();
      expect((await signInFromNewAddress(teacher.nuptk, `salah-sandi-${attempt}`)).response.status).toBe(401);
      waits.push(retryAfter((await signInFromNewAddress(teacher.email, PASSWORD)).response));
    }
    expect(waits[0]).toBeGreaterThan(25);
    expect(waits[0]).toBeLessThanOrEqual(30);
    expect(waits[1]).toBeGreaterThan(55);
    expect(waits[1]).toBeLessThanOrEqual(60);
    expect(waits[2]).toBeGreaterThan(115);
    expect(waits[2]).toBeLessThanOrEqual(120);
  });

  it('lets the owner in at once after a password reset', async () => {
    await failFiveTimes(nurAini);
    expect((await signInFromNewAddress(nurAini.email, PASSWORD)).response.status).toBe(429);
    // What /request-password-reset stores before it emails the owner the link with this token.
    const user = await api.database.prisma.user.findUniqueOrThrow({ where: { email: nurAini.email } });
    const token = `reset-token-${Date.now()}`;
    await api.database.prisma.verification.create({
      data: {
        identifier: `reset-password:${token}`,
        value: user.id,
        expiresAt: new Date(Date.now() + 60 * 60 * 1_000),
      },
    });
    const reset = await api.client().request('/api/auth/reset-password', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, newPassword: 'kata-sandi-baru-2026' }),
    });
    expect(reset.status).toBe(200);
    const owner = await signInFromNewAddress(nurAini.nuptk, 'kata-sandi-baru-2026');
    expect(owner.response.status).toBe(200);
    expect((await owner.client.data(ME)).me.email).toBe(nurAini.email);
  });

  it('checks no more than 5 passwords when guesses arrive all at once', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, attempt) =>
        signInFromNewAddress(attempt % 2 === 0 ? teacher.email : teacher.nuptk, `salah-sandi-${attempt}`),
      ),
    );
    const statuses = guesses.map((guess) => guess.response.status).sort();
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
    const user = await api.database.prisma.user.findUniqueOrThrow({ where: { email: demo.teacher } });
    expect(
      await api.database.prisma.signInThrottle.findUnique({ where: { subject: user.id } }),
    ).toMatchObject({
      failures: 5,
    });
  });
});

describe('password reset', () => {
  const PASSWORD = 'demo-kmg-2026';
  /** Seeded teachers no other test signs in as: these tests change their passwords. */
  const lina = { email: 'lina.marlina@kmg.demo', nuptk: '6202025512910014' };
  const fajar = { email: 'fajar.ramadhan@kmg.demo', nuptk: '2171031104890012' };

  let lastAddress = 0;
  /** A request from a client address no earlier request used (the limits count per address). */
  function fromNewAddress() {
    lastAddress += 1;
    return `10.30.${lastAddress >> 8}.${lastAddress & 255}`;
  }

  async function requestReset(identifier: string, address = fromNewAddress()) {
    return api.client().request('/api/auth/request-password-reset', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ email: identifier }),
    });
  }

  async function resetPassword(token: string, newPassword: string) {
    return api.client().request('/api/auth/reset-password', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, newPassword }),
    });
  }

  async function signIn(identifier: string, password: string) {
    const client = api.client();
    const isNuptk = /^\d{16}$/.test(identifier);
    const response = await client.request(
      isNuptk ? '/api/auth/sign-in/username' : '/api/auth/sign-in/email',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': fromNewAddress() },
        body: JSON.stringify(isNuptk ? { username: identifier, password } : { email: identifier, password }),
      },
    );
    return { client, status: response.status };
  }

  /** The text of an .eml file as written (quoted-printable: soft line breaks, `=3D` for `=`). */
  function emailText(eml: string): string {
    const body = eml.slice(eml.indexOf('\n\n') + 2).replace(/=\r?\n/g, '');
    return Buffer.from(
      body.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  }

  /** The reset link in the newest reset email to `to`, and the token in it. */
  async function resetLink(to: string, subject: RegExp) {
    const text = emailText(await api.waitForEmail(to, subject));
    const link = text.match(/http\S+\/reset-password\?token=\S+/)?.[0];
    if (!link) throw new Error(`no reset link in:\n${text}`);
    const url = new URL(link);
    return { text, url, token: url.searchParams.get('token') ?? '' };
  }

  it('emails a locked teacher a link whose new password lifts the lock and signs in', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await signIn(attempt % 2 ? lina.nuptk : lina.email, `salah-sandi-${attempt}`)).status).toBe(
        401,
      );
    }
    expect((await signIn(lina.email, PASSWORD)).status).toBe(429);

    const request = await requestReset(lina.email);
    expect(request.status).toBe(200);
    const { text, url, token } = await resetLink(lina.email, /Subject: \[KMG\] Atur ulang kata sandi/);
    expect(`${url.origin}${url.pathname}`).toBe(`${api.url}/reset-password`);
    expect(token).toMatch(/^\w{24}$/);
    expect(text).toContain('Halo Lina Marlina,');
    expect(text).toContain('dalam 60 menit');

    expect((await resetPassword(token, 'pendek')).status).toBe(400);
    expect((await resetPassword(token, 'kata-sandi-lina-2026')).status).toBe(200);
    expect(await api.database.prisma.signInThrottle.count()).toBe(0);
    const owner = await signIn(lina.nuptk, 'kata-sandi-lina-2026');
    expect(owner.status).toBe(200);
    expect((await owner.client.data(ME)).me.email).toBe(lina.email);
    expect((await signIn(lina.email, PASSWORD)).status).toBe(401);
    // The link works once.
    expect(await (await resetPassword(token, 'kata-sandi-lagi-2026')).json()).toMatchObject({
      code: 'INVALID_TOKEN',
    });
  });

  it('ends the sessions open before the reset', async () => {
    const before = await signIn(fajar.email, PASSWORD);
    expect((await before.client.data(ME)).me.email).toBe(fajar.email);
    await requestReset(fajar.email);
    const { token } = await resetLink(fajar.email, /Subject: \[KMG\] Atur ulang kata sandi/);
    expect((await resetPassword(token, PASSWORD)).status).toBe(200);
    expect((await before.client.data(ME)).me).toBeNull();
  });

  it("writes the email in the account's language and takes a NUPTK for the address", async () => {
    await api.database.prisma.user.update({ where: { email: fajar.email }, data: { locale: 'en' } });
    try {
      expect((await requestReset(fajar.nuptk)).status).toBe(200);
      const { text } = await resetLink(fajar.email, /Subject: \[KMG\] Reset your password/);
      expect(text).toContain('Hello Fajar Ramadhan,');
      expect(text).toContain('within 60 minutes');
    } finally {
      await api.database.prisma.user.update({ where: { email: fajar.email }, data: { locale: 'id' } });
    }
  });

  it('writes the email in the language chosen on the page, over the account’s', async () => {
    const response = await api.client().request('/api/auth/request-password-reset', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': fromNewAddress(),
        cookie: 'kmg.locale-choice=en',
      },
      body: JSON.stringify({ email: 'wahyu.nugroho@kmg.demo' }),
    });
    expect(response.status).toBe(200);
    const { text } = await resetLink('wahyu.nugroho@kmg.demo', /Subject: \[KMG\] Reset your password/);
    expect(text).toContain('within 60 minutes');
    const account = await api.database.prisma.user.findUniqueOrThrow({
      where: { email: 'wahyu.nugroho@kmg.demo' },
    });
    expect(account.locale).toBe('id');
  });

  it('answers an email or NUPTK without an account exactly as one with, and sends nothing', async () => {
    const answer = async (identifier: string) => {
      const response = await requestReset(identifier);
      return { status: response.status, body: await response.json() };
    };
    const outbox = () => api.database.prisma.emailMessage.count();
    const before = await outbox();
    const known = await answer(demo.otherTeacher);
    expect(known.status).toBe(200);
    // Either language: another test switches this teacher to English.
    await api.waitForEmail(demo.otherTeacher, /Subject: \[KMG\] (Atur ulang kata sandi|Reset your password)/);
    const sent = await outbox();
    expect(sent).toBe(before + 1);
    expect(await answer('tidak.ada@kmg.demo')).toEqual(known);
    expect(await answer('9999999999999999')).toEqual(known);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await outbox()).toBe(sent);
  });

  it('takes 30 requests from one address (a school) within 10 minutes, and refuses the next', async () => {
    const address = fromNewAddress();
    const statuses: number[] = [];
    for (let request = 1; request <= 31; request++) {
      statuses.push((await requestReset(`guru-${request}@kmg.demo`, address)).status);
    }
    expect(statuses).toEqual([...Array.from({ length: 30 }, () => 200), 429]);
    expect((await requestReset('lima@kmg.demo')).status).toBe(200);
  });

  it('sends one account at most 3 reset emails in 10 minutes, however many addresses ask', async () => {
    const user = await api.database.prisma.user.findUniqueOrThrow({ where: { email: demo.principal } });
    const emails = () => api.database.prisma.emailMessage.count({ where: { toAddress: demo.principal } });
    const before = await emails();
    for (let request = 0; request < 5; request++) {
      expect((await requestReset(demo.principal)).status).toBe(200);
    }
    expect(await api.database.prisma.verification.count({ where: { value: user.id } })).toBe(5);
    await expect.poll(async () => (await emails()) - before, { timeout: 60_000 }).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await emails()) - before).toBe(3);
  });

  it('refuses a token that does not exist or has expired', async () => {
    expect(await (await resetPassword('bukan-token', 'kata-sandi-baru-2026')).json()).toMatchObject({
      code: 'INVALID_TOKEN',
    });
    const user = await api.database.prisma.user.findUniqueOrThrow({ where: { email: lina.email } });
    await api.database.prisma.verification.create({
      data: {
        identifier: 'reset-password:kedaluwarsa',
        value: user.id,
        expiresAt: new Date(Date.now() - 1_000),
      },
    });
    const expired = await resetPassword('kedaluwarsa', 'kata-sandi-baru-2026');
    expect(expired.status).toBe(400);
    expect(await expired.json()).toMatchObject({ code: 'INVALID_TOKEN' });
  });
});

describe('sweepSignInThrottles', () => {
  it('forgets failures over a day old whose lock has passed, and keeps the rest', async () => {
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
    await api.database.prisma.signInThrottle.createMany({
      data: [
        { subject: 'stale', failures: 2, lastFailureAt: hoursAgo(25), lockedUntil: null },
        { subject: 'stale-lock-passed', failures: 7, lastFailureAt: hoursAgo(30), lockedUntil: hoursAgo(29) },
        { subject: 'recent', failures: 2, lastFailureAt: hoursAgo(1), lockedUntil: null },
        { subject: 'still-locked', failures: 9, lastFailureAt: hoursAgo(25), lockedUntil: hoursAgo(-1) },
      ],
    });
    expect(await sweepSignInThrottles(api.database.prisma)).toBe(2);
    const left = await api.database.prisma.signInThrottle.findMany({ orderBy: { subject: 'asc' } });
    expect(left.map((row) => row.subject)).toEqual(['recent', 'still-locked']);
  });
});
