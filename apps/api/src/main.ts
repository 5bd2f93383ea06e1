import { configureCredentials } from '@kmg/core/credentials/config';
import { rplDemoReady, seedRplDemoCases } from '@kmg/core/rpl/review/demo';
import {
  closeDatabase,
  createDatabase,
  DEMO_PASSWORD,
  database,
  demoUsers,
  readDatabaseConfig,
  useDatabase,
} from '@kmg/db';
import { applyMigrations } from '@kmg/db/migrate';
import { seedDemoData } from '@kmg/db/seed';
import { createApp } from '#app.ts';
import { readApiConfig, readKeyEncryptionKeys, readMailConfig } from '#config.ts';
import { startJobs, stopJobs } from '#jobs/index.ts';

/** Every setting, read before anything starts. */
function readSettings() {
  const databaseConfig = readDatabaseConfig();
  const config = readApiConfig(process.env, databaseConfig);
  return {
    databaseConfig,
    config,
    keks: readKeyEncryptionKeys(process.env, databaseConfig, config.isProduction),
    mail: readMailConfig(process.env, databaseConfig),
  };
}

let settings: ReturnType<typeof readSettings>;
try {
  settings = readSettings();
} catch (error) {
  // A bad setting: its message names the variable and what it takes; a stack trace would bury it.
  console.error(`KMG cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const { databaseConfig, config, keks, mail } = settings;
useDatabase(createDatabase(databaseConfig));

const applied = await applyMigrations(database());
if (applied.length) console.log(`Migrations applied: ${applied.join(', ')}`);

// Demo data on the embedded database by default; on a server only when asked (KMG_DEMO_DATA=true).
const wantsDemo = process.env.KMG_DEMO_DATA ?? (databaseConfig.kind === 'pglite' ? 'true' : 'false');
if (wantsDemo === 'true') {
  const { created } = await seedDemoData(database().prisma);
  if (created) console.log(`Demo data loaded (${created} records).`);
}

configureCredentials({
  publicUrl: config.publicUrl,
  keks,
  parentOrganizationCode: process.env.KMG_PARENT_ORGANIZATION ?? 'dit-smk',
});
const jobs = await startJobs(database(), { mail });
if (wantsDemo === 'true') void seedRplDemoCasesWhenReady();
const api = await createApp(config);
const server = await api.listen(config.port);

const where =
  databaseConfig.kind === 'pglite'
    ? `embedded PGlite in ${databaseConfig.dataDir}`
    : 'PostgreSQL (DATABASE_URL)';
console.log(`
KMG is running on ${where}
  Learner app      ${config.publicUrl}/
  Admin console    ${config.publicUrl}/admin
  GraphQL API      ${config.publicUrl}/graphql
  Email            ${mail.kind === 'smtp' ? 'SMTP server (KMG_SMTP_URL)' : `written to ${mail.dir}`}
`);
if (wantsDemo === 'true') {
  console.log(`Demo accounts (password for all: ${DEMO_PASSWORD}):`);
  const seen = new Set<string>();
  for (const user of demoUsers) {
    const role = user.roles[0] ?? '';
    if (seen.has(role)) continue;
    seen.add(role);
    const nuptk = user.teacher ? `  or NUPTK ${user.teacher.nuptk}` : '';
    console.log(`  ${role.padEnd(16)} ${user.email}${nuptk}`);
  }
  console.log('');
}

/**
 * The RPL demo's cases rest on the seeded training credentials, which the job queue issues after
 * start-up: once they are all issued, the cases are taken to their steps (once; never twice).
 */
async function seedRplDemoCasesWhenReady() {
  try {
    const deadline = Date.now() + 10 * 60_000;
    while (!(await rplDemoReady())) {
      if (Date.now() > deadline)
        return console.error('RPL demo cases skipped: training credentials not issued.');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const made = await seedRplDemoCases(new Date());
    if (made) console.log(`RPL demo: ${made} cases waiting at every step of the reviewers' workflow.`);
  } catch (error) {
    console.error('RPL demo cases could not be created', error);
  }
}

async function shutdown() {
  server.close();
  await api.stop();
  await stopJobs(jobs);
  await closeDatabase();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
