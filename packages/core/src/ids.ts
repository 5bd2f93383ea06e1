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
