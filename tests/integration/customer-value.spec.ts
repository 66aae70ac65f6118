import { discountedClv } from '@socialcrm/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { CDNOW_MAPPING, cdnowAsCsv } from '../support/cdnow.js';
import { settled, writeActivity } from '../support/customer-activity.js';
import { insertContacts } from '../support/customer-records.js';
import { fitCustomerValue } from '../support/customer-value.js';
import { runImport, uploadImport } from '../support/data-imports.js';
import { withClient } from '../support/databases.js';
import { type Caller, errorCodes, gql, signIn } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const callerOf = async (
  suite: ReturnType<typeof useSuite>,
  user: 'aMANAGER' | 'aAGENT' | 'aVIEWER',
) => {
  const { accessToken } = await signIn(
    suite.api.graphqlUrl,
    suite.world.users[user].email,
    PASSWORD,
  );
  return { token: accessToken, tenantId: suite.world.tenants.a };
};

describe('customer value on the CDNOW sample, through the product', () => {
  const suite = useSuite({ CUSTOMER_UPKEEP_SECONDS: '1' });
  let manager: Caller;
  let viewer: Caller;

  beforeAll(async () => {
    manager = await callerOf(suite, 'aMANAGER');
    viewer = await callerOf(suite, 'aVIEWER');
    const file = cdnowAsCsv('sample');
    expect(file).toMatchObject({ orders: 6_919, customers: 2_357 });
    const { id } = await uploadImport(
      suite.api.url,
      manager,
      'ORDERS',
      'CDNOW_sample.csv',
      file.csv,
    );
    const done = await runImport(
      suite.api.graphqlUrl,
      manager,
      id ?? '',
      { mapping: CDNOW_MAPPING },
      120_000,
    );
    expect(done).toMatchObject({ state: 'SUCCEEDED', importedRows: file.orders, failedRows: 0 });
  }, 150_000);

  it('reproduces the papers’ BG/NBD and Gamma–Gamma estimates to two decimals', async () => {
    const fit = await fitCustomerValue(suite.api.graphqlUrl, manager, {
      calibrationEnd: '1997-09-30',
    });
    expect(fit.failure).toBeNull();
    expect(fit.state).toBe('SUCCEEDED');
    // Fader, Hardie & Lee (2005), table 1; Fader & Hardie (2013), the 946 repeat buyers.
    expect(fit.bgNbd?.r).toBeCloseTo(0.243, 2);
    expect(fit.bgNbd?.alpha).toBeCloseTo(4.414, 2);
    expect(fit.bgNbd?.a).toBeCloseTo(0.793, 2);
    expect(fit.bgNbd?.b).toBeCloseTo(2.426, 2);
    expect(fit.gammaGamma?.p).toBeCloseTo(6.25, 2);
    expect(fit.gammaGamma?.q).toBeCloseTo(3.74, 2);
    expect(fit.gammaGamma?.gamma).toBeCloseTo(15.44, 2);
    expect(fit).toMatchObject({
      customersUsed: 2_357,
      spendCustomersUsed: 946,
      contactsScored: 2_357,
    });
    // The fit check runs over calibration and holdout (to 1998-06-30, 78 weeks), cumulative.
    expect(fit.fitCheck.length).toBe(78);
    const last = fit.fitCheck.at(-1);
    expect(last?.actual).toBeGreaterThan(0);
    // The papers' model tracks the total within a few percent by the end of the holdout.
    expect(Math.abs((last?.predicted ?? 0) / (last?.actual ?? 1) - 1)).toBeLessThan(0.05);
  }, 120_000);

  it('values every customer and ranks them, readable on contacts', async () => {
    const top = await gql<{
      topCustomersByValue: { contactId: string; clv: string; probabilityAlive: number }[];
      clvDistribution: { contacts: number }[];
      latestCustomerValueFit: { calibrationEnd: string } | null;
    }>(
      suite.api.graphqlUrl,
      '{ topCustomersByValue(first: 5) { contactId clv probabilityAlive } clvDistribution(buckets: 10) { contacts } latestCustomerValueFit { calibrationEnd } }',
      {},
      viewer,
    );
    expect(top.errors).toBeUndefined();
    const ranked = top.data?.topCustomersByValue ?? [];
    expect(ranked).toHaveLength(5);
    const clvs = ranked.map((row) => Number(row.clv));
    expect(clvs).toEqual([...clvs].sort((a, b) => b - a));
    expect(top.data?.clvDistribution.reduce((sum, bucket) => sum + bucket.contacts, 0)).toBe(2_357);
    expect(top.data?.latestCustomerValueFit?.calibrationEnd).toBe('1997-09-30');
    const contact = await gql<{ contact: { value: { clv: string; probabilityAlive: number } } }>(
      suite.api.graphqlUrl,
      'query($id: ID!) { contact(id: $id) { value { clv probabilityAlive expectedPurchases90 expectedOrderValue } } }',
      { id: ranked[0]?.contactId },
      viewer,
    );
    expect(contact.data?.contact.value.clv).toBe(ranked[0]?.clv);
    expect(contact.data?.contact.value.probabilityAlive).toBeGreaterThan(0);
  });

  it('fits while the upkeep re-values every contact, and neither is rolled back', async () => {
    const failedJobs = async () => {
      const scraped = await (await fetch(suite.api.metricsUrl)).text();
      return [...scraped.matchAll(/socialcrm_jobs_total\{job="([^"]+)",outcome="failed"\} (\d+)/g)]
        .filter(([, job]) => job === 'customer-upkeep.apply' || job === 'customer-value.fit')
        .reduce((sum, [, , count]) => sum + Number(count), 0);
    };
    const failedBefore = await failedJobs();
    // Every contact changed at once: the upkeep writes their values batch by batch while the
    // fit writes all of them (before the two took turns, one of them deadlocked most rounds).
    for (let round = 0; round < 3; round++) {
      await withClient(suite.databaseUrl, (db) =>
        db.query(
          `INSERT INTO contact_change (tenant_id, contact_id)
           SELECT tenant_id, id FROM contact WHERE tenant_id = $1 ON CONFLICT DO NOTHING`,
          [suite.world.tenants.a],
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const fit = await fitCustomerValue(suite.api.graphqlUrl, manager, {
        calibrationEnd: '1997-09-30',
      });
      expect(fit).toMatchObject({ state: 'SUCCEEDED', failure: null, contactsScored: 2_357 });
    }
    await settled(suite, manager);
    expect(await failedJobs()).toBe(failedBefore);
  }, 180_000);

  it('refuses bad terms naming the field, and viewers and agents', async () => {
    const bad = await gql(
      suite.api.graphqlUrl,
      'mutation { fitCustomerValue(input: { calibrationEnd: "2999-01-01", horizonMonths: 0 }) { id } }',
      {},
      manager,
    );
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    const fields = JSON.stringify(bad.errors);
    expect(fields).toContain('input.calibrationEnd');
    expect(fields).toContain('input.horizonMonths');
    for (const user of ['aVIEWER', 'aAGENT'] as const) {
      const refused = await gql(
        suite.api.graphqlUrl,
        'mutation { fitCustomerValue { id } }',
        {},
        await callerOf(suite, user),
      );
      expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    }
  });
});

describe('customer value where no one has bought twice', () => {
  const suite = useSuite({ CUSTOMER_UPKEEP_SECONDS: '1' });

  it('records the models’ objection when no customer has bought twice, and values no one', async () => {
    const manager = await callerOf(suite, 'aMANAGER');
    const tenantId = suite.world.tenants.a;
    const [once] = await insertContacts(suite.databaseUrl, tenantId, ['Bought once']);
    await writeActivity(
      suite.databaseUrl,
      tenantId,
      Date.now(),
      [{ contactId: once as string, daysAgo: 30, amount: 25 }],
      [],
    );
    const fit = await fitCustomerValue(suite.api.graphqlUrl, manager, {});
    expect(fit).toMatchObject({
      state: 'FAILED',
      failure: 'customers must include at least one repeat transaction (x > 0)',
      contactsScored: null,
    });
  });
});

describe('customer value on a history with refunds and free items', () => {
  const suite = useSuite({ CUSTOMER_UPKEEP_SECONDS: '1' });

  it('sets aside refund days, keeps zero-value days, and re-values changed contacts', async () => {
    const manager = await callerOf(suite, 'aMANAGER');
    const tenantId = suite.world.tenants.a;
    const ids = await insertContacts(
      suite.databaseUrl,
      tenantId,
      Array.from({ length: 30 }, (_, index) => `Buyer ${index}`),
    );
    const now = Date.now();
    const orders = ids.flatMap((contactId, index) => [
      { contactId, daysAgo: 200 + index, amount: 20 + index },
      ...(index % 2 ? [{ contactId, daysAgo: 100 + index, amount: 15 + (index % 7) }] : []),
      ...(index % 3 === 0 ? [{ contactId, daysAgo: 50, amount: 30 }] : []),
    ]);
    // A refund day (negative total), a contact with only a refund, and a free repeat item.
    orders.push({ contactId: ids[1] as string, daysAgo: 10, amount: -40 });
    orders.push({ contactId: ids[2] as string, daysAgo: 5, amount: 0 });
    const [refundOnly] = await insertContacts(suite.databaseUrl, tenantId, ['Refund only']);
    orders.push({ contactId: refundOnly as string, daysAgo: 8, amount: -12 });
    await writeActivity(suite.databaseUrl, tenantId, now, orders, []);

    const fit = await fitCustomerValue(suite.api.graphqlUrl, manager, {});
    expect(fit).toMatchObject({
      state: 'SUCCEEDED',
      ordersSetAside: 2,
      customersSetAside: 1,
      customersUsed: 30,
      contactsScored: 30,
    });

    // A new order of a valued contact before the calibration end: the upkeep values it again,
    // exactly as the domain does with the fit's models and the contact's new summary.
    await writeActivity(
      suite.databaseUrl,
      tenantId,
      now,
      [{ contactId: ids[4] as string, daysAgo: 3, amount: 500 }],
      [],
    );
    await settled(suite, manager);
    const after = await withClient(
      suite.databaseUrl,
      async (db) =>
        (
          await db.query(
            'SELECT clv::float8 AS clv, clv_fit_id FROM contact_metrics WHERE contact_id = $1',
            [ids[4]],
          )
        ).rows[0],
    );
    expect(after.clv_fit_id).toBe(fit.id);
    const day = (daysAgo: number) =>
      Math.floor((now - daysAgo * 86_400_000 - 6 * 3_600_000) / 86_400_000);
    const today = Math.floor(Date.now() / 86_400_000);
    const summary = {
      x: 1,
      tx: (day(3) - day(204)) / 7,
      T: (today - day(204)) / 7,
      m: 500,
    };
    const models = {
      purchases: fit.bgNbd as { r: number; alpha: number; a: number; b: number },
      spend: fit.gammaGamma as { p: number; q: number; gamma: number },
    };
    const expected = discountedClv(models, summary, {
      periods: 12,
      periodLength: 52 / 12,
      discountRate: 1.1 ** (1 / 12) - 1,
      margin: 1,
    });
    expect(after.clv).toBeCloseTo(expected, 3);
  }, 90_000);
});
