import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SIGN_IN_ATTEMPTS_PER_MINUTE } from '#auth.ts';
import { startTestApi, type TestApi } from '#test/harness.ts';

// Sign-in limits as production runs them (the default per-address allowance), behind a proxy so a
// test can say which client address each request comes from.
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi(
    { signInAttemptsPerMinute: DEFAULT_SIGN_IN_ATTEMPTS_PER_MINUTE, trustProxy: true },
    { jobs: false },
  );
  await addStaffRoom(16);
});
afterAll(() => api?.close());
beforeEach(async () => {
  await api.database.prisma.signInAddressWindow.deleteMany();
  await api.database.prisma.signInThrottle.deleteMany();
});

const PASSWORD = 'demo-kmg-2026';

/** One school's connection, or a mobile carrier's NAT: every request below comes from it. */
const SCHOOL_ADDRESS = '36.80.12.7';

function signIn(email: string, password: string, address = SCHOOL_ADDRESS) {
  const client = api.client();
  return client
    .request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ email, password }),
    })
    .then(async (response) => ({ client, status: response.status, body: await response.json() }));
}

/**
 * More teachers of one school than the demo seeds (20), with the demo password: the hash is copied
 * from a seeded account, so none of them costs a hashing here.
 */
async function addStaffRoom(count: number) {
  const { prisma } = api.database;
  const model = await prisma.user.findUniqueOrThrow({
    where: { email: 'guru@kmg.demo' },
    select: { organizationId: true, accounts: { select: { password: true } } },
  });
  for (let n = 1; n <= count; n++) {
    const email = `guru.uji.${String(n).padStart(2, '0')}@kmg.demo`;
    const user = await prisma.user.create({
      data: { name: `Guru Uji ${n}`, email, roles: ['TEACHER'], organizationId: model.organizationId },
    });
    await prisma.account.create({
      data: {
        userId: user.id,
        accountId: user.id,
        providerId: 'credential',
        password: model.accounts[0]?.password ?? null,
      },
    });
  }
}

async function seededTeachers(count: number): Promise<string[]> {
  const teachers = await api.database.prisma.user.findMany({
    where: { OR: [{ teacherProfile: { isNot: null } }, { email: { startsWith: 'guru.uji.' } }] },
    select: { email: true },
    orderBy: { email: 'asc' },
    take: count,
  });
  expect(teachers).toHaveLength(count);
  return teachers.map((teacher) => teacher.email);
}

describe('sign-in limits', () => {
  it('lets 32 teachers behind one address sign in within a minute', async () => {
    const teachers = await seededTeachers(32);
    const statuses: number[] = [];
    for (const email of teachers) statuses.push((await signIn(email, PASSWORD)).status);
    expect(statuses).toEqual(teachers.map(() => 200));
    const window = await api.database.prisma.signInAddressWindow.findUniqueOrThrow({
      where: { address: SCHOOL_ADDRESS },
    });
    expect(window.attempts).toBe(32);
  });

  it('locks an account guessed at from that address, and no one else behind it', async () => {
    const [victim, colleague] = await seededTeachers(2);
    const guesses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      guesses.push((await signIn(victim ?? '', `salah-sandi-${attempt}`)).status);
    }
    expect(guesses).toEqual([401, 401, 401, 401, 401]);
    const locked = await signIn(victim ?? '', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    // From any address: the lock is the account's.
    expect((await signIn(victim ?? '', PASSWORD, '182.1.2.3')).status).toBe(429);
    expect((await signIn(colleague ?? '', PASSWORD)).status).toBe(200);
  });

  it('stops a flood from one address for the rest of its minute, and lets other addresses in', async () => {
    const flooder = '103.10.20.30';
    // Attempts that name no account: counted per address, refused by better-auth's input checks.
    for (let sent = 0; sent < DEFAULT_SIGN_IN_ATTEMPTS_PER_MINUTE; sent += 25) {
      const batch = Array.from({ length: Math.min(25, DEFAULT_SIGN_IN_ATTEMPTS_PER_MINUTE - sent) }, () =>
        api.client().request('/api/auth/sign-in/email', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': flooder },
          body: '{}',
        }),
      );
      for (const response of await Promise.all(batch)) expect(response.status).not.toBe(429);
    }
    const [teacher] = await seededTeachers(1);
    const refused = await signIn(teacher ?? '', PASSWORD, flooder);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(await retryAfter(flooder))).toBeGreaterThan(0);
    expect((await signIn(teacher ?? '', PASSWORD)).status).toBe(200);

    // The minute passes (the window's start moved back, as the database's clock would): however
    // busy the address stayed, its count starts again.
    await api.database.prisma.$executeRaw`
      UPDATE sign_in_address_windows SET started_at = started_at - interval '61 seconds'
      WHERE address = ${flooder}`;
    expect((await signIn(teacher ?? '', PASSWORD, flooder)).status).toBe(200);
  });
});

/** The Retry-After a refused sign-in from the address carries. */
async function retryAfter(address: string): Promise<string | null> {
  const response = await api.client().request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: '{}',
  });
  expect(response.status).toBe(429);
  return response.headers.get('retry-after');
}
