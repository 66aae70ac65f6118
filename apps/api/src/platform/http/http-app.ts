import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compression from 'compression';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { DataSource } from 'typeorm';
import { log } from '../logging/log.js';
import { requestIdFrom } from '../logging/request-id.js';
import type { RedisReachability } from '../redis/redis-reachability.js';
import { requestMetrics } from './request-metrics.js';

const MAX_BODY = '100kb';

/** Express for the plain routes: health, readiness, and the built admin app. */
export function createHttpApp(options: {
  runtime: DataSource;
  adminDir: string | undefined;
  trustProxy: boolean;
  redisReachability: (() => RedisReachability) | undefined;
  liveSubscribers: () => number;
}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await options.runtime.query('SELECT 1');
      // Without Redis a replica still serves (limits in memory, feed by polling): ready, degraded.
      const redis = options.redisReachability?.();
      res.json({
        status: 'ready',
        liveSubscribers: options.liveSubscribers(),
        ...(redis && { redis }),
        ...(redis === 'unreachable' && {
          degraded: ['sign-in throttle in memory', 'live feed by polling'],
        }),
      });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  app.use(requestLog());
  app.use(requestMetrics());
  app.use('/graphql', express.json({ limit: MAX_BODY }));
  return app;
}

/**
 * One line per api request (GraphQL, ingestion, webhooks; not the admin's files or health
 * checks), with its request id, which the response returns as `X-Request-Id`. A client's
 * error (4xx) is information, not an error of ours.
 */
function requestLog() {
  return pinoHttp({
    logger: log,
    genReqId: (req, res) => {
      const id = requestIdFrom(req.headers['x-request-id'] as string | undefined);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // Every line of the request (its own, and `req.log`'s) names it.
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    autoLogging: { ignore: (req) => !/^\/(graphql|api\/|webhooks\/)/.test(req.url ?? '') },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
    customProps: (_req, res) => (res as express.Response).locals?.logFields ?? {},
    serializers: {
      req: (req) => ({ method: req.method, path: String(req.url ?? '').split('?')[0] }),
      res: (res) => ({ statusCode: res.statusCode }),
    },
  });
}

/**
 * Serves the admin single-page app, falling back to index.html for client-side routes. Mounted
 * after the api's routes, so only the admin's files are compressed. Vite names every asset by
 * its content: they never change, while index.html is checked on every visit.
 */
export function serveAdmin(app: Express, adminDir: string | undefined): boolean {
  if (!adminDir || !existsSync(join(adminDir, 'index.html'))) return false;
  app.use(compression());
  app.use(
    '/assets',
    express.static(join(adminDir, 'assets'), { index: false, immutable: true, maxAge: '1y' }),
  );
  app.use(express.static(adminDir, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!graphql|healthz|readyz).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(adminDir, 'index.html'));
  });
  return true;
}

/** body-parser's limit in bytes, as a person reads it: each route sets its own. */
function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} kB`;
}

/** Malformed or oversized JSON bodies get a short GraphQL-shaped answer, not a stack trace. */
export const bodyErrorHandler: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  const tooLarge = error?.type === 'entity.too.large';
  res.status(tooLarge ? 413 : 400).json({
    errors: [
      {
        message: tooLarge
          ? `Request body exceeds ${formatLimit(error.limit)}`
          : 'Request body is not valid JSON',
        extensions: { code: 'BAD_REQUEST' },
      },
    ],
  });
};
