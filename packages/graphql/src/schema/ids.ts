const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The database id inside a decoded global ID, or null when it cannot be one of ours. */
export function decodeId(raw: string): string | null {
  return uuidPattern.test(raw) ? raw.toLowerCase() : null;
}

/**
 * The Prisma query Pothos hands a mutation's resolver. When the client selects nothing of the
 * success payload (only `__typename`), Pothos plans an empty `select`, which Prisma rejects; load
 * the whole row instead.
 */
export function refetchQuery<T extends { select?: object }>(query: T): T | Record<string, never> {
  return query.select && Object.keys(query.select).length === 0 ? {} : query;
}
