// Runs `prisma generate` without Prisma's native schema engine. The CLI checks that the engine
// binary exists before generating, although generate itself only parses the schema (WASM) and runs
// JS generators. Pointing the documented PRISMA_SCHEMA_ENGINE_BINARY at any executable (here the
// running node) skips the download that would fail offline. We never run that binary: migrations go
// through @prisma/schema-engine-wasm (see migrate.ts).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';

const schema = fileURLToPath(new URL('../../../prisma/schema.prisma', import.meta.url));
const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [prismaCli, 'generate', '--schema', schema, '--no-hints'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    // Generators (prisma-pothos-types) are found on PATH, as `pnpm run` would set it.
    PATH: [fileURLToPath(new URL('../node_modules/.bin', import.meta.url)), process.env.PATH].join(delimiter),
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
});
process.exit(result.status ?? 1);
