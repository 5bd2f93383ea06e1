import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '#generated/prisma/client.ts';

/** Where the data lives: embedded PGlite in a folder (or `memory://`), or a PostgreSQL server. */
export type DatabaseConfig = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export type Database = {
  config: DatabaseConfig;
  prisma: PrismaClient;
  /** The embedded engine itself (PGlite only), for the job queue. */
  pglite?: PGlite;
  /** The same connection the client uses, for the WASM schema engine (migrations). */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /**
   * One statement on its own, never in a transaction: on PostgreSQL straight on the pool Prisma's
   * adapter uses (prepared as Prisma's statements are), on PGlite through Prisma. For the few
   * statements every request runs, where Prisma's own work (0.1-0.2 ms of CPU a query, measured)
   * weighs as much as the database's. Rows are keyed by column, and their values read as Prisma
   * reads them for text, uuid, enum, integer, boolean, date, timestamptz, text[] and json columns:
   * select only those (not bigint or numeric).
   */
  query<Row>(statement: Statement): Promise<Row[]>;
  close(): Promise<void>;
};

/**
 * node-pg's parsers, but for `date`: a calendar date as Prisma reads it, midnight UTC (node-pg's
 * own is midnight where the server runs, which moves the day east of Greenwich).
 */
const DATE_OID = 1082;
const leanTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID && format !== 'binary'
      ? (value: string) => new Date(`${value}T00:00:00.000Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** A statement with `$1`-style placeholders, such as a `Prisma.sql` template's. */
export type Statement = { text: string; values: unknown[] };

export type QueryListener = (event: { query: string; params: string; duration: number }) => void;

/** Without DATABASE_URL the platform runs on embedded PGlite in `<workspace>/data/pglite`. */
export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(`DATABASE_URL must be a postgresql:// URL, got "${url.split(':')[0]}:..."`);
    }
    return { kind: 'postgres', url };
  }
  const dataDir = env.KMG_DATA_DIR?.trim() || join(findWorkspaceRoot(process.cwd()), 'data', 'pglite');
  return { kind: 'pglite', dataDir };
}

function findWorkspaceRoot(from: string): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) return resolve(from);
    dir = parent;
  }
  return dir;
}

export function createDatabase(config: DatabaseConfig, options: { onQuery?: QueryListener } = {}): Database {
  let adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  let closeDriver: () => Promise<void>;
  let pglite: PGlite | undefined;
  let pool: pg.Pool | undefined;
  const statementName = preparesStatements() ? preparedStatementNames() : () => '';
  if (config.kind === 'pglite') {
    pglite = new PGlite(config.dataDir);
    adapterFactory = new PrismaPGlite(pglite);
    const engine = pglite;
    closeDriver = () => engine.close();
  } else {
    const shared = new pg.Pool({ connectionString: config.url, max: poolSize() });
    // An idle connection the server ends (a restart, a dropped database) leaves the pool, and the
    // next query opens another. Without a listener the pool's 'error' event would end the process;
    // Prisma's adapter listens only while it is connected.
    shared.on('error', () => {});
    pool = shared;
    adapterFactory = new PrismaPg(shared, { statementNameGenerator: ({ sql }) => statementName(sql) });
    closeDriver = () => shared.end();
  }
  const client = new PrismaClient({
    adapter: adapterFactory,
    // Under load, transactions queue for a pooled connection (or PGlite's single one): wait for it
    // rather than fail after Prisma's default two seconds.
    transactionOptions: { maxWait: 15_000, timeout: 20_000 },
    log: options.onQuery ? [{ emit: 'event', level: 'query' }] : [],
  });
  if (options.onQuery) {
    const listener = options.onQuery;
    (client as PrismaClient<'query'>).$on('query', (event) =>
      listener({ query: event.query, params: event.params, duration: event.duration }),
    );
  }
  const prisma = retryReadsOnce(client);
  const onPool = pool;
  const query = onPool
    ? async <Row>({ text, values }: Statement): Promise<Row[]> => {
        const started = performance.now();
        const { rows } = await onPool.query({
          name: statementName(text) || undefined,
          text,
          values,
          types: leanTypes,
        });
        options.onQuery?.({
          query: text,
          params: JSON.stringify(values),
          duration: Math.round(performance.now() - started),
        });
        return rows as Row[];
      }
    : <Row>({ text, values }: Statement) => prisma.$queryRawUnsafe<Row[]>(text, ...values);
  return {
    config,
    prisma,
    pglite,
    adapterFactory,
    query,
    async close() {
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}

/**
 * Codes of a database connection that was lost or never came (PostgreSQL restarted, failed over,
 * or every connection busy): nothing was written, and the same request may succeed moments later.
 */
const connectionLostCodes = new Set([
  'P1001', // the server cannot be reached
  'P1017', // the server closed the connection
  'P2024', // no pooled connection came free in time
  'P2028', // the transaction could not start in time, or its connection is gone
  '57P01', // admin_shutdown: the backend was terminated (pg_terminate_backend, a restart)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the server is starting or shutting down
  '08000', // connection_exception
  '08001', // the client could not connect
  '08003', // connection_does_not_exist
  '08006', // connection_failure
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
]);
const connectionLostMessages =
  /Connection terminated|Client has encountered a connection error|Server has closed the connection/i;

/**
 * The codes an error carries, outermost first: Prisma's (`P…`), then the SQL state or socket code
 * the driver saw (a driver adapter error rides in `meta.driverAdapterError`), then its causes'.
 */
export function databaseErrorCodes(error: unknown): string[] {
  return [...errorChain(error)].flatMap((link) =>
    [link.code, link.originalCode].filter((code): code is string => typeof code === 'string'),
  );
}

/** Whether an error means the database connection was lost or refused, not that the query was wrong. */
export function isConnectionError(error: unknown): boolean {
  if (databaseErrorCodes(error).some((code) => connectionLostCodes.has(code))) return true;
  return [...errorChain(error)].some((link) =>
    [link.message, link.originalMessage].some(
      (message) => typeof message === 'string' && connectionLostMessages.test(message),
    ),
  );
}

function* errorChain(error: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (!error || typeof error !== 'object' || depth > 5) return;
  const link = error as Record<string, unknown>;
  yield link;
  yield* errorChain(
    (link.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError,
    depth + 1,
  );
  yield* errorChain(link.cause, depth + 1);
}

const readOperations = new Set([
  'findMany',
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'count',
  'aggregate',
  'groupBy',
]);

/** A read outside a transaction, run once more (on another pooled connection) if it lost its own. */
export async function readAgainIfConnectionLost<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!isConnectionError(error)) throw error;
    return read();
  }
}

