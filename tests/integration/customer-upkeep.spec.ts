import { describe, expect, it } from 'vitest';
import { insertContacts } from '../support/customer-records.js';
import { runtimeUrl, withClient } from '../support/databases.js';
import { gql, signIn } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const PENDING = '{ pendingContactUpdates }';

async function pendingOf(suite: ReturnType<typeof useSuite>, tenantId: string) {
  const { accessToken } = await signIn(
    suite.api.graphqlUrl,
    suite.world.users.aVIEWER.email,
    PASSWORD,
  );
  const response = await gql<{ pendingContactUpdates: number }>(
    suite.api.graphqlUrl,
    PENDING,
    {},
    { token: accessToken, tenantId },
  );
  expect(response.errors).toBeUndefined();
  return response.data?.pendingContactUpdates;
}

describe('customer upkeep: every write that changes a contact is noted', () => {
  // The upkeep paused: what is written stays pending.
  const suite = useSuite({ CUSTOMER_UPKEEP_SECONDS: '0' });

  it('notes contacts and their orders once per contact, in their tenant', async () => {
    const [first, second] = await insertContacts(suite.databaseUrl, suite.world.tenants.a, [
      'Ana',
      'Bruno',
    ]);
    await withClient(suite.databaseUrl, async (db) => {
      await db.query(
        `INSERT INTO customer_order (tenant_id, id, external_id, contact_id, ordered_at, amount, currency, reporting_amount, item_count)
         VALUES ($1, gen_random_uuid(), 'o-1', $2, now(), 10, 'EUR', 10, 1)`,
        [suite.world.tenants.a, first],
      );
    });
    const noted = await withClient(suite.databaseUrl, async (db) =>
      (
        await db.query('SELECT tenant_id, contact_id FROM contact_change ORDER BY contact_id')
      ).rows.filter((row) => [first, second].includes(row.contact_id)),
    );
    expect(noted).toHaveLength(2);
    expect(noted.every((row) => row.tenant_id === suite.world.tenants.a)).toBe(true);
    expect(await pendingOf(suite, suite.world.tenants.a)).toBeGreaterThanOrEqual(2);
  });
});

describe('customer upkeep: the clock drains what was noted', () => {
  const suite = useSuite({ CUSTOMER_UPKEEP_SECONDS: '1' });

  it('leaves nothing pending once the upkeep has run', async () => {
    await insertContacts(suite.databaseUrl, suite.world.tenants.a, ['Carla', 'Diego', 'Elena']);
    const deadline = Date.now() + 20_000;
    let pending = await pendingOf(suite, suite.world.tenants.a);
    while (pending !== 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      pending = await pendingOf(suite, suite.world.tenants.a);
    }
    expect(pending).toBe(0);
    const left = await withClient(suite.databaseUrl, async (db) =>
      Number((await db.query('SELECT count(*) FROM contact_change')).rows[0].count),
    );
    expect(left).toBe(0);
  });
});

describe('customer upkeep: planner statistics after a bulk write', () => {
  const suite = useSuite({ CUSTOMER_UPKEEP_SECONDS: '0' });

  it('analyzes the customer tables a bulk write left stale, as the runtime role, and only those', async () => {
    const tenantId = suite.world.tenants.a;
    await withClient(suite.databaseUrl, (db) =>
      db.query(
        `INSERT INTO contact (tenant_id, id, display_name)
         SELECT $1, gen_random_uuid(), 'Bulk ' || n FROM generate_series(1, 2000) n`,
        [tenantId],
      ),
    );
    const refresh = () =>
      withClient(runtimeUrl(suite.databaseUrl), async (db) =>
        (await db.query<{ t: string }>('SELECT app.refresh_stale_statistics() AS t')).rows.map(
          (row) => row.t,
        ),
      );
    expect(await refresh()).toContain('contact');
    const estimate = await withClient(suite.databaseUrl, async (db) =>
      Number(
        (await db.query(`SELECT reltuples FROM pg_class WHERE relname = 'contact'`)).rows[0]
          .reltuples,
      ),
    );
    expect(estimate).toBeGreaterThanOrEqual(2000);
    // Nothing changed since: a second call analyzes nothing.
    expect(await refresh()).toEqual([]);
  });
});
