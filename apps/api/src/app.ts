import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { type Actor, createActor, type Viewer } from '@kmg/core/actor';
import { databaseErrorCodes, db, isConnectionError, type Role } from '@kmg/db';
import { type Locale, pickLocale, translateError } from '@kmg/domain';
import { type GraphqlContext, schema } from '@kmg/graphql';
import { fromNodeHeaders, toNodeHandler } from 'better-auth/node';
import compression from 'compression';
import express from 'express';
import expressStaticGzip from 'express-static-gzip';
import { GraphQLError } from 'graphql';
import helmet from 'helmet';
import { type Auth, CLIENT_IP_HEADER, createAuth } from '#auth.ts';
import { calendarRoutes } from '#calendar-routes.ts';
import { type Clock, systemClock } from '#clock.ts';
import { credentialRoutes } from '#credentials-routes.ts';
import { brandingRoutes } from '#files/branding-routes.ts';
import { dashboardRoutes } from '#files/dashboard-routes.ts';
import { disseminationRoutes } from '#files/dissemination-routes.ts';
import { discardStoredFile, evidenceRoutes } from '#files/routes.ts';
import { rplReviewRoutes } from '#files/rpl-review-routes.ts';
import { rplRoutes } from '#files/rpl-routes.ts';
import { createStorage, type StorageConfig } from '#files/storage.ts';
import { createFirstScreen } from '#first-screen.ts';
import { createLinkPreview } from '#link-preview.ts';
import { createProfilePage } from '#profile-page.ts';
import { createSessionReader } from '#session-reader.ts';

/** Connections the kernel may hold for the API before it accepts them (see `listen`). */
export const LISTEN_BACKLOG = 4096;

export type ApiConfig = {
  publicUrl: string;
  secret: string;
  trustedOrigins: string[];
  isProduction: boolean;
  /** Folder holding `learner/` and `admin/` builds; null serves the API only. */
  webRoot: string | null;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  signInAttemptsPerMinute: number;
  /** Failed sign-ins an account may have before each further attempt must wait (default 5). */
  signInFailuresBeforeDelay?: number;
  storage: StorageConfig;
  /** The time requests are judged by (default: the system clock); sessions keep the real one. */
  clock?: Clock;
};

/** Error codes a client may see as they are; anything else is a bug, logged and masked. */
const publicErrorCodes = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Lexical tokens in one GraphQL document; 1,000 aliases or 4,000 fields are refused unread. */
const MAX_TOKENS = 3_000;
const BODY_LIMIT_MB = 1;

/** Seconds a client waits before trying again when the database is unreachable or saturated. */
const RETRY_AFTER_SECONDS = 5;

function setServiceBusy(http: { status?: number; headers: HeaderMap }) {
  http.status = 503;
  http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
}

/** The request's context; a lost database connection while reading the session is SERVICE_BUSY too. */
async function busyWhenDisconnected<T>(load: () => Promise<T>, locale: Locale): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!isConnectionError(error)) throw error;
    const http = { headers: new HeaderMap() };
    setServiceBusy(http);
    throw new GraphQLError(translateError('BUSY', locale), {
      originalError: error as Error,
      extensions: { code: 'SERVICE_BUSY', http },
    });
  }
}

function maskInternalErrors(): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, errors }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const locale = contextValue?.locale ?? 'id';
          let isBusy = false;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error, index) => {
            const code = String(error.extensions?.code ?? '');
            if (publicErrorCodes.has(code)) return error;
            // Malformed ids and cursors are the client's mistake, not a bug: say so plainly.
            const original = (errors?.[index] as { originalError?: Error } | undefined)?.originalError;
            if (
              original?.name === 'PothosValidationError' ||
              /invalid (global id|cursor)/i.test(original?.message ?? '')
            ) {
              return {
                message: translateError('INVALID_ID', locale),
                path: error.path,
                extensions: { code: 'BAD_USER_INPUT' },
              };
            }
            // No database connection came free in time (a flash crowd), or PostgreSQL dropped it (a
            // restart): nothing was written, and the person can simply try again; say so, with a
            // 503 and Retry-After, instead of reporting a failure.
            if (isConnectionError(original)) {
              isBusy = true;
              return {
                message: translateError('BUSY', locale),
                path: error.path,
                extensions: { code: 'SERVICE_BUSY' },
              };
            }
            // Text with a NUL that reached a query without the shared input rules (a filter, an
            // id): PostgreSQL refuses it (22021; 22P05 inside JSON). Bad input, not a bug.
            if (databaseErrorCodes(original).some((state) => state === '22021' || state === '22P05')) {
              return {
                message: translateError('INVALID_CHARACTER', locale),
                path: error.path,
                extensions: { code: 'BAD_USER_INPUT' },
              };
            }
            console.error('GraphQL error', errors?.[index] ?? error);
            return {
              message: translateError('INTERNAL', locale),
              path: error.path,
              extensions: { code: 'INTERNAL_SERVER_ERROR' },
            };
          });
          if (isBusy) setServiceBusy(response.http);
        },
      };
    },
  };
}

