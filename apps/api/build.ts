// Bundles the API into dist/ (Node does not strip types under node_modules, and a deployable should
// not need the workspace). Packages with WASM or native files stay external and are installed as
// the API's own dependencies. The Prisma schema and migrations ship beside the bundle.
import { cp, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('.', import.meta.url));
const external = [
  '@electric-sql/pglite',
  '@prisma/client',
  '@prisma/adapter-pg',
  '@prisma/driver-adapter-utils',
  '@prisma/schema-engine-wasm',
  'pglite-prisma-adapter',
  'pg',
  'pg-native',
  // The certificate reads its font files from the package at run time.
  'pdfkit',
  '@expo-google-fonts/noto-sans',
];

await rm(`${root}dist`, { recursive: true, force: true });
await build({
  entryPoints: { main: `${root}src/main.ts`, bench: `${root}src/bench.ts` },
  outdir: `${root}dist`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  sourcemap: true,
  external,
  logLevel: 'warning',
  // Bundled CommonJS dependencies still call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __kmgCreateRequire } from 'node:module'; const require = __kmgCreateRequire(import.meta.url);",
  },
});
await cp(fileURLToPath(new URL('../../prisma', import.meta.url)), `${root}dist/prisma`, {
  recursive: true,
  filter: (source) => !source.endsWith('.md'),
});
console.log('Built apps/api/dist');
