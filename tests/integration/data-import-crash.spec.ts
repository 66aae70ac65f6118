import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from '../support/api-process.js';
import {
  readImport,
  START_DATA_IMPORT,
  uploadImport,
  waitForImport,
} from '../support/data-imports.js';
import { withClient } from '../support/databases.js';
import { type Caller, gql, signIn } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const ROWS = 60_000;
// A run re-queues itself each half expiry; a killed run's job is taken for dead after it.
// The customer upkeep is held still: this is about the import's own resumption, and on two
// cores the upkeep's work behind 60,000 orders would only slow the import down.
const JOB_TIMING = {
  JOB_EXPIRE_SECONDS: '6',
  JOB_MAINTENANCE_SECONDS: '1',
  CUSTOMER_UPKEEP_SECONDS: '0',
};

/** A shop's order export, generated: amounts in cents for an exact expected sum. */
function ordersFile(): { csv: string; cents: number } {
  let cents = 0;
  const lines = ['order,customer,date,amount,currency,items'];
  for (let i = 0; i < ROWS; i++) {
    const amount = 100 + ((i * 7919) % 99_900);
    cents += amount;
    const day = new Date(Date.UTC(2025, 0, 1 + (i % 365))).toISOString().slice(0, 10);
    lines.push(
      `K-${i},customer-${i % 7_000},${day},${(amount / 100).toFixed(2)},USD,${1 + (i % 3)}`,
    );
  }
  return { csv: `${lines.join('\r\n')}\r\n`, cents };
}

describe('an import killed with the api resumes after its last committed batch', () => {
  const suite = useSuite(JOB_TIMING);
  let restarted: ApiProcess | undefined;
  let agent: Caller;
  afterAll(async () => {
    await restarted?.stop();
  });
  beforeAll(async () => {
    const { accessToken } = await signIn(
      suite.api.graphqlUrl,
      suite.world.users.aAGENT.email,
      PASSWORD,
    );
    agent = { token: accessToken, tenantId: suite.world.tenants.a };
  });

  it('ends with every row exactly once after kill -9 mid-import and a restart', async () => {
    const { csv, cents } = ordersFile();
    const { id } = await uploadImport(suite.api.url, agent, 'ORDERS', 'big-orders.csv', csv);
    if (!id) throw new Error('upload failed');
    const started = await gql(
      suite.api.graphqlUrl,
      START_DATA_IMPORT,
      {
        id,
        input: {
          mapping: [
            { column: 'order', field: 'externalId' },
            { column: 'customer', field: 'contactExternalId' },
            { column: 'date', field: 'orderedAt' },
            { column: 'amount', field: 'amount' },
            { column: 'currency', field: 'currency' },
            { column: 'items', field: 'itemCount' },
          ],
        },
      },
      agent,
    );
    expect(started.errors).toBeUndefined();
    // Killed once a few batches are committed, well before the end.
    let before = await readImport(suite.api.graphqlUrl, agent, id);
    while (before.processedRows < 6_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      before = await readImport(suite.api.graphqlUrl, agent, id);
    }
    suite.api.process.kill('SIGKILL');
    await new Promise((resolve) => suite.api.process.once('exit', resolve));
    expect(before.state).toBe('RUNNING');
    expect(before.processedRows).toBeLessThan(ROWS / 2);

    restarted = await startApi(suite.databaseUrl, JOB_TIMING);
    const { accessToken } = await signIn(
      restarted.graphqlUrl,
      suite.world.users.aAGENT.email,
      PASSWORD,
    );
    const after = await waitForImport(
      restarted.graphqlUrl,
      { token: accessToken, tenantId: suite.world.tenants.a },
      id,
      180_000,
    );
    // Counted once each: a run that started over would count the re-read rows twice.
    expect(after).toMatchObject({
      state: 'SUCCEEDED',
      totalRows: ROWS,
      processedRows: ROWS,
      importedRows: ROWS,
      failedRows: 0,
    });
    const stored = await withClient(suite.databaseUrl, async (db) => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS orders, count(DISTINCT external_id)::int AS distinct_orders,
                sum(amount * 100)::bigint::text AS cents, sum(item_count)::int AS items,
                count(DISTINCT contact_id)::int AS customers,
                (SELECT count(*)::int FROM timeline_event WHERE tenant_id = $1 AND kind = 'ORDER') AS timeline
         FROM customer_order WHERE tenant_id = $1`,
        [suite.world.tenants.a],
      );
      return rows[0];
    });
    expect(stored).toEqual({
      orders: ROWS,
      distinct_orders: ROWS,
      cents: String(cents),
      items: ROWS * 2,
      customers: 7_000,
      timeline: ROWS,
    });
  }, 300_000);
});