/** The viewer of a session: better-auth reads the user's roles, organization and language with it. */
function viewerOf(user: {
  id: string;
  name: string;
  email: string;
  roles: string[];
  organizationId?: string | null;
  locale: string;
}): Viewer {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    roles: user.roles as Role[],
    organizationId: user.organizationId ?? null,
    locale: user.locale === 'en' ? 'en' : 'id',
  };
}

/** The body parser's refusals (not JSON, over 1 MB) answered as GraphQL errors, in JSON. */
const refuseUnreadableBody: express.ErrorRequestHandler = (error, _req, res, next) => {
  const { status, type } = error as { status?: number; type?: string };
  if (!status || status < 400 || status >= 500) return next(error);
  const message =
    type === 'entity.too.large'
      ? `The request body is too large (at most ${BODY_LIMIT_MB} MB).`
      : type === 'entity.parse.failed'
        ? `The request body is not valid JSON: ${(error as Error).message}`
        : (error as Error).message;
  res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
};

export async function createApp(config: ApiConfig) {
  const clock = config.clock ?? systemClock;
  // better-auth keeps its own time: sessions expire on the real clock whatever `clock` says.
  const auth: Auth = createAuth({
    prisma: db(),
    baseURL: config.publicUrl,
    secret: config.secret,
    trustedOrigins: config.trustedOrigins,
    signInAttemptsPerMinute: config.signInAttemptsPerMinute,
    signInFailuresBeforeDelay: config.signInFailuresBeforeDelay,
  });
  const readSession = createSessionReader(auth);
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    costLimit: { maxCost: 20_000 },
    maxAliases: { n: 15 },
    maxDirectives: { n: 20 },
    // graphql-armor counts tokens by parsing in a plugin hook that throws, which Apollo reports as
    // an unexpected failure (HTTP 500). graphql-js counts them in Apollo's own parse (below), so a
    // long document is a syntax error like any other: 400 GRAPHQL_PARSE_FAILED.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: config.isProduction },
  });
  // graphql-armor types its plugins against Apollo's CommonJS build; they are the same at run time.
  const protection = armor.protect() as unknown as {
    plugins: ApolloServerPlugin<GraphqlContext>[];
    validationRules: NonNullable<ConstructorParameters<typeof ApolloServer>[0]['validationRules']>;
  };
  const apollo = new ApolloServer<GraphqlContext>({
    schema,
    introspection: !config.isProduction,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: !config.isProduction,
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules: protection.validationRules,
    plugins: [
      ...protection.plugins,
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      maskInternalErrors(),
    ],
  });
  await apollo.start();

  /** The request's viewer (from the session cookie) and language, for GraphQL and plain routes. */
  async function contextFrom(req: express.Request): Promise<Actor> {
    // Most readers of the public pages are signed out: without a session cookie there is no
    // session to look up (measured: better-auth's lookup was 40% of an anonymous request's
    // overhead); a signed-in request's live session is one statement (see session-reader.ts).
    const session = await readSession({
      cookie: req.headers.cookie,
      toHeaders: () => fromNodeHeaders(req.headers),
    });
    return createActor({
      viewer: session ? viewerOf(session.user) : null,
      locale: pickLocale(req.headers['accept-language']),
      now: clock(),
    });
  }

  const storage = createStorage(config.storage);
  /** Files of records a mutation deleted, once its transaction has committed. */
  async function discardStoredFiles(storageKeys: readonly string[]) {
    await Promise.all(storageKeys.map((storageKey) => discardStoredFile(storage, storageKey)));
  }

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          upgradeInsecureRequests: config.publicUrl.startsWith('https://') ? [] : null,
        },
      },
      hsts: config.publicUrl.startsWith('https://'),
    }),
  );
  app.use(compression());
  // The client address for rate limits comes from the socket or, behind a proxy, from Express'
  // trusted X-Forwarded-For; whatever a client sent in this header is overwritten.
  app.use((req, _res, next) => {
    req.headers[CLIENT_IP_HEADER] = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    next();
  });
  app.all('/api/auth/{*rest}', toNodeHandler(auth));
  app.get('/healthz', async (_req, res) => {
    await db().$queryRaw`SELECT 1`;
    res.json({ status: 'ok' });
  });
  app.use(
    '/graphql',
    express.json({ limit: `${BODY_LIMIT_MB}mb` }),
    expressMiddleware(apollo, {
      context: ({ req }) =>
        busyWhenDisconnected(
          async () => ({ ...(await contextFrom(req)), discardStoredFiles }),
          pickLocale(req.headers['accept-language']),
        ),
    }),
    refuseUnreadableBody,
  );
  app.use(credentialRoutes({ clock, contextFrom }));
  app.use(calendarRoutes({ contextFrom }));
  app.use(evidenceRoutes({ storage, contextFrom, publicUrl: config.publicUrl }));
  app.use(rplRoutes({ storage, contextFrom, publicUrl: config.publicUrl }));
  app.use(disseminationRoutes({ storage, contextFrom, publicUrl: config.publicUrl }));
  app.use(rplReviewRoutes({ storage, contextFrom, publicUrl: config.publicUrl }));
  app.use(brandingRoutes({ contextFrom, publicUrl: config.publicUrl }));
  app.use(dashboardRoutes({ contextFrom }));
  if (config.webRoot) serveApps(app, config.webRoot, clock);
  app.use(answerUnexpectedErrors);

  return {
    app,
    auth,
    /**
     * Listens on `port`. With `ownSocket` (an HTTP worker of `pnpm start`, on Linux) the process
     * binds a socket of its own beside its siblings' (SO_REUSEPORT) and the kernel spreads new
     * connections over them, instead of the cluster's primary accepting each and passing it on:
     * when a window opens and a thousand phones connect at once, that hand-over in the primary
     * cost about as much CPU as the API's work per application (first-come bench, 2 workers).
     */
    async listen(port: number, { host = '0.0.0.0', ownSocket = false } = {}): Promise<Server> {
      return new Promise((resolve) => {
        // When a window opens, a thousand teachers connect at once. Node's default queue of
        // connections waiting to be accepted (511) overflows: the kernel drops the rest, and their
        // phones try again only after a second or more. The kernel caps this at net.core.somaxconn.
        const server = app.listen(
          { port, host, backlog: LISTEN_BACKLOG, ...(ownSocket ? { exclusive: true, reusePort: true } : {}) },
          () => resolve(server),
        );
        // Idle keep-alive connections outlive the clients' (undici keeps them 4 s, proxies and load
        // balancers up to 60 s): a server closing first races a client reusing the socket, and the
        // request is reset (ECONNRESET) when timers run late on a busy machine.
        server.keepAliveTimeout = 65_000;
        server.headersTimeout = 66_000;
      });
    },
    async stop() {
      await apollo.stop();
    },
  };
}

