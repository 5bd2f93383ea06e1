import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demo } from '#test/fixtures.ts';
import { startTestApi, type TestApi } from '#test/harness.ts';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ signInAttemptsPerMinute: 5 });
});
afterAll(() => api?.close());
// Every test signs in from 127.0.0.1: start each with a fresh allowance.
beforeEach(() => api.database.prisma.rateLimit.deleteMany());

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

  it('rate-limits sign-in attempts from one address', async () => {
    const client = api.client();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      statuses.push((await client.signIn(demo.principal, `wrong-password-${attempt}`)).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await client.signIn(demo.principal, 'demo-kmg-2026');
    expect(limited.status).toBe(429);
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
