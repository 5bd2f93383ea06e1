// Bundles the API into dist/ (Node does not strip types under node_modules, and a deployable should
// not need the workspace). Packages with WASM or native files stay external and are installed as
// the API's own dependencies. The Prisma schema and migrations ship beside the bundle, and so do the
// demo curricula the seed reads.
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
  // The badge PNG renderer is a native addon (a prebuilt binary inside its npm package).
  '@resvg/resvg-js',
  // Dissemination photos are resized and stripped of metadata by libvips (prebuilt binaries too).
  'sharp',
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
// The RPL demo reads its curricula as a university would upload them: the files ship too.
await cp(
  fileURLToPath(new URL('../../packages/db/src/seed/curricula', import.meta.url)),
  `${root}dist/curricula`,
  {
    recursive: true,
    filter: (source) => !/\.(md|ts|xlsx)$/.test(source),
  },
);
console.log('Built apps/api/dist');
