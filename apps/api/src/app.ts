import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { type Actor, createActor, loadViewer } from '@kmg/core/actor';
import { db } from '@kmg/db';
import { pickLocale, translateError } from '@kmg/domain';
import { schema } from '@kmg/graphql';
import { fromNodeHeaders, toNodeHandler } from 'better-auth/node';
import compression from 'compression';
import express from 'express';
import helmet from 'helmet';
import { type Auth, CLIENT_IP_HEADER, createAuth } from '#auth.ts';
import { credentialRoutes } from '#credentials-routes.ts';
import { evidenceRoutes } from '#files/routes.ts';
import { createStorage, type StorageConfig } from '#files/storage.ts';

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
  storage: StorageConfig;
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

function maskInternalErrors(): ApolloServerPlugin<Actor> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, errors }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const locale = contextValue?.locale ?? 'id';
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
            // No database connection came free in time (a flash crowd): nothing was written, and
            // the person can simply try again; say so instead of reporting a failure.
            if ((original as { code?: string } | undefined)?.code === 'P2028') {
              return {
                message: translateError('BUSY', locale),
                path: error.path,
                extensions: { code: 'SERVICE_BUSY' },
              };
            }
            console.error('GraphQL error', errors?.[index] ?? error);
            return {
              message: translateError('INTERNAL', locale),
              path: error.path,
              extensions: { code: 'INTERNAL_SERVER_ERROR' },
            };
          });
        },
      };
    },
  };
}

export async function createApp(config: ApiConfig) {
  const auth: Auth = createAuth({
    prisma: db(),
    baseURL: config.publicUrl,
    secret: config.secret,
    trustedOrigins: config.trustedOrigins,
    signInAttemptsPerMinute: config.signInAttemptsPerMinute,
  });
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    costLimit: { maxCost: 20_000 },
    maxAliases: { n: 15 },
    maxDirectives: { n: 20 },
    maxTokens: { n: 3_000 },
    blockFieldSuggestion: { enabled: config.isProduction },
  });
  // graphql-armor types its plugins against Apollo's CommonJS build; they are the same at run time.
  const protection = armor.protect() as unknown as {
    plugins: ApolloServerPlugin<Actor>[];
    validationRules: NonNullable<ConstructorParameters<typeof ApolloServer>[0]['validationRules']>;
  };
  const apollo = new ApolloServer<Actor>({
    schema,
    introspection: !config.isProduction,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: !config.isProduction,
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
    const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) });
    const viewer = session ? await loadViewer(session.user.id) : null;
    return createActor({ viewer, locale: pickLocale(req.headers['accept-language']) });
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
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: ({ req }) => contextFrom(req),
    }),
  );
  app.use(credentialRoutes());
  app.use(
    evidenceRoutes({ storage: createStorage(config.storage), contextFrom, publicUrl: config.publicUrl }),
  );
  if (config.webRoot) serveApps(app, config.webRoot);

  return {
    app,
    auth,
    async listen(port: number, host = '0.0.0.0'): Promise<Server> {
      return new Promise((resolve) => {
        const server = app.listen(port, host, () => resolve(server));
      });
    },
    async stop() {
      await apollo.stop();
    },
  };
}

/** The admin console at /admin, the learner app at / (both single-page apps). */
function serveApps(app: express.Express, webRoot: string) {
  for (const [mount, folder] of [
    ['/admin', 'admin'],
    ['', 'learner'],
  ] as const) {
    const dir = join(webRoot, folder, 'dist');
    if (!existsSync(join(dir, 'index.html'))) continue;
    // Vite names assets by content hash: cache them for good; index.html is always revalidated.
    app.use(
      `${mount}/assets`,
      express.static(join(dir, 'assets'), { maxAge: '1y', immutable: true, fallthrough: false }),
    );
    app.use(mount || '/', express.static(dir, { index: false, maxAge: '1h' }));
    app.get(mount ? [mount, `${mount}/{*rest}`] : '/{*rest}', (req, res, next) => {
      if (req.path.startsWith('/graphql') || req.path.startsWith('/api/')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(dir, 'index.html'));
    });
  }
}
