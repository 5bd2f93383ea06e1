/**
 * Where to go after signing in: a path inside the console from `?next=`, never another site
 * (`//evil.example`, `https://…`) or the sign-in page itself.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/masuk' || next.startsWith('/masuk?') || next.startsWith('/masuk/')) return '/';
  return next;
}
