/**
 * Where to go after signing in or registering: a path inside this app taken from `?next=`. Anything
 * else (another site, `//host`, a backslash trick, the sign-in pages themselves) falls back to the
 * call list, so a crafted link cannot send a teacher off-site after they enter their password.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.includes('\\')) return fallback;
  try {
    const url = new URL(next, 'https://kmg.invalid');
    if (url.origin !== 'https://kmg.invalid') return fallback;
    if (url.pathname === '/masuk' || url.pathname === '/daftar') return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** A link to a sign-in or register page that comes back to `path` afterwards. */
export function withNext(page: '/masuk' | '/daftar', path: string): string {
  const next = safeNextPath(path, '');
  return next && next !== '/' ? `${page}?next=${encodeURIComponent(next)}` : page;
}
