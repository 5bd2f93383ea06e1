import { db, Prisma } from '@kmg/db';

type Tx = Prisma.TransactionClient;

const retryableSqlStates = new Set(['40P01', '40001']);

/**
 * A deadlock (40P01) or serialization failure (40001): PostgreSQL rolled the whole transaction
 * back, so running it again is safe. The adapter reports both as P2034; raw statements carry the
 * SQL state itself.
 */
export function isRetryableConflict(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === 'P2034') return true;
  const meta = error.meta as
    | { code?: string; driverAdapterError?: { cause?: { originalCode?: string } } }
    | undefined;
  const state = meta?.driverAdapterError?.cause?.originalCode ?? meta?.code;
  return (
    (state !== undefined && retryableSqlStates.has(state)) ||
    /deadlock detected|could not serialize/i.test(error.message)
  );
}

/** One change of state in one transaction, run again (up to three times) when PostgreSQL asks. */
export async function inTransaction<T>(
  work: (tx: Tx) => Promise<T>,
  options?: { maxWait?: number; timeout?: number },
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db().$transaction(work, options);
    } catch (error) {
      if (attempt >= 3 || !isRetryableConflict(error)) throw error;
    }
  }
}
