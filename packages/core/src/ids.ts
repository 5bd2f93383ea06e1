import { randomBytes } from 'node:crypto';
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
 * by our own SQL rather than through Prisma.
 */
export function newId(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x70, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
