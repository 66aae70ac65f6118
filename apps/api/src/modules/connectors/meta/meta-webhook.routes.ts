import express, { type Request, type Response, Router } from 'express';
import { logFailure } from '../../../platform/errors/log-failure.js';
import { isUuid } from '../../../platform/uuid.js';
import type { MetaWebhookService } from './meta-webhook.service.js';

/** Where the callback lives: `${META_WEBHOOK_BASE}/:tenantId/:connectorId`. */
export const META_WEBHOOK_BASE = '/webhooks/meta';

/**
 * Meta's webhook protocol: GET answers the subscription challenge, POST takes signed
 * deliveries. The body is kept raw (the signature is over its exact bytes), on this path only.
 */
export function metaWebhookRouter(service: MetaWebhookService): Router {
  const router = Router();
  router.get('/:tenantId/:connectorId', async (req, res) => {
    const ids = idsOf(req);
    if (!ids) return void res.sendStatus(404);
    const challenge = await service
      .challenge(
        ids.tenantId,
        ids.connectorId,
        req.query['hub.mode'],
        req.query['hub.verify_token'],
        req.query['hub.challenge'],
      )
      .catch((error) => failed(res, error));
    if (res.headersSent) return;
    if (challenge === null || challenge === undefined) {
      req.log.warn({ ...ids }, 'refused a Meta verification: wrong token or mode');
      return void res.sendStatus(403);
    }
    res.type('text/plain').send(challenge);
  });
  router.post(
    '/:tenantId/:connectorId',
    express.raw({ type: 'application/json', limit: '1mb' }),
    async (req, res) => {
      const ids = idsOf(req);
      if (!ids) return void res.sendStatus(404);
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const outcome = await service
        .deliver(ids.tenantId, ids.connectorId, req.header('x-hub-signature-256'), body)
        .catch((error) => failed(res, error));
      if (!outcome || res.headersSent) return;
      switch (outcome.kind) {
        case 'unknown':
          return void res.sendStatus(404);
        case 'refused':
          req.log.warn({ ...ids, reason: outcome.reason }, 'refused a Meta delivery');
          return void res.sendStatus(outcome.status);
        case 'malformed':
          return void res.sendStatus(400);
        default:
          res.status(200).json({ received: true });
      }
    },
  );
  return router;
}

function idsOf(req: Request): { tenantId: string; connectorId: string } | null {
  const { tenantId, connectorId } = req.params as Record<string, string>;
  if (!tenantId || !connectorId || !isUuid(tenantId) || !isUuid(connectorId)) return null;
  return { tenantId: tenantId.toLowerCase(), connectorId: connectorId.toLowerCase() };
}

/** A failure on our side: 500, so Meta retries the delivery later. */
function failed(res: Response, error: unknown): undefined {
  logFailure('[connectors] Meta webhook failed', error);
  if (!res.headersSent) res.sendStatus(500);
  return undefined;
}
