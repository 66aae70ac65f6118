import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImport, uploadImport } from '../support/data-imports.js';
import { withClient } from '../support/databases.js';
import { type Caller, signIn } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

/** The shared data sets: SHARED_DATA_DIR, else `../shared/data` beside the repository. */
function sharedDataDir(): string {
  if (process.env.SHARED_DATA_DIR) return process.env.SHARED_DATA_DIR;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error('pnpm-workspace.yaml not found');
    dir = parent;
  }
  return join(dir, '..', 'shared', 'data');
}

/**
 * CDNOW_master.txt (customer id, yyyymmdd, CDs, dollars; whitespace separated, a header line)
 * as the CSV a shop would export: one order per purchase, numbered by its line. The totals are
 * the file's own, counted here in cents.
 */
function cdnowAsCsv() {
  const lines = readFileSync(join(sharedDataDir(), 'cdnow', 'CDNOW_master.txt'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim());
  const customers = new Set<string>();
  let cents = 0;
  let cds = 0;
  const rows = lines.map((line, index) => {
    const [customer = '', date = '', count = '', dollars = ''] = line.trim().split(/\s+/);
    customers.add(customer);
    cds += Number(count);
    cents += Math.round(Number(dollars) * 100);
    return `cdnow-${index + 2},${customer},${date},${count},${dollars},USD`;
  });
  const csv = ['Order id,Customer id,Order date,Item count,Amount,Currency', ...rows].join('\n');
  return { csv, orders: lines.length, customers: customers.size, cents, cds };
}

describe('the CDNOW purchase history, imported through the CSV path as orders', () => {
  const suite = useSuite();
  let agent: Caller;
  beforeAll(async () => {
    const { accessToken } = await signIn(
      suite.api.graphqlUrl,
      suite.world.users.aAGENT.email,
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
        mapping: [
          { column: 'Order id', field: 'externalId' },
          { column: 'Customer id', field: 'contactExternalId' },
          { column: 'Order date', field: 'orderedAt' },
          { column: 'Item count', field: 'itemCount' },
          { column: 'Amount', field: 'amount' },
          { column: 'Currency', field: 'currency' },
        ],
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
});
