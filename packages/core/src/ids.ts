import { randomUUID } from 'node:crypto';
import { ValidationError } from '#errors.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The database id in a decoded global ID (or a path segment), or null when it cannot be one of ours. */
export function decodeId(raw: string): string | null {
  return uuidPattern.test(raw) ? raw.toLowerCase() : null;
}

/** The database id in `raw`; one that cannot be ours is a field error at `path`. */
export function requireId(raw: string, path: string[] = ['id']): string {
  const id = decodeId(raw);
  if (!id) throw new ValidationError([{ path, code: 'INVALID_ID' }]);
  return id;
}

/**
 * A new time-ordered id (a version 7 UUID, as Prisma's `@default(uuid(7))` makes), for rows written
 * by our own SQL rather than through Prisma: the millisecond time in the first 48 bits, then the
 * random bits of a version 4 UUID (which Node draws from a buffered pool; its variant bits are
 * version 7's too).
 */
export function newId(now: number = Date.now()): string {
  const time = now.toString(16).padStart(12, '0');
  const random = randomUUID();
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}
