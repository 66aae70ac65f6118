import type { AccessTokens } from '../../platform/auth/access-token.js';
import type { OperationScopes } from '../../platform/database/operation-scope.js';
import { defineModule } from '../../platform/modules/api-module.js';
import type { SocialIdentities } from '../contacts/index.js';
import type { MentionFeedService } from '../live-feed/index.js';
import { DemoMentions } from './demo/demo-mentions.js';
import { IngestResolver } from './ingest.resolver.js';
import { MentionIngestionService } from './mention-ingestion.service.js';
import { ndjsonIngestRoute } from './ndjson-ingest.route.js';

/** Posts in (GraphQL batches, NDJSON streams, connectors): understood, stored once, fed live. */
export const ingestModule = defineModule({
  name: 'ingest',
  resolvers: [IngestResolver],
  build({
    scopes,
    tokens,
    feed,
    identities,
  }: {
    scopes: OperationScopes;
    tokens: AccessTokens;
    feed: MentionFeedService;
    identities: SocialIdentities;
  }) {
    const ingestion = new MentionIngestionService(feed, identities);
    return {
      resolvers: [new IngestResolver(ingestion)],
      routes: [
        {
          method: 'post',
          path: '/api/ingest/mentions',
          handler: ndjsonIngestRoute({ scopes, tokens, ingestion }),
        },
      ],
      offers: { ingestion, demo: new DemoMentions(scopes, ingestion) },
    };
  },
});
