import type { Config } from '../../platform/config/config.js';
import type { OperationScopes } from '../../platform/database/operation-scope.js';
import type { JobSender } from '../../platform/jobs/job-definition.js';
import { defineModule } from '../../platform/modules/api-module.js';
import type { MentionIngestionService } from '../ingest/index.js';
import { ConnectorResolver } from './connector.resolver.js';
import { ConnectorService } from './connector.service.js';
import { CONNECTOR_QUEUES } from './connector-queues.js';
import { FeedPoller } from './feeds/feed-poller.js';
import { MastodonStreams } from './mastodon/mastodon-streams.js';
import { META_WEBHOOK_BASE, metaWebhookRouter } from './meta/meta-webhook.routes.js';
import { MetaWebhookService } from './meta/meta-webhook.service.js';
import { ConnectorScheduler } from './runtime/connector-scheduler.js';
import { SecretBox } from './runtime/secret-box.js';

/** Sources that bring mentions in: RSS feeds, Mastodon streams, Meta webhooks. */
export const connectorsModule = defineModule({
  name: 'connectors',
  resolvers: [ConnectorResolver],
  queues: CONNECTOR_QUEUES,
  build(deps: {
    scopes: OperationScopes;
    ingestion: MentionIngestionService;
    jobs: JobSender;
    config: Config;
    /** Outside production the secrets' key is derived from this when CONNECTOR_SECRET_KEY is unset. */
    tokenSecret: string;
  }) {
    const { scopes, ingestion, config } = deps;
    const box = new SecretBox(config.CONNECTOR_SECRET_KEY ?? deps.tokenSecret);
    const allowPrivate = config.CONNECTOR_ALLOW_PRIVATE_NETWORKS;
    const leaseSeconds = Math.max(60, config.CONNECTOR_TICK_SECONDS * 4);
    const scheduler = new ConnectorScheduler(
      scopes,
      new FeedPoller(scopes, ingestion, allowPrivate),
      new MastodonStreams(scopes, ingestion, box, allowPrivate, leaseSeconds),
      deps.jobs,
      config.CONNECTOR_TICK_SECONDS * 1000,
    );
    return {
      resolvers: [new ConnectorResolver(new ConnectorService(box, scheduler))],
      // Meta's webhook callbacks.
      routes: [
        {
          method: 'use',
          path: META_WEBHOOK_BASE,
          handler: metaWebhookRouter(new MetaWebhookService(scopes, ingestion, box)),
        },
      ],
      jobs: scheduler.jobDefinitions(),
      // Holds Mastodon streams in this replica (feeds are polled by jobs).
      start: () => scheduler.start(),
      stop: () => scheduler.stop(),
      offers: {},
    };
  },
});
