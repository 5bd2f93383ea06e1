import { randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient } from '@kmg/db';
import { isLocale, type Locale, pickLocale, SIGNED_OUT_LOCALE_COOKIE, translateError } from '@kmg/domain';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { username } from 'better-auth/plugins';
import { queuePasswordResetEmail, RESET_LINK_MINUTES } from '#password-reset.ts';

export type AuthOptions = {
  prisma: PrismaClient;
  /** Public origin of the platform, e.g. http://localhost:4000. */
  baseURL: string;
  secret: string;
  /** Other origins allowed to send credentialed requests (the Vite dev servers). */
  trustedOrigins: string[];
  /**
   * Sign-in attempts allowed per client address per minute: a flood guard, high enough for a whole
   * school behind one address (guessing is stopped per account).
   */
  signInAttemptsPerMinute: number;
  /** Failed sign-ins an account may have before each further attempt must wait (default 5). */
  signInFailuresBeforeDelay?: number;
};

/** Header our server sets from the socket (or the trusted proxy); any client value is replaced. */
export const CLIENT_IP_HEADER = 'x-kmg-client-ip';

export const DEFAULT_SIGN_IN_FAILURES_BEFORE_DELAY = 5;

/**
 * Sign-in attempts per client address per minute unless configured. Guessing passwords is stopped
 * per account (5 failures, then a lock that doubles); this limit only stops one address from
 * spraying many accounts. It must not stop a school: its teachers share the school's address, as
 * do thousands of subscribers behind a mobile carrier's NAT, and they sign in at the same moments
 * (a workshop starts, an application deadline nears). 300 a minute is five a second, sustained:
 * 40 teachers of a training room each signing in with a typo or two use a third of it, while one
 * address can still try a given password against at most 300 accounts a minute.
 */
export const DEFAULT_SIGN_IN_ATTEMPTS_PER_MINUTE = 300;

/** A session lasts two weeks from its last use (renewed at most daily). */
export const SESSION_SECONDS = 60 * 60 * 24 * 14;
/** How old a session's last renewal may be before a request renews it. */
export const SESSION_RENEWAL_SECONDS = 60 * 60 * 24;

/**
 * Reset emails asked for from one client address: 30 per 10 minutes. Teachers of one school share
 * its address; one inbox is protected by the per-account cap (3 emails per 10 minutes).
 */
const RESET_REQUEST_RULE = { window: 10 * 60, max: 30 };

/**
 * better-auth: email or NUPTK (its username plugin) with a password hashed by scrypt, sessions in
 * httpOnly SameSite=Lax cookies, sign-in attempts rate-limited in the database (shared by every
 * API replica) per client address and, through `createSignInThrottle`, per account. Sign-up is
 * closed here: teachers register through the `registerTeacher` mutation, which also creates their
 * profile in the same transaction; other roles are created by an admin. A forgotten password is
 * reset through a link emailed to the account's address (`/request-password-reset`, by email or
 * NUPTK), which also lifts a sign-in lock. A language chosen before signing in becomes the account's.
 */
