import { type CompactGraphcacheSchema, expandGraphcacheSchema, graphcacheKeysFor } from '@kmg/ui';
import { authExchange } from '@urql/exchange-auth';
import { type CacheExchangeOpts, cacheExchange } from '@urql/exchange-graphcache';
import i18next from 'i18next';
import { Client, fetchExchange } from 'urql';
import compactSchema from '#generated/graphcache-schema.json';
import { updates } from '#lib/updates.ts';

const schema = expandGraphcacheSchema(compactSchema as CompactGraphcacheSchema);

/** Where the console lives; the API serves it under /admin beside the learner app. */
export const signInPath = '/admin/masuk';

/** The console's normalized cache, as the client below uses it (tests drive it the same way). */
export const cacheOptions: CacheExchangeOpts = {
  // The schema lets the cache tell the members of result unions apart exactly.
  schema: schema as CacheExchangeOpts['schema'],
  // Every id-less type (payloads, errors, review summaries...) is stored inside its parent.
  keys: graphcacheKeysFor(schema),
  updates,
};

export const client = new Client({
  url: '/graphql',
  // POST with a JSON body: the API's CSRF guard refuses simple GET requests, and long page queries
  // would not fit a URL anyway.
  preferGetMethod: false,
  fetchOptions: () => ({
    credentials: 'same-origin',
    headers: { 'accept-language': i18next.language === 'en' ? 'en' : 'id' },
  }),
  exchanges: [
    cacheExchange(cacheOptions),
    authExchange(async () => ({
      addAuthToOperation: (operation) => operation,
      // The session is an httpOnly cookie: on UNAUTHENTICATED send the person to sign in again.
      didAuthError: (error) => error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED'),
      refreshAuth: async () => {
        if (!window.location.pathname.startsWith(signInPath)) {
          const here = window.location.pathname.replace(/^\/admin/, '') + window.location.search;
          window.location.assign(`${signInPath}?next=${encodeURIComponent(here || '/')}`);
        }
      },
    })),
    fetchExchange,
  ],
});
