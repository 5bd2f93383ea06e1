import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { constants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Manifest, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';

const api = process.env.KMG_API_URL ?? 'http://localhost:4000';
const messagesModule = resolve(import.meta.dirname, 'src/messages.ts');
const commonMessagesModule = resolve(import.meta.dirname, '../../packages/ui/src/messages.ts');
const dist = resolve(import.meta.dirname, 'dist');
const reactOnPreact = resolve(import.meta.dirname, 'src/lib/react-on-preact.ts');
/** A Preact entry as a path, so packages that do not depend on Preact (`@kmg/ui`, Mantine) find it. */
const preact = (entry: string) => fileURLToPath(import.meta.resolve(`preact/${entry}`));

type LearnerMessages = typeof import('./src/messages.ts');

/** The app's strings (`src/messages.ts`), freshly evaluated so the dev server picks up edited ones. */
async function importMessages(): Promise<{
  learner: LearnerMessages;
  withCommonMessages: typeof import('../../packages/ui/src/messages.ts').withCommonMessages;
}> {
  const fresh = (file: string) => `${pathToFileURL(file).href}?t=${Date.now()}`;
  const learner = (await import(fresh(messagesModule))) as LearnerMessages;
  const { withCommonMessages } = (await import(
    fresh(commonMessagesModule)
  )) as typeof import('../../packages/ui/src/messages.ts');
  return { learner, withCommonMessages };
}

/**
 * `virtual:kmg-messages/<locale>`: one language of the first screen's strings with the shared ones
 * from `@kmg/ui`, evaluated at build time; `virtual:kmg-messages/<locale>/pages`: the other pages'.
 * The first screen carries Indonesian only; English and the other pages' strings are chunks of their
 * own, fetched when someone reads them. The build also writes all strings in both languages to
 * `.vite/messages.json` (not served), where the API reads the words of the call list it renders
 * into `index.html` (apps/api/src/first-screen.ts).
 */
function messagesByLocale(): Plugin {
  const prefix = 'virtual:kmg-messages/';
  return {
    name: 'kmg-messages-by-locale',
    resolveId: (id) => (id.startsWith(prefix) ? `\0${id}` : undefined),
    async load(id) {
      if (!id.startsWith(`\0${prefix}`)) return;
      const [locale, part] = id.slice(prefix.length + 1).split('/');
      if (!(locale === 'id' || locale === 'en') || (part !== undefined && part !== 'pages')) {
        throw new Error(`No messages "${id.slice(1)}"`);
      }
      this.addWatchFile(messagesModule);
      this.addWatchFile(commonMessagesModule);
      const { learner, withCommonMessages } = await importMessages();
      const messages =
        part === 'pages' ? learner.pageMessages : withCommonMessages(learner.firstScreenMessages);
      return `export default ${JSON.stringify(messages[locale])};`;
    },
    async generateBundle() {
      const { learner, withCommonMessages } = await importMessages();
      this.emitFile({
        type: 'asset',
        fileName: '.vite/messages.json',
        source: JSON.stringify(withCommonMessages(learner.messages)),
      });
    },
  };
}

/** Every chunk `keys` need to run (their static imports and CSS), from Vite's build manifest. */
function chunkClosure(manifest: Manifest, keys: string[]): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return files;
}

export default defineConfig({
  base: '/',
  resolve: {
    // The app, Mantine and React Router run on Preact through its compat layer: React and React DOM
    // were ~67 KB gzip of the first screen's 196 KB, Preact with compat is ~10 KB.
    alias: [
      { find: /^react$/, replacement: reactOnPreact },
      { find: /^react-dom$/, replacement: preact('compat') },
      { find: /^react-dom\/client$/, replacement: preact('compat/client') },
      { find: /^react\/jsx-(dev-)?runtime$/, replacement: preact('jsx-runtime') },
    ],
  },
  plugins: [
    // JSX only: React Fast Refresh needs React DOM, so an edit reloads the page in development.
    react({ refreshExclude: /./ }),
    messagesByLocale(),
    // Served as built by the API (express-static-gzip): brotli at its highest quality and gzip at
    // level 9 cost build time once instead of CPU on every request.
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      include: /\.(js|css|html|svg|webmanifest)$/,
      threshold: 1024,
    }),
    VitePWA({
      // A new deploy waits until the person agrees to reload (UpdatePrompt), never mid-form.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'KMG – Kredensial Mikro Guru SMK',
        short_name: 'KMG',
        description: 'Pelatihan industri dan kredensial mikro untuk guru SMK.',
        lang: 'id',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#00716b',
        background_color: '#ffffff',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png}'],
        // Precache the app shell, the wallet and the strings (English, the other pages'), not every
        // page: the first visit on a slow, metered connection should not fetch the whole app in the
        // background. Other pages' chunks are cached the first time they are opened (runtime
        // caching below).
        manifestTransforms: [
          async (entries) => {
            const file = join(dist, '.vite/manifest.json');
            // Also called when the build failed (then its error is the one to read).
            if (!existsSync(file)) return { manifest: entries, warnings: [] };
            const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
            const keys = Object.keys(manifest).filter(
              (key) =>
                manifest[key]?.isEntry ||
                key === 'src/pages/CredentialsPage.tsx' ||
                key.includes('virtual:kmg-messages/'),
            );
            const shell = chunkClosure(manifest, keys);
            return {
              manifest: entries.filter((entry) => !entry.url.startsWith('assets/') || shell.has(entry.url)),
              warnings: [],
            };
          },
        ],
        navigateFallback: 'index.html',
        // `/` comes from the server with the call list rendered in (apps/api/src/first-screen.ts):
        // never answered from the precache while online (below); `index.html` only offline.
        directoryIndex: null,
        // The API and the admin console (its own app at /admin) are never answered by this worker.
        navigateFallbackDenylist: [
          /^\/$/,
          /^\/admin/,
          /^\/graphql/,
          /^\/api\//,
          /^\/credentials\//,
          // `/issuers/<slug>` is the issuer's page here; below it are its DID document and status lists.
          /^\/issuers\/[^/]+\/./,
          /^\/achievements\//,
          /^\/healthz/,
        ],
        runtimeCaching: [
          {
            urlPattern: ({ request, url, sameOrigin }) =>
              sameOrigin && request.mode === 'navigate' && url.pathname === '/' && !url.search,
            handler: 'NetworkOnly',
            options: { precacheFallback: { fallbackURL: 'index.html' } },
          },
          {
            // Content-hashed, so a cached copy is never stale.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: { cacheName: 'kmg-pages', expiration: { maxEntries: 300 } },
          },
          {
            // The seals drawn on credentials, so the wallet looks the same offline.
            urlPattern: ({ url, sameOrigin }) =>
              sameOrigin && /^\/achievements\/[^/]+\/image\.svg$/.test(url.pathname),
            handler: 'StaleWhileRevalidate',
            options: { cacheName: 'kmg-seals', expiration: { maxEntries: 100 } },
          },
        ],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: {
    port: 5173,
    strictPort: true,
    // The API also serves credential files (JSON, PDF) and issuers' DID documents and status lists.
    proxy: { '/graphql': api, '/api': api, '/credentials': api, '/issuers': api },
  },
  build: {
    sourcemap: true,
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the entry imports statically (the first screen) in one chunk. Left to
          // themselves, modules the first screen shares with other pages become ~30 small chunks,
          // and on slow 3G each request waits its turn (six at a time) and pays the round trip:
          // that, not the bytes, was most of the wait for the app to take over.
          groups: [{ name: 'first-screen', tags: ['$initial'] }],
        },
      },
    },
  },
});
