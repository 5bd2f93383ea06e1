import type { ErrorCode } from '@kmg/domain';
import { createAuthClient } from 'better-auth/client';
import { usernameClient } from 'better-auth/client/plugins';

/** Sessions live in an httpOnly cookie set by the API; the apps never see the token. */
export const authClient = createAuthClient({
  baseURL: globalThis.location?.origin ?? 'http://localhost:4000',
  basePath: '/api/auth',
  plugins: [usernameClient()],
});

/** How long a reset link works (the API's `RESET_LINK_MINUTES`); the pages tell people. */
export const RESET_LINK_MINUTES = 60;

export type SignInResult =
  | { ok: true }
  /** Locked after too many failures: sign-ins are refused for `retryAfter` seconds (or a reset). */
  | { ok: false; code: 'ACCOUNT_LOCKED'; retryAfter: number }
  | { ok: false; code: Exclude<ErrorCode, 'ACCOUNT_LOCKED'> };

/** An error as better-auth's client returns it: the HTTP status and the body's code, if any. */
type AuthError = { status: number; code?: string | undefined };

/**
 * What a refused sign-in means for the person. A 429 is either this account's lock (our code, with
 * Retry-After) or the per-address limit (better-auth's, without our code).
 */
export function signInFailure(error: AuthError, retryAfter: string | null): SignInResult {
  if (error.status === 429 && error.code === 'ACCOUNT_LOCKED') {
    const seconds = Number(retryAfter);
    return {
      ok: false,
      code: 'ACCOUNT_LOCKED',
      retryAfter: Number.isFinite(seconds) && seconds >= 1 ? Math.ceil(seconds) : 1,
    };
  }
  if (error.status === 429) return { ok: false, code: 'RATE_LIMITED' };
  if (error.status === 401 || error.status === 400 || error.status === 403)
    return { ok: false, code: 'INVALID_CREDENTIALS' };
  return { ok: false, code: 'INTERNAL' };
}

/** Teachers sign in with NUPTK (16 digits) or email; everyone else with email. */
export async function signIn(identifier: string, password: string): Promise<SignInResult> {
  const id = identifier.trim();
  let retryAfter: string | null = null;
  const fetchOptions = {
    onError: ({ response }: { response: Response }) => {
      retryAfter = response.headers.get('retry-after');
    },
  };
  const { error } = /^\d{16}$/.test(id)
    ? await authClient.signIn.username({ username: id, password, fetchOptions })
    : await authClient.signIn.email({ email: id.toLowerCase(), password, fetchOptions });
  return error ? signInFailure(error, retryAfter) : { ok: true };
}

export async function signOut(): Promise<void> {
  await authClient.signOut();
}

export type PasswordResetRequestResult = { ok: true } | { ok: false; code: ErrorCode };

/**
 * Asks for a reset link by email or NUPTK (the API looks up the NUPTK's address). Whether an
 * account exists is never told: every well-formed request answers alike.
 */
export async function requestPasswordReset(identifier: string): Promise<PasswordResetRequestResult> {
  const id = identifier.trim();
  const { error } = await authClient.requestPasswordReset({
    email: /^\d{16}$/.test(id) ? id : id.toLowerCase(),
  });
  if (!error) return { ok: true };
  if (error.status === 429) return { ok: false, code: 'RATE_LIMITED' };
  if (error.status === 400) return { ok: false, code: 'INVALID_EMAIL' };
  return { ok: false, code: 'INTERNAL' };
}

export type ResetPasswordResult =
  | { ok: true }
  /** Expired, used already, or never issued: the person needs a new link. */
  | { ok: false; code: 'INVALID_TOKEN' }
  | { ok: false; code: ErrorCode };

/** What a refused reset means for the person (better-auth's codes, in ours). */
export function resetPasswordFailure(error: AuthError): ResetPasswordResult {
  if (error.code === 'INVALID_TOKEN' || error.code === 'USER_NOT_FOUND')
    return { ok: false, code: 'INVALID_TOKEN' };
  if (error.code === 'PASSWORD_TOO_SHORT') return { ok: false, code: 'PASSWORD_TOO_SHORT' };
  if (error.code === 'PASSWORD_TOO_LONG') return { ok: false, code: 'TOO_LONG' };
  if (error.status === 429) return { ok: false, code: 'RATE_LIMITED' };
  return { ok: false, code: 'INTERNAL' };
}

/** Sets a new password with the token from the emailed link; it also lifts a sign-in lock. */
export async function resetPassword(token: string, newPassword: string): Promise<ResetPasswordResult> {
  const { error } = await authClient.resetPassword({ token, newPassword });
  return error ? resetPasswordFailure(error) : { ok: true };
}
