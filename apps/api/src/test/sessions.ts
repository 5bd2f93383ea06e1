import { createHmac, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@kmg/db';
import { SESSION_SECONDS } from '#auth.ts';

/**
 * Signs a user in without a password check, for tests and benchmarks with hundreds of users: the
 * session row and the signed cookie are exactly what better-auth writes at sign-in (its cookie is
 * `token.base64(HMAC-SHA256(secret, token))`, URI-encoded).
 */
export async function sessionCookie(prisma: PrismaClient, secret: string, userId: string): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await prisma.session.create({
    data: { token, userId, expiresAt: new Date(Date.now() + SESSION_SECONDS * 1000) },
  });
  const signature = createHmac('sha256', secret).update(token).digest('base64');
  return `better-auth.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
}
