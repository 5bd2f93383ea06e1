import { type CompactGraphcacheSchema, expandGraphcacheSchema, graphcacheKeysFor } from '@kmg/ui';
import { authExchange } from '@urql/exchange-auth';
import { type CacheExchangeOpts, cacheExchange } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import i18next from 'i18next';
import { Client, fetchExchange } from 'urql';
import compactSchema from '#generated/graphcache-schema.json';
import { updates } from '#lib/updates.ts';

const schema = expandGraphcacheSchema(compactSchema as CompactGraphcacheSchema);

/** Sign-outs begun so far: a client made before the latest one belongs to the person leaving. */
let signOuts = 0;

/**
 * Call as a sign-out begins: the client of the person leaving stops sending anyone to sign in. Its
 * pages and bell may still be answered "not signed in" before the app has left them, and must not
 * turn the sign-out into a trip to the sign-in page.
 */
export function beginSignOut(): void {
  signOuts += 1;
}

/**
 * The app's urql client. The cache holds what one person sees (`me`, `viewerApplication`), so
 * signing in or out starts a fresh client with an empty cache (`SessionProvider`) instead of
 * trying to evict every per-viewer field.
 */
export function createClient(): Client {
  const generation = signOuts;
  return new Client({
    url: '/graphql',
    // The API's CSRF protection refuses GET requests without a preflight header: always POST.
    preferGetMethod: false,
    fetchOptions: () => ({
      credentials: 'same-origin',
      headers: { 'accept-language': i18next.language === 'en' ? 'en' : 'id' },
    }),
    exchanges: [
      cacheExchange({
        // Types without an `id` (payloads, errors, connections) live inside their parent.
        keys: {
          ...graphcacheKeysFor(schema),
          // A gain's `id` is the call or pathway it names, and the SKS it adds differ by programme:
          // it lives inside its estimate, not shared between programmes.
          RecognitionGain: () => null,
        },
        // The schema lets the cache match fragments on `Error` and the result unions exactly.
        schema: schema as CacheExchangeOpts['schema'],
        updates,
        // "Muat lebih banyak" asks for the next page; the cache appends it to the pages it holds.
        resolvers: {
          Query: {
            trainingCalls: relayPagination(),
            myApplications: relayPagination(),
            schoolApplications: relayPagination(),
            schoolDisseminationReports: relayPagination(),
            notifications: relayPagination(),
          },
        },
      }),
      authExchange(async () => ({
        addAuthToOperation: (operation) => operation,
        // The session is an httpOnly cookie: on UNAUTHENTICATED send the person to sign in again.
        didAuthError: (error) => error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED'),
        refreshAuth: async () => {
          if (generation !== signOuts) return;
          // The call list is public: a widget there that needs the person (the bell, as a sign-out
          // lands here) never turns reading it into a trip to the sign-in page.
          if (window.location.pathname === '/') return;
          if (!window.location.pathname.startsWith('/masuk')) {
            const here = `${window.location.pathname}${window.location.search}`;
            window.location.assign(`/masuk?next=${encodeURIComponent(here)}`);
          }
        },
      })),
      fetchExchange,
    ],
  });
}
