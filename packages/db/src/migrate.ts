// Migrations through Prisma's own schema engine compiled to WASM (@prisma/schema-engine-wasm), over
// the same driver adapter the client uses. It writes `_prisma_migrations` and checksums exactly as
// `prisma migrate deploy` does, and never needs Prisma's native engine or the network.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { type Database, database } from '#client.ts';

/**
 * The folder holding `schema.prisma` and `migrations/`: KMG_PRISMA_DIR, else a `prisma/` folder
 * beside this module (the bundled API ships one), else the repository's.
 */
export const defaultPrismaDir =
  process.env.KMG_PRISMA_DIR ??
  [new URL('./prisma', import.meta.url), new URL('../../../prisma', import.meta.url)]
    .map((url) => fileURLToPath(url))
    .find((dir) => existsSync(join(dir, 'schema.prisma'))) ??
  fileURLToPath(new URL('../../../prisma', import.meta.url));

const noFilters = { externalTables: [], externalEnums: [] };
let wasmReady: Promise<void> | undefined;

function loadEngineWasm(): Promise<void> {
  // The package's entry imports the .wasm file as an ES module, which Node refuses; instantiate by hand.
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = readFileSync(join(bgPath, '..', 'schema_engine_bg.wasm'));
    // Node's WebAssembly global; @types/node leaves it to lib.dom, which server code does not load.
    const { WebAssembly: wasm } = globalThis as unknown as {
      WebAssembly: {
        compile(bytes: Uint8Array): Promise<object>;
        instantiate(module: object, imports: object): Promise<{ exports: object }>;
      };
    };
    const module = await wasm.compile(bytes);
    const instance = await wasm.instantiate(module, { './schema_engine_bg.js': engineBindings });
    engineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  })();
  return wasmReady;
}

function schemaFiles(prismaDir: string) {
  const path = join(prismaDir, 'schema.prisma');
  return [{ path, content: readFileSync(path, 'utf8') }];
}

/**
 * @prisma/adapter-pg runs a migration script by splitting it on every `;`, which breaks function
 * bodies (our triggers are PL/pgSQL). node-postgres runs a whole multi-statement script in one
 * simple-protocol query, as PostgreSQL itself would from psql; errors still go through the
 * adapter's own error mapping.
 */
function wholeScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const driver = (
    adapter as unknown as { underlyingDriver(): { query(sql: string): Promise<unknown> } }
  ).underlyingDriver();
  const onError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === 'executeScript') {
        return async (script: string) => {
          try {
            await driver.query(script);
          } catch (error) {
            onError(error);
          }
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Runs `work` on a schema engine over the target's driver, then closes the connections the engine
 * opened: freeing the engine alone would leave its pool (and Prisma's advisory lock) open.
 */
async function withEngine<T>(
  target: Database,
  prismaDir: string,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadEngineWasm();
  const opened: SqlDriverAdapter[] = [];
  const factory = target.adapterFactory;
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => track(await factory.connect()),
    connectToShadowDb: async () => track(await factory.connectToShadowDb()),
  };
  function track(adapter: SqlDriverAdapter) {
    opened.push(adapter);
    return target.config.kind === 'postgres' ? wholeScripts(adapter) : adapter;
  }
  const datamodels: [string, string][] = schemaFiles(prismaDir).map((file) => [file.path, file.content]);
  const engine = await engineBindings.SchemaEngine.new(
    { datamodels },
    () => {},
    bindMigrationAwareSqlAdapterFactory(tracking),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}

export type MigrationOptions = {
  prismaDir?: string;
  /** Stop after this migration (its folder name): a migration test's starting point. */
  until?: string;
};

export function readMigrationList({
  prismaDir = defaultPrismaDir,
  until,
}: MigrationOptions = {}): MigrationList {
  const migrationsDir = join(prismaDir, 'migrations');
  const lockPath = join(migrationsDir, 'migration_lock.toml');
  let lockContent: string | null = null;
  try {
    lockContent = readFileSync(lockPath, 'utf8');
  } catch {}
  const names = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .filter((name) => until === undefined || name <= until);
  if (until !== undefined && !names.includes(until)) throw new Error(`No migration named ${until}`);
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockPath, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      // The engine records `path` as the migration name, as `prisma migrate deploy` does with the folder name.
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: readFileSync(join(migrationsDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  } as MigrationList;
}

/** Applies pending migrations (up to `until`, else all); returns the names applied (empty when up to date). */
export async function applyMigrations(
  target: Database = database(),
  { prismaDir = defaultPrismaDir, until }: MigrationOptions = {},
): Promise<string[]> {
  return withEngine(target, prismaDir, async (engine) => {
    const result = await engine.applyMigrations({
      migrationsList: readMigrationList({ prismaDir, until }),
      filters: noFilters,
    });
    return result.appliedMigrationNames;
  });
}

async function withScratchDatabase<T>(run: (scratch: Database) => Promise<T>): Promise<T> {
  const pglite = new PGlite('memory://');
  const scratch: Database = {
    config: { kind: 'pglite', dataDir: 'memory://' },
    prisma: undefined as never,
    query: undefined as never,
    adapterFactory: new PrismaPGlite(pglite),
    close: () => pglite.close(),
  };
  try {
    return await run(scratch);
  } finally {
    await pglite.close();
  }
}

/** The SQL that takes the migration history to schema.prisma; empty when they agree. */
export async function diffSchemaAgainstMigrations(prismaDir = defaultPrismaDir): Promise<string> {
  return withScratchDatabase(async (scratch) => {
    await applyMigrations(scratch, { prismaDir });
    return withEngine(scratch, prismaDir, async (engine) => {
      const files = schemaFiles(prismaDir);
      const result = await engine.diff({
        from: { tag: 'schemaDatasource', files, configDir: prismaDir },
        to: { tag: 'schemaDatamodel', files },
        script: true,
        exitCode: null,
        filters: noFilters,
      });
      const sql = result.stdout ?? '';
      return /^\s*(--.*\n?)*\s*$/.test(sql) || sql.includes('This is an empty migration') ? '' : sql;
    });
  });
}

/** Writes `prisma/migrations/<timestamp>_<name>/migration.sql` from the schema; null when nothing changed. */
export async function createMigration(
  name: string,
  { now = new Date(), prismaDir = defaultPrismaDir }: { now?: Date; prismaDir?: string } = {},
): Promise<string | null> {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  if (!slug) throw new Error('Give the migration a name, e.g. `pnpm db:migration:new add_selection`.');
  const sql = await diffSchemaAgainstMigrations(prismaDir);
  if (!sql) return null;
  const migrationsDir = join(prismaDir, 'migrations');
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = join(migrationsDir, `${stamp}_${slug}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'migration.sql'), sql);
  await writeFile(
    join(migrationsDir, 'migration_lock.toml'),
    '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
  );
  return dir;
}
