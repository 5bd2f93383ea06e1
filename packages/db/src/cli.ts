// `pnpm db:migrate`, `pnpm db:migration:new <name>`, `pnpm db:seed`.
import { closeDatabase, database } from '#client.ts';
import { applyMigrations, createMigration } from '#migrate.ts';
import { seedDemoData } from '#seed/seed.ts';

const [command, ...args] = process.argv.slice(2);

async function main(): Promise<void> {
  switch (command) {
    case 'migrate': {
      const applied = await applyMigrations();
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
      break;
    }
    case 'migration:new': {
      const dir = await createMigration(args.join('_'));
      console.log(
        dir
          ? `Wrote ${dir}/migration.sql; review it, then commit it.`
          : 'schema.prisma matches the migrations: nothing to write.',
      );
      break;
    }
    case 'seed': {
      await applyMigrations();
      const { created } = await seedDemoData(database().prisma);
      console.log(created ? `Seeded ${created} records.` : 'Demo data already present.');
      break;
    }
    default:
      console.error('Usage: cli.ts migrate | migration:new <name> | seed');
      process.exitCode = 1;
  }
}

try {
  await main();
} finally {
  await closeDatabase();
  // The WASM schema engine leaves a timer behind for ~10 s after its work is done; nothing is pending.
  process.exit();
}