/**
 * The last word on any plain route (health, credentials, files) that failed: a lost database
 * connection is a retryable 503, anything else a logged 500 in the reader's language. Either way
 * the process keeps serving.
 */
const answerUnexpectedErrors: express.ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  const locale = pickLocale(req.headers['accept-language']);
  if (isConnectionError(error)) {
    res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(503).json({ code: 'SERVICE_BUSY', message: translateError('BUSY', locale) });
    return;
  }
  console.error('Request failed', req.method, req.path, error);
  res.status(500).json({ code: 'INTERNAL', message: translateError('INTERNAL', locale) });
};

/**
 * The admin console at /admin, the learner app at / (both single-page apps). Files are served as
 * the build compressed them (brotli at its highest quality, else gzip: `.br` and `.gz` beside
 * each), so `compression()` leaves them alone; a build without them is served plain and
 * compressed on the fly as before. The learner's `/` comes with its first screen rendered in
 * (first-screen.ts), compressed on the fly.
 */
function serveApps(app: express.Express, webRoot: string, clock: Clock) {
  for (const [mount, folder] of [
    ['/admin', 'admin'],
    ['', 'learner'],
  ] as const) {
    const dir = join(webRoot, folder, 'dist');
    if (!existsSync(join(dir, 'index.html'))) continue;
    const precompressed = { enableBrotli: true, orderPreference: ['br', 'gz'], index: false };
    // Vite names assets by content hash: cache them for good; index.html is always revalidated.
    app.use(
      `${mount}/assets`,
      expressStaticGzip(join(dir, 'assets'), {
        ...precompressed,
        serveStatic: { maxAge: '1y', immutable: true, fallthrough: false },
      }),
    );
    app.use(
      mount || '/',
      expressStaticGzip(dir, {
        ...precompressed,
        serveStatic: {
          index: false,
          maxAge: '1h',
          // The service worker and the web app manifest must be fetched fresh after a deploy.
          setHeaders: (res, path) => {
            if (/\/(sw\.js|manifest\.webmanifest)$/.test(path)) res.setHeader('Cache-Control', 'no-cache');
          },
        },
      }),
    );
    const firstScreen = mount ? null : createFirstScreen({ dir, clock });
    if (firstScreen) app.get('/', firstScreen);
    const linkPreview = mount ? null : createLinkPreview({ dir, clock });
    if (linkPreview) app.get(['/verify/:id', '/kredensial/:id'], linkPreview);
    const profilePage = mount ? null : createProfilePage({ dir, clock });
    if (profilePage) app.get('/guru/:slug', profilePage);
    const page = join(dir, 'index.html');
    app.get(mount ? [mount, `${mount}/{*rest}`] : '/{*rest}', (req, res, next) => {
      if (req.path.startsWith('/graphql') || req.path.startsWith('/api/')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('Vary', 'Accept-Encoding');
      // Brotli whenever the browser takes it (they list it after gzip but it is smaller).
      const encoding = req.acceptsEncodings('br') ? 'br' : req.acceptsEncodings('gzip') ? 'gzip' : null;
      const file = encoding && `${page}.${encoding === 'br' ? 'br' : 'gz'}`;
      if (encoding && file && existsSync(file)) {
        res.setHeader('Content-Encoding', encoding);
        res.type('html').sendFile(file);
      } else {
        res.sendFile(page);
      }
    });
  }
}
