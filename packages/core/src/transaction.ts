import { databaseErrorCodes, db, type Prisma } from '@kmg/db';

type Tx = Prisma.TransactionClient;

/**
 * A deadlock (40P01) or serialization failure (40001): PostgreSQL rolled the whole transaction
 * back, so running it again is safe. Prisma reports both as P2034; raw statements carry the SQL
 * state itself (read at every level of the error, as for lost connections).
 */
const retryableCodes = new Set(['P2034', '40P01', '40001']);

export function isRetryableConflict(error: unknown): boolean {
  return databaseErrorCodes(error).some((code) => retryableCodes.has(code));
}

/** One change of state in one transaction, run again (up to three times) when PostgreSQL asks. */
export function inTransaction<T>(
  work: (tx: Tx) => Promise<T>,
  options?: { maxWait?: number; timeout?: number },
): Promise<T> {
  return againOnConflict(() => db().$transaction(work, options));
}

/**
 * Work whose every try PostgreSQL rolls back whole when it fails (a transaction, or one statement
 * committed by itself), run again (up to three times) on a deadlock or serialization failure.
 */
export async function againOnConflict<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 3 || !isRetryableConflict(error)) throw error;
    }
  }
}
