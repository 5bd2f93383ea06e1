/**
 * The Prisma query Pothos hands a mutation's resolver. When the client selects nothing of the
 * success payload (only `__typename`), Pothos plans an empty `select`, which Prisma rejects; load
 * the whole row instead.
 */
export function refetchQuery<T extends { select?: object }>(query: T): T | Record<string, never> {
  return query.select && Object.keys(query.select).length === 0 ? {} : query;
}
