import { withClient } from './databases.js';
import { type Caller, gql } from './graphql-client.js';
import type { Suite } from './suite.js';

const DAY = 86_400_000;

export interface Order {
  contactId: string;
  daysAgo: number;
  amount: number;
}
export interface Engagement {
  contactId: string;
  daysAgo: number;
  kind: 'OPENED' | 'CLICKED' | 'SENT';
}

let external = 0;

/** Writes orders and engagement events straight to the database, as the tenant (amounts in EUR). */
export async function writeActivity(
  databaseUrl: string,
  tenantId: string,
  now: number,
  orders: readonly Order[],
  events: readonly Engagement[],
) {
  // Six hours off the day boundary, so recency in whole days cannot change within a test.
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY - 6 * 3_600_000).toISOString();
  await withClient(databaseUrl, async (db) => {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${tenantId}}`]);
    await db.query(
      `INSERT INTO customer_order (tenant_id, id, external_id, contact_id, ordered_at, amount, currency, reporting_amount, item_count)
       SELECT $1, gen_random_uuid(), e, c, t, a, 'EUR', a, 1
       FROM unnest($2::text[], $3::uuid[], $4::timestamptz[], $5::numeric[]) AS o(e, c, t, a)`,
      [
        tenantId,
        orders.map(() => `scores-order-${++external}`),
        orders.map((order) => order.contactId),
        orders.map((order) => at(order.daysAgo)),
        orders.map((order) => order.amount),
      ],
    );
    await db.query(
      `INSERT INTO engagement_event (tenant_id, id, external_id, contact_id, kind, occurred_at)
       SELECT $1, gen_random_uuid(), e, c, k, t
       FROM unnest($2::text[], $3::uuid[], $4::text[], $5::timestamptz[]) AS v(e, c, k, t)`,
      [
        tenantId,
        events.map(() => `scores-event-${++external}`),
        events.map((event) => event.contactId),
        events.map((event) => event.kind),
        events.map((event) => at(event.daysAgo)),
      ],
    );
    await db.query('COMMIT');
  });
}

/** Waits until the upkeep has carried every change into the contacts' metrics. */
export async function settled(suite: Suite, caller: Caller) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = await gql<{ pendingContactUpdates: number }>(
      suite.api.graphqlUrl,
      '{ pendingContactUpdates }',
      {},
      caller,
    );
    if (state.data?.pendingContactUpdates === 0) return;
    if (Date.now() > deadline) throw new Error(`upkeep did not settle: ${JSON.stringify(state)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
