import type { Operation } from '../../platform/database/operation-scope.js';
import type { ContactUpkeepStep } from '../customer-upkeep/index.js';

/**
 * Timeline entries that are no interaction: what the upkeep derives (so a step's own entry
 * cannot change the metrics it was derived from) and changes made to the record itself.
 */
const NOT_INTERACTIONS = ['LIFECYCLE_CHANGE', 'SEGMENT_ENTERED', 'SEGMENT_LEFT', 'MERGE', 'EDIT']
  .map((kind) => `'${kind}'`)
  .join(', ');

/**
 * What a contact's own records say about it, kept on `contact_metrics` for the changed contacts
 * of a batch in one statement: the channels it has identities on (lower-cased, as segment rules
 * name them), its reach (the sum of its identities' followers: each account reaches its own
 * audience), the mean sentiment of the mentions it wrote, its latest interaction on the timeline
 * and its purchases in the reporting currency.
 */
export const metricsStep: ContactUpkeepStep = {
  name: 'contact metrics',
  async apply(op: Operation, contactIds: readonly string[]) {
    await (await op.manager()).query(
      `INSERT INTO contact_metrics AS m (tenant_id, contact_id, channels, followers, sentiment,
         last_interaction_at, order_count, revenue, first_order_at, last_order_at, updated_at)
       SELECT c.tenant_id, c.id,
              coalesce(si.channels, '{}'), si.followers, ms.sentiment, tl.latest,
              coalesce(o.orders, 0), coalesce(o.revenue, 0), o.first_at, o.last_at, now()
       FROM contact c
       LEFT JOIN LATERAL (
         SELECT array_agg(DISTINCT lower(s.channel) ORDER BY lower(s.channel)) AS channels,
                sum(s.followers) AS followers
         FROM social_identity s WHERE s.tenant_id = c.tenant_id AND s.contact_id = c.id
       ) si ON true
       LEFT JOIN LATERAL (
         SELECT avg(mn.sentiment_score)::double precision AS sentiment
         FROM social_identity s
         JOIN mention mn ON mn.tenant_id = s.tenant_id AND mn.author_identity_id = s.id
         WHERE s.tenant_id = c.tenant_id AND s.contact_id = c.id
       ) ms ON true
       LEFT JOIN LATERAL (
         SELECT max(t.occurred_at) AS latest FROM timeline_event t
         WHERE t.tenant_id = c.tenant_id AND t.contact_id = c.id
           AND t.kind NOT IN (${NOT_INTERACTIONS})
       ) tl ON true
       LEFT JOIN LATERAL (
         SELECT count(*)::int AS orders, sum(co.reporting_amount) AS revenue,
                min(co.ordered_at) AS first_at, max(co.ordered_at) AS last_at
         FROM customer_order co WHERE co.tenant_id = c.tenant_id AND co.contact_id = c.id
       ) o ON true
       WHERE c.tenant_id = $1 AND c.id = ANY ($2::uuid[])
       ORDER BY c.id -- rows locked in one order, as the RFM scoring does: no deadlock between them
       ON CONFLICT (tenant_id, contact_id) DO UPDATE SET
         channels = excluded.channels, followers = excluded.followers,
         sentiment = excluded.sentiment, last_interaction_at = excluded.last_interaction_at,
         order_count = excluded.order_count, revenue = excluded.revenue,
         first_order_at = excluded.first_order_at, last_order_at = excluded.last_order_at,
         updated_at = excluded.updated_at`,
      [await op.tenantId(), contactIds],
    );
  },
};
