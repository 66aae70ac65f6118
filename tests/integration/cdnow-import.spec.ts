import { beforeAll, describe, expect, it } from 'vitest';
import { CDNOW_MAPPING, cdnowAsCsv } from '../support/cdnow.js';
import { fitCustomerValue } from '../support/customer-value.js';
import { runImport, uploadImport } from '../support/data-imports.js';
import { withClient } from '../support/databases.js';
import { type Caller, signIn } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

describe('the CDNOW purchase history, imported through the CSV path as orders', () => {
  const suite = useSuite();
  let agent: Caller;
  beforeAll(async () => {
    const { accessToken } = await signIn(
      suite.api.graphqlUrl,
      suite.world.users.aMANAGER.email,
      PASSWORD,
    );
    agent = { token: accessToken, tenantId: suite.world.tenants.a };
  });

  it('gives 23,570 customers with the order count, amounts and items of the file', async () => {
    const file = cdnowAsCsv();
    expect(file).toMatchObject({ orders: 69_659, customers: 23_570 });
    const { id, status } = await uploadImport(
      suite.api.url,
      agent,
      'ORDERS',
      'CDNOW_master.csv',
      file.csv,
    );
    expect(status).toBe(201);
    const done = await runImport(
      suite.api.graphqlUrl,
      agent,
      id ?? '',
      {
        mapping: CDNOW_MAPPING,
      },
      240_000,
    );
    expect(done).toMatchObject({
      state: 'SUCCEEDED',
      totalRows: file.orders,
      importedRows: file.orders,
      failedRows: 0,
    });
    const stored = await withClient(suite.databaseUrl, async (db) => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS orders, count(DISTINCT contact_id)::int AS customers,
                (sum(amount) * 100)::bigint::text AS cents, sum(item_count)::int AS cds,
                (SELECT count(*)::int FROM contact WHERE tenant_id = $1) AS contacts
         FROM customer_order WHERE tenant_id = $1`,
        [suite.world.tenants.a],
      );
      return rows[0];
    });
    expect(stored).toEqual({
      orders: file.orders,
      customers: file.customers,
      cents: String(file.cents),
      cds: file.cds,
      contacts: file.customers,
    });
  }, 300_000);

  it('fits the whole history, zero-value orders included, and reports what it set aside', async () => {
    const fit = await fitCustomerValue(
      suite.api.graphqlUrl,
      agent,
      { calibrationEnd: '1997-09-30' },
      240_000,
    );
    expect(fit).toMatchObject({ state: 'SUCCEEDED', failure: null, customersUsed: 23_570 });
    expect(fit.ordersSetAside).toBe(0);
    expect(fit.spendCustomersSetAside).toBeGreaterThan(0);
    expect(fit.contactsScored).toBe(23_570);
    expect(fit.bgNbd?.converged).toBe(true);
    expect(fit.gammaGamma?.converged).toBe(true);
  }, 300_000);
});
