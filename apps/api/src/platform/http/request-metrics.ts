import type { RequestHandler } from 'express';
import { Histogram } from 'prom-client';
import { metrics } from '../metrics/metrics.js';

const requests = new Histogram({
  name: 'socialcrm_http_request_duration_seconds',
  help: 'Api HTTP requests (GraphQL, /api, /webhooks) by area and status: rate and latency.',
  labelNames: ['area', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metrics],
});

const AREAS = new Set(['graphql', 'api', 'webhooks']);

/** Times every api request by its area (the first path segment); the admin's files are not counted. */
export function requestMetrics(): RequestHandler {
  return (req, res, next) => {
    const area = req.path.split('/')[1] ?? '';
    if (AREAS.has(area)) {
      const stop = requests.startTimer({ area });
      res.once('finish', () => stop({ status: String(res.statusCode) }));
    }
    next();
  };
}
