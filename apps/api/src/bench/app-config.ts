import type { ApiConfig } from '#app.ts';

/** The secret benchmark sessions are signed with (cookies made by `sessionCookie`). */
export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret-00';

/** How every benchmark runs the API: as in production, on a loopback port, nothing served but the API. */
export const benchAppConfig: ApiConfig = {
  publicUrl: 'http://127.0.0.1',
  secret: BENCH_SECRET,
  trustedOrigins: [],
  isProduction: true,
  webRoot: null,
  trustProxy: false,
  signInAttemptsPerMinute: 10,
  storage: { kind: 'disk', dir: '/tmp/kmg-bench-uploads' },
};