export function createAuth(options: AuthOptions) {
  const addressWindow = createAddressWindow(options.prisma, options.signInAttemptsPerMinute);
  const throttle = createSignInThrottle(
    options.prisma,
    options.signInFailuresBeforeDelay ?? DEFAULT_SIGN_IN_FAILURES_BEFORE_DELAY,
  );
  return betterAuth({
    appName: 'KMG',
    baseURL: options.baseURL,
    basePath: '/api/auth',
    secret: options.secret,
    trustedOrigins: [options.baseURL, ...options.trustedOrigins],
    database: prismaAdapter(options.prisma, { provider: 'postgresql', transaction: true }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      resetPasswordTokenExpiresIn: RESET_LINK_MINUTES * 60,
      // better-auth has committed the token when it calls this, outside any transaction of ours:
      // the outbox row and its delivery job are written in a transaction of their own. Not awaited,
      // so that a known address is answered as fast as an unknown one (better-auth fakes the token
      // work for those): the response time must not tell who has an account.
      // The email is in the language the person chose on the page before asking, if they chose one
      // (as a sign-in would make it the account's), else in the account's.
      sendResetPassword: async ({ user, token }, request) => {
        queuePasswordResetEmail(options.prisma, {
          userId: user.id,
          token,
          publicUrl: options.baseURL,
          locale: signedOutLocaleChoice(request?.headers.get('cookie')),
        }).catch((error) => console.error('Could not queue the password reset email', error));
      },
      // A reset is what someone does who fears another knows the password: end every session.
      revokeSessionsOnPasswordReset: true,
      // Whoever holds a reset token owns the account: a lock must not keep them out.
      onPasswordReset: ({ user }) => throttle.forget(user.id),
    },
    plugins: [
      username({
        minUsernameLength: 16,
        maxUsernameLength: 16,
        usernameValidator: (value) => /^\d{16}$/.test(value),
      }),
    ],
    session: { expiresIn: SESSION_SECONDS, updateAge: SESSION_RENEWAL_SECONDS },
    // What a request needs to know about its viewer comes with the session (better-auth reads the
    // user with it), so no further query. Never settable through better-auth's own routes
    // (`input: false`): roles and organization are the admin's to give, the language `setMyLocale`'s.
    user: {
      additionalFields: {
        roles: { type: 'string[]', required: true, input: false },
        organizationId: { type: 'string', required: false, input: false },
        locale: { type: 'string', required: true, input: false },
      },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        // Counted per address by `createAddressWindow` instead (see there why).
        '/sign-in/email': false,
        '/sign-in/username': false,
        '/request-password-reset': RESET_REQUEST_RULE,
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === '/request-password-reset') {
          const email = await resetAddressForNuptk(options.prisma, ctx.body);
          return email ? { context: { body: { ...ctx.body, email } } } : undefined;
        }
        if (!SIGN_IN_PATHS.has(ctx.path)) return;
        // The request's language, never the account's: that would tell who has an account.
        const locale = pickLocale(ctx.headers?.get('accept-language'));
        const floodWait = await addressWindow.countAttempt(ctx.headers?.get(CLIENT_IP_HEADER) ?? 'unknown');
        if (floodWait !== null) {
          throw new APIError(
            'TOO_MANY_REQUESTS',
            { code: 'RATE_LIMITED', message: translateError('RATE_LIMITED', locale) },
            { 'Retry-After': String(floodWait) },
          );
        }
        const identifier = signInIdentifier(ctx.path, ctx.body);
        if (!identifier) return;
        const retryAfter = await throttle.countAttempt(identifier);
        if (retryAfter === null) return;
        throw new APIError(
          'TOO_MANY_REQUESTS',
          {
            code: 'ACCOUNT_LOCKED',
            message: translateError('ACCOUNT_LOCKED', locale, { wait: waitText(retryAfter, locale) }),
          },
          { 'Retry-After': String(retryAfter) },
        );
      }),
      after: createAuthMiddleware(async (ctx) => {
        const signedIn = SIGN_IN_PATHS.has(ctx.path) ? ctx.context.newSession?.user.id : undefined;
        if (!signedIn) return;
        await throttle.forget(signedIn);
        // A language chosen before signing in is what this person wants now: it becomes the
        // account's (which the apps then adopt), instead of the account's bringing back another.
        const chosen = ctx.getCookie(SIGNED_OUT_LOCALE_COOKIE);
        if (chosen !== null) {
          if (isLocale(chosen)) {
            await options.prisma.user.update({ where: { id: signedIn }, data: { locale: chosen } });
          }
          ctx.setCookie(SIGNED_OUT_LOCALE_COOKIE, '', { path: '/', maxAge: 0, sameSite: 'lax' });
        }
      }),
    },
    advanced: {
      // Explicit, so tests (NODE_ENV=test, where better-auth relaxes them) check what production runs.
      disableCSRFCheck: false,
      disableOriginCheck: false,
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      useSecureCookies: options.baseURL.startsWith('https://'),
      database: { generateId: () => randomUUID() },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;

const SIGN_IN_PATHS = new Set(['/sign-in/email', '/sign-in/username']);

/** The language chosen signed out (`SIGNED_OUT_LOCALE_COOKIE`) in a Cookie header, if any. */
function signedOutLocaleChoice(cookie: string | null | undefined): Locale | null {
  for (const pair of (cookie ?? '').split(';')) {
    const [name, value] = pair.trim().split('=');
    if (name === SIGNED_OUT_LOCALE_COOKIE && isLocale(value)) return value;
  }
  return null;
}

type SignInIdentifier = { kind: 'email' | 'nuptk'; value: string };

/** The account a sign-in names, normalised as better-auth looks it up (both lower-case it). */
function signInIdentifier(path: string, body: unknown): SignInIdentifier | null {
  const { email, username } = (body ?? {}) as { email?: unknown; username?: unknown };
  if (path === '/sign-in/email' && typeof email === 'string') {
    return { kind: 'email', value: email.toLowerCase() };
  }
  if (path === '/sign-in/username' && typeof username === 'string') {
    return { kind: 'nuptk', value: username.toLowerCase() };
  }
  return null;
}

/**
 * Teachers who sign in by NUPTK may ask for a reset by it (in the `email` field): the address of its
 * account, or one that matches no account, so an unknown NUPTK is answered like a known one. Null
 * when the request names an email address.
 */
async function resetAddressForNuptk(prisma: PrismaClient, body: unknown): Promise<string | null> {
  const { email } = (body ?? {}) as { email?: unknown };
  const nuptk = typeof email === 'string' ? email.trim() : '';
  if (!/^\d{16}$/.test(nuptk)) return null;
  const user = await prisma.user.findUnique({ where: { username: nuptk }, select: { email: true } });
  return user?.email ?? `nuptk-${nuptk}@kmg.invalid`;
}

/** The first wait once an account has used its allowance; it doubles with each further failure. */
const FIRST_DELAY_SECONDS = 30;
const LONGEST_DELAY_SECONDS = 60 * 60;

/**
 * Failed sign-ins per account over both routes, in `sign_in_throttles` (shared by every replica;
 * the clock is the database's). An attempt is counted before its password is checked, in one
 * UPSERT that refuses it while the account is locked, so guesses sent at once cannot slip past
 * the count; a sign-in or a password reset clears it. After `allowance` failures the account is
 * locked for 30 s, doubling with each further failure up to an hour. Failures older than a day
 * are forgotten, so occasional typos never add up to a lock.
 */
function createSignInThrottle(prisma: PrismaClient, allowance: number) {
  const lockedUntil = (failures: Prisma.Sql) => Prisma.sql`CASE WHEN ${failures} >= ${allowance}::int
    THEN now() + make_interval(secs => LEAST(
      ${FIRST_DELAY_SECONDS}::float8 * power(2, LEAST(${failures} - ${allowance}::int, 16)),
      ${LONGEST_DELAY_SECONDS}::float8))
    END`;
  const nextFailures = Prisma.sql`CASE WHEN t.last_failure_at < now() - interval '1 day' THEN 1
    ELSE t.failures + 1 END`;

  return {
    /** Counts an attempt at the account; while it is locked, the seconds to wait instead. */
    async countAttempt(identifier: SignInIdentifier): Promise<number | null> {
      const user = await prisma.user.findUnique({
        where: identifier.kind === 'email' ? { email: identifier.value } : { username: identifier.value },
        select: { id: true },
      });
      // Unknown accounts are counted (and locked) too, under their name, and so answered alike.
      const subject = user?.id ?? `${identifier.kind}:${identifier.value}`;
      const counted = await prisma.$queryRaw<{ failures: number }[]>`
        INSERT INTO sign_in_throttles AS t (subject, failures, last_failure_at, locked_until)
        VALUES (${subject}, 1, now(), ${lockedUntil(Prisma.sql`1`)})
        ON CONFLICT (subject) DO UPDATE SET
          failures = ${nextFailures},
          last_failure_at = now(),
          locked_until = ${lockedUntil(nextFailures)}
        WHERE t.locked_until IS NULL OR t.locked_until <= now()
        RETURNING failures`;
      if (counted.length > 0) return null;
      const [lock] = await prisma.$queryRaw<{ seconds: number | null }[]>`
        SELECT ceil(extract(epoch FROM locked_until - now()))::int AS seconds
        FROM sign_in_throttles WHERE subject = ${subject}`;
      return Math.max(lock?.seconds ?? 1, 1);
    },
    async forget(userId: string): Promise<void> {
      await prisma.signInThrottle.deleteMany({ where: { subject: userId } });
    },
  };
}

/**
 * Sign-in attempts per client address in fixed one-minute windows, in `sign_in_address_windows`
 * (shared by every replica; the clock is the database's). better-auth's own limiter restarts its
 * count only after a whole window without any attempt: from an address where teachers sign in
 * every few seconds all day (a school, a carrier's NAT) the count would only grow, and lock them
 * all out once it reached the limit. Here a window's count ends with the window. Every attempt
 * counts, refused ones included, in one UPSERT.
 */
function createAddressWindow(prisma: PrismaClient, perMinute: number) {
  return {
    /** Counts an attempt from the address; over the limit, the seconds until its window ends. */
    async countAttempt(address: string): Promise<number | null> {
      const [row] = await prisma.$queryRaw<{ attempts: number; seconds: number }[]>`
        INSERT INTO sign_in_address_windows AS w (address, started_at, attempts)
        VALUES (${address}, now(), 1)
        ON CONFLICT (address) DO UPDATE SET
          started_at = CASE WHEN w.started_at <= now() - interval '1 minute' THEN now() ELSE w.started_at END,
          attempts = CASE WHEN w.started_at <= now() - interval '1 minute' THEN 1 ELSE w.attempts + 1 END
        RETURNING attempts, ceil(extract(epoch FROM started_at + interval '1 minute' - now()))::int AS seconds`;
      if (!row || row.attempts <= perMinute) return null;
      return Math.max(row.seconds, 1);
    },
  };
}

/** Forgets address windows over a minute old: the next attempt starts a new one anyway. Run daily. */
export async function sweepSignInAddressWindows(prisma: PrismaClient): Promise<number> {
  return prisma.$executeRaw`DELETE FROM sign_in_address_windows WHERE started_at <= now() - interval '1 minute'`;
}

/**
 * Forgets accounts whose last failure is over a day old and whose lock has passed: the next failure
 * would start from one anyway (see `nextFailures`), so the row only takes room. Run daily.
 */
export async function sweepSignInThrottles(prisma: PrismaClient): Promise<number> {
  return prisma.$executeRaw`
    DELETE FROM sign_in_throttles
    WHERE last_failure_at < now() - interval '1 day'
      AND (locked_until IS NULL OR locked_until <= now())`;
}

/** "30 detik", "2 minutes": how long a locked account waits, in the reader's language. */
function waitText(seconds: number, locale: Locale): string {
  if (seconds < 60) {
    return locale === 'id' ? `${seconds} detik` : `${seconds} second${seconds === 1 ? '' : 's'}`;
  }
  const minutes = Math.ceil(seconds / 60);
  return locale === 'id' ? `${minutes} menit` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
