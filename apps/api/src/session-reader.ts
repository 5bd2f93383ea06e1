// Who is asking: the viewer of a request's session cookie, read on every signed-in request.
//
// better-auth's `getSession` costs a signed-in request about a sixth of the API's CPU (measured on
// the first-come bench: it builds an endpoint context and validates its query each time, imports
// the HMAC key through WebCrypto for every cookie, and reads the session and its user in two
// statements). This reads the common case, a correctly signed cookie naming a live session that is
// not yet due for renewal, exactly as better-auth decides it, in one statement. Everything else goes
// to better-auth itself: an expired session (which it deletes), one due for renewal (which it
// extends), an unknown token or a bad signature (null either way; better-auth is asked so that the
// one place that decides stays better-auth's).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readRows } from '@kmg/db';
import type { Auth } from '#auth.ts';

export type SessionUser = {
  id: string;
  name: string;
  email: string;
  roles: string[];
  organizationId: string | null;
  locale: string;
};

type SessionRow = {
  expires_at: Date;
  id: string;
  name: string;
  email: string;
  roles: string[];
  organization_id: string | null;
  locale: string;
};

/** The session and its user, read past Prisma (`Database.query`): every signed-in request runs it. */
const SESSION_STATEMENT = `
  SELECT s.expires_at, u.id, u.name, u.email, u.roles::text[] AS roles, u.organization_id,
    u.locale::text AS locale
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.token = $1`;

export type SessionReader = (headers: {
  cookie?: string | undefined;
  toHeaders(): Headers;
}) => Promise<{ user: SessionUser } | null>;

/** Reads sessions as `auth` does, with its cookie name, secret and session lifetimes. */
export function createSessionReader(auth: Auth): SessionReader {
  const settings = auth.$context.then((context) => ({
    cookieName: context.authCookies.sessionToken.name,
    key: Buffer.from(context.secret),
    // better-auth renews a session once it is `updateAge` old, i.e. when its expiry comes within
    // `expiresIn - updateAge` of now; until then it only reads it.
    renewWithinMs: (context.sessionConfig.expiresIn - context.sessionConfig.updateAge) * 1000,
  }));

  const betterAuths = async (headers: Headers) => {
    const session = await auth.api.getSession({ headers });
    return session
      ? { user: { ...session.user, organizationId: session.user.organizationId ?? null } }
      : null;
  };

  return async (request) => {
    if (!request.cookie) return null;
    const { cookieName, key, renewWithinMs } = await settings;
    const value = cookieValue(request.cookie, cookieName);
    if (value === null) return null;
    const token = verifiedToken(value, key);
    if (token === null) return betterAuths(request.toHeaders());
    const [row] = await readRows<SessionRow>({ text: SESSION_STATEMENT, values: [token] });
    if (!row || row.expires_at.getTime() - renewWithinMs <= Date.now())
      return betterAuths(request.toHeaders());
    return {
      user: {
        id: row.id,
        name: row.name,
        email: row.email,
        roles: row.roles,
        organizationId: row.organization_id,
        locale: row.locale,
      },
    };
  };
}

/**
 * The cookie's value as better-call parses a Cookie header: the first pair of that name, quotes
 * dropped, URI-decoded where it decodes.
 */
function cookieValue(header: string, name: string): string | null {
  for (const pair of header.split(';')) {
    const equals = pair.indexOf('=');
    if (equals === -1 || pair.slice(0, equals).trim() !== name) continue;
    let value = pair.slice(equals + 1).trim();
    if (value.startsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

/**
 * The session token of a signed cookie value (`token.base64(HMAC-SHA256(secret, token))`), or null
 * when its signature is not the secret's, compared in constant time.
 */
function verifiedToken(value: string, key: Buffer): string | null {
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith('=')) return null;
  const given = Buffer.from(signature, 'base64');
  const expected = createHmac('sha256', key).update(token).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}
