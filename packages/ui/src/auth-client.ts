import type { ErrorCode } from '@kmg/domain';
import { createAuthClient } from 'better-auth/client';
import { usernameClient } from 'better-auth/client/plugins';

/** Sessions live in an httpOnly cookie set by the API; the apps never see the token. */
export const authClient = createAuthClient({
  baseURL: globalThis.location?.origin ?? 'http://localhost:4000',
  basePath: '/api/auth',
  plugins: [usernameClient()],
});

export type SignInResult = { ok: true } | { ok: false; code: ErrorCode };

/** Teachers sign in with NUPTK (16 digits) or email; everyone else with email. */
export async function signIn(identifier: string, password: string): Promise<SignInResult> {
  const id = identifier.trim();
  const { error } = /^\d{16}$/.test(id)
    ? await authClient.signIn.username({ username: id, password })
    : await authClient.signIn.email({ email: id.toLowerCase(), password });
  if (!error) return { ok: true };
  if (error.status === 429) return { ok: false, code: 'RATE_LIMITED' };
  if (error.status === 401 || error.status === 400 || error.status === 403)
    return { ok: false, code: 'INVALID_CREDENTIALS' };
  return { ok: false, code: 'INTERNAL' };
}

export async function signOut(): Promise<void> {
  await authClient.signOut();
}
