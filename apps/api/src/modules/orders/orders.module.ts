import type { AccessTokens } from '../../platform/auth/access-token.js';
import type { OperationScopes } from '../../platform/database/operation-scope.js';
import { ndjsonImportRoute } from '../../platform/import/ndjson-import-route.js';
import { defineModule } from '../../platform/modules/api-module.js';
import type { TimelineService } from '../timeline/index.js';
import { ContactSpendResolver } from './contact-spend.resolver.js';
import { CurrencyResolver } from './currency.resolver.js';
import { CurrencyService } from './currency.service.js';
import { EngagementQueryService } from './engagement-query.service.js';
import { EngagementWriter } from './engagement-writer.js';
import { OrderQueryService } from './order-query.service.js';
import { OrderWriter } from './order-writer.js';
import { OrdersResolver } from './orders.resolver.js';

/**
 * Purchases and email engagement, the tenant's reporting currency and rates. One writer per
 * kind of record serves GraphQL, the NDJSON endpoints and the CSV import alike.
 */
export const ordersModule = defineModule({
  name: 'orders',
  resolvers: [OrdersResolver, CurrencyResolver, ContactSpendResolver],
  build({
    scopes,
    tokens,
    timeline,
  }: {
    scopes: OperationScopes;
    tokens: AccessTokens;
    timeline: TimelineService;
  }) {
    const orderImport = new OrderWriter(timeline);
    const engagementImport = new EngagementWriter(timeline);
    return {
      resolvers: [
        new OrdersResolver(
          { orders: orderImport, engagement: engagementImport },
          new OrderQueryService(),
          new EngagementQueryService(),
        ),
        new CurrencyResolver(new CurrencyService()),
        new ContactSpendResolver(),
      ],
      routes: [
        {
          method: 'post',
          path: '/api/ingest/orders',
          handler: ndjsonImportRoute({ scopes, tokens, target: orderImport }),
        },
        {
          method: 'post',
          path: '/api/ingest/engagement-events',
          handler: ndjsonImportRoute({ scopes, tokens, target: engagementImport }),
        },
      ],
      offers: { orderImport, engagementImport },
    };
  },
});