/**
 * A read that lost its connection (PostgreSQL restarted, a backend was terminated) runs once more,
 * on another connection from the pool: reading twice is harmless. Writes are not retried (the
 * first may have been applied), nor are reads inside a transaction (its connection is gone with
 * it, and only the whole transaction could run again).
 */
function retryReadsOnce(client: PrismaClient): PrismaClient {
  const extended = client.$extends({
    name: 'retryReadsOnce',
    query: {
      $allModels: {
        async $allOperations({ operation, args, query, ...rest }) {
          // Prisma passes the request to extensions; a transaction's requests name it.
          const request = (rest as { __internalParams?: { transaction?: unknown } }).__internalParams;
          if (!readOperations.has(operation) || request?.transaction) return query(args);
          return readAgainIfConnectionLost(() => query(args));
        },
      },
    },
  });
  // An extended client has the same models and methods; only `$on` is gone, and it was used above.
  return extended as unknown as PrismaClient;
}

/** Statements prepared per process at most: each of the pool's server connections keeps their plans. */
const MOST_PREPARED = 500;
/** Longer statements (bulk inserts with a parameter per cell) are each planned where they run. */
const LONGEST_PREPARED = 16_000;
/** Times a statement runs unprepared before it is prepared: what runs once (set-up, scripts) never is. */
const PREPARE_AFTER = 3;

/**
 * Names for the statements that run again and again, so that each pooled connection has the server
 * parse them once and can keep their plans (node-pg prepares a named statement on a connection's
 * first use of it). Unnamed, PostgreSQL parses and plans every run: on the first-come bench that was
 * about a third of its time per application (0.56 ms of planning for the eligibility read alone).
 * Bounded, since the server keeps every prepared statement for the connection's life.
 */
export function preparedStatementNames(): (sql: string) => string {
  const named = new Map<string, string>();
  const seen = new Map<string, number>();
  return (sql) => {
    const name = named.get(sql);
    if (name !== undefined) return name;
    if (named.size >= MOST_PREPARED || sql.length > LONGEST_PREPARED) return '';
    const times = (seen.get(sql) ?? 0) + 1;
    if (times < PREPARE_AFTER) {
      // Forgetting what was seen only delays a statement's preparing.
      if (seen.size >= MOST_PREPARED * 20) seen.clear();
      seen.set(sql, times);
      return '';
    }
    seen.delete(sql);
    const prepared = `kmg_${named.size + 1}`;
    named.set(sql, prepared);
    return prepared;
  };
}

/**
 * KMG_DB_PREPARED_STATEMENTS=false plans every statement where it runs: for a connection pooler in
 * transaction mode that does not carry prepared statements between its server connections
 * (PgBouncer before 1.21, or with `max_prepared_statements = 0`).
 */
function preparesStatements(): boolean {
  return process.env.KMG_DB_PREPARED_STATEMENTS?.trim().toLowerCase() !== 'false';
}

function poolSize(): number {
  const size = Number(process.env.KMG_DB_POOL_SIZE ?? 10);
  return Number.isInteger(size) && size > 0 ? size : 10;
}

let current: Database | undefined;

/** The process-wide database, created from the environment on first use. */
export function database(): Database {
  current ??= createDatabase(readDatabaseConfig());
  return current;
}

/**
 * A read of the process-wide database past Prisma (`Database.query`), run once more on another
 * connection if it lost its own, as Prisma's reads are (`retryReadsOnce`).
 */
export function readRows<Row>(statement: Statement): Promise<Row[]> {
  return readAgainIfConnectionLost(() => database().query<Row>(statement));
}

/** The process-wide Prisma client. */
export function db(): PrismaClient {
  return database().prisma;
}

/** Replaces the process-wide database (start-up with options, tests with their own database). */
export function useDatabase(next: Database): Database {
  current = next;
  return next;
}

export async function closeDatabase(): Promise<void> {
  const closing = current;
  current = undefined;
  await closing?.close();
}

/**
 * A `contains` filter that reads `%`, `_` and `\` as themselves: Prisma passes the text to LIKE
 * as it is, so a search for "_" would otherwise match everything.
 */
export function containsText(text: string, mode: 'insensitive' | 'default' = 'insensitive') {
  return { contains: text.replace(/[\\%_]/g, '\\$&'), mode } as const;
}
