import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
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
  close(): Promise<void>;
};

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
  if (config.kind === 'pglite') {
    pglite = new PGlite(config.dataDir);
    adapterFactory = new PrismaPGlite(pglite);
    const engine = pglite;
    closeDriver = () => engine.close();
  } else {
    adapterFactory = new PrismaPg({ connectionString: config.url, max: poolSize() });
    closeDriver = async () => {};
  }
  const prisma = new PrismaClient({
    adapter: adapterFactory,
    // Under load, transactions queue for a pooled connection (or PGlite's single one): wait for it
    // rather than fail after Prisma's default two seconds.
    transactionOptions: { maxWait: 15_000, timeout: 20_000 },
    log: options.onQuery ? [{ emit: 'event', level: 'query' }] : [],
  });
  if (options.onQuery) {
    const listener = options.onQuery;
    (prisma as PrismaClient<'query'>).$on('query', (event) =>
      listener({ query: event.query, params: event.params, duration: event.duration }),
    );
  }
  return {
    config,
    prisma,
    pglite,
    adapterFactory,
    async close() {
      await prisma.$disconnect();
      await closeDriver();
    },
  };
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
