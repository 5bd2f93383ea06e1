import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@kmg/db';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { username } from 'better-auth/plugins';

export type AuthOptions = {
  prisma: PrismaClient;
  /** Public origin of the platform, e.g. http://localhost:4000. */
  baseURL: string;
  secret: string;
  /** Other origins allowed to send credentialed requests (the Vite dev servers). */
  trustedOrigins: string[];
  /** Sign-in attempts allowed per client address per minute. */
  signInAttemptsPerMinute: number;
};

/** Header our server sets from the socket (or the trusted proxy); any client value is replaced. */
export const CLIENT_IP_HEADER = 'x-kmg-client-ip';

/**
 * better-auth: email or NUPTK (its username plugin) with a password hashed by scrypt, sessions in
 * httpOnly SameSite=Lax cookies, sign-in attempts rate-limited in the database (shared by every
 * API replica). Sign-up is closed here: teachers register through the `registerTeacher` mutation,
 * which also creates their profile in the same transaction; other roles are created by an admin.
 */
export function createAuth(options: AuthOptions) {
  const signInRule = { window: 60, max: options.signInAttemptsPerMinute };
  return betterAuth({
    appName: 'KMG',
    baseURL: options.baseURL,
    basePath: '/api/auth',
    secret: options.secret,
    trustedOrigins: [options.baseURL, ...options.trustedOrigins],
    database: prismaAdapter(options.prisma, { provider: 'postgresql', transaction: true }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 128 },
    plugins: [
      username({
        minUsernameLength: 16,
        maxUsernameLength: 16,
        usernameValidator: (value) => /^\d{16}$/.test(value),
      }),
    ],
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: { '/sign-in/email': signInRule, '/sign-in/username': signInRule },
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
