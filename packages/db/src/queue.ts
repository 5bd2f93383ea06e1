// Background work on pg-boss, a PostgreSQL-backed job queue: on a server it uses its own pool; on
// embedded PGlite it runs through pg-boss' PGlite adapter over the same engine as Prisma. Jobs are
// enqueued inside the Prisma transaction that makes the change (pg-boss' Prisma adapter), so a job
// exists exactly when its change was committed.
import { fromPglite, fromPrisma, PgBoss, type SendOptions } from 'pg-boss';
import type { Database } from '#client.ts';
import type { Prisma } from '#generated/prisma/client.ts';

/** Queue names, one per kind of work. */
export const queueNames = {
  email: 'email-send',
  deadlines: 'deadlines-sweep',
  issueCredential: 'credential-issue',
  signInThrottlesSweep: 'sign-in-throttles-sweep',
  evaluatePathways: 'pathways-evaluate',
  backfillPathway: 'pathway-backfill',
  pathwayClr: 'pathway-clr',
  dashboardFacts: 'dashboard-facts',
} as const;

export type QueueName = (typeof queueNames)[keyof typeof queueNames];

export function createQueue(database: Database): PgBoss {
  const options =
    database.config.kind === 'pglite'
      ? { db: fromPglite(requirePglite(database)), backend: 'pglite' as const }
      : { connectionString: database.config.url, max: 4 };
  const boss = new PgBoss({ ...options, schema: 'pgboss' });
  boss.on('error', (error) => console.error('job queue error', error));
  return boss;
}

function requirePglite(database: Database) {
  if (!database.pglite) throw new Error('an embedded database without its PGlite engine');
  return database.pglite;
}

/** Starts the queue and makes sure every queue exists (pg-boss requires them before sending). */
export async function startQueue(boss: PgBoss): Promise<PgBoss> {
  await boss.start();
  for (const name of Object.values(queueNames)) {
    // The dashboard's refresh reschedules itself: one waiting and one running at most ('stately'),
    // however many replicas start it.
    const policy = name === queueNames.dashboardFacts ? 'stately' : 'standard';
    await boss.createQueue(name, { policy, retryLimit: 5, retryDelay: 10, retryBackoff: true });
  }
  return boss;
}

let current: PgBoss | undefined;

export function useQueue(boss: PgBoss | undefined): void {
  current = boss;
}

export function jobQueue(): PgBoss {
  if (!current) throw new Error('The job queue has not been started (useQueue).');
  return current;
}

/** Enqueues a job inside a Prisma transaction: it commits, or vanishes, with the change. */
export async function enqueueInTransaction(
  tx: Prisma.TransactionClient,
  name: QueueName,
  data: object,
  options: SendOptions = {},
): Promise<void> {
  await jobQueue().send(name, data, { ...options, db: fromPrisma(tx) });
}

/**
 * The one statement pg-boss runs to queue these jobs, to be run as part of another statement that
 * commits them (a CTE): taken through pg-boss' `db` option, as `enqueueInTransaction` is, from its
 * `insert` (one statement for any number of jobs; each job's id is the caller's, so a job can be
 * found again by it).
 */
export async function jobsInsertStatement(
  name: QueueName,
  jobs: { id: string; data: object; singletonKey?: string }[],
): Promise<{ text: string; values: unknown[] }> {
  const statements: { text: string; values: unknown[] }[] = [];
  const capture = {
    executeSql: async (text: string, values: unknown[] = []) => {
      statements.push({ text, values });
      return { rows: [] };
    },
  };
  await jobQueue().insert(name, jobs, { db: capture, returnId: true });
  const [statement] = statements;
  // A pg-boss that queues jobs differently must be looked at before it is embedded.
  if (
    statements.length !== 1 ||
    !statement ||
    !/^\s*INSERT INTO\b[^;]*RETURNING\b[^;]*$/s.test(statement.text)
  ) {
    throw new Error('pg-boss queued jobs with other than one INSERT … RETURNING statement');
  }
  return statement;
}
