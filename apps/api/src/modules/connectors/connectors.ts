import type { Router } from 'express';
import type { Config } from '../../platform/config/config.js';
import type { OperationScopes } from '../../platform/database/operation-scope.js';
import type { MentionIngestionService } from '../mentions/mention-ingestion.service.js';
import { ConnectorResolver } from './connector.resolver.js';
import { ConnectorService } from './connector.service.js';
import { FeedPoller } from './feeds/feed-poller.js';
import { MastodonStreams } from './mastodon/mastodon-streams.js';
import { META_WEBHOOK_BASE, metaWebhookRouter } from './meta/meta-webhook.routes.js';
import { MetaWebhookService } from './meta/meta-webhook.service.js';
import { ConnectorScheduler } from './runtime/connector-scheduler.js';
import { SecretBox } from './runtime/secret-box.js';

export interface Connectors {
  readonly resolver: ConnectorResolver;
  /** Mount at `path`: Meta's webhook callbacks. */
  readonly webhooks: { readonly path: string; readonly router: Router };
  /** Starts polling feeds and holding streams in this replica. */
  start(): void;
  stop(): Promise<void>;
}

/** Builds the connectors context once, for the composition root. */
export function createConnectors(deps: {
  scopes: OperationScopes;
  ingestion: MentionIngestionService;
  config: Config;
  /** Outside production the secrets' key is derived from this when CONNECTOR_SECRET_KEY is unset. */
  tokenSecret: string;
}): Connectors {
  const { scopes, ingestion, config } = deps;
  const box = new SecretBox(config.CONNECTOR_SECRET_KEY ?? deps.tokenSecret);
  const allowPrivate = config.CONNECTOR_ALLOW_PRIVATE_NETWORKS;
  const leaseSeconds = Math.max(60, config.CONNECTOR_TICK_SECONDS * 4);
  const scheduler = new ConnectorScheduler(
    scopes,
    new FeedPoller(scopes, ingestion, allowPrivate),
    new MastodonStreams(scopes, ingestion, box, allowPrivate, leaseSeconds),
    config.CONNECTOR_TICK_SECONDS * 1000,
  );
  return {
    resolver: new ConnectorResolver(new ConnectorService(scopes, box, scheduler)),
    webhooks: {
      path: META_WEBHOOK_BASE,
      router: metaWebhookRouter(new MetaWebhookService(scopes, ingestion, box)),
    },
    start: () => scheduler.start(),
    stop: () => scheduler.stop(),
  };
}
