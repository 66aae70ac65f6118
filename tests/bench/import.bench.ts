// CSV import benchmark: orders through the api's whole CSV path (upload, then the import job:
// decoding, parsing, mapping, the orders target's checks, contacts made on the fly, orders and
// their timeline entries, 2,000 rows per transaction) against a raw COPY of the same rows in
// the same run and database: into a plain table, and into the tables the import writes
// (a contact per customer, the orders, an ORDER timeline entry per order).
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm bench bench/import.bench.ts
//   BENCH_IMPORT_ROWS=200000   orders per run (customers: one per five orders)
//   BENCH_PROFILE=1            the api's CPU profiled during the import, summarised by area
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrate } from '@socialcrm/api/migrate';
import { newId } from '@socialcrm/api/new-id';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { startApi } from '../support/api-process.js';
import { readImport, START_DATA_IMPORT, uploadImport } from '../support/data-imports.js';
import { databaseUrl, withClient } from '../support/databases.js';
import { gql, signIn } from '../support/graphql-client.js';
import { startPostgresServer } from '../support/postgres-server.js';
import { createWorld, PASSWORD } from '../support/world.js';
import { pgCpuMeter, processCpuMs, sleep } from './support/bench-tools.js';
import { printProfile, profilerEnv, startProfiling, stopProfiling } from './support/cpu-profile.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 200_000);
const PROFILE = process.env.BENCH_PROFILE === '1';
const HEADER = 'order,customer,date,amount,currency,items';
const MAPPING = [
  { column: 'order', field: 'externalId' },
  { column: 'customer', field: 'contactExternalId' },
  { column: 'date', field: 'orderedAt' },
  { column: 'amount', field: 'amount' },
  { column: 'currency', field: 'currency' },
  { column: 'items', field: 'itemCount' },
];

interface Run {
  readonly path: string;
  readonly ms: number;
  readonly apiCpuMs?: number;
  readonly pgCpuMs?: number;
}

function ordersCsv(): string {
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const day = new Date(Date.UTC(2024, 0, 1 + (i % 730))).toISOString().slice(0, 10);
    const amount = (1 + ((i * 7919) % 99_900) / 100).toFixed(2);
    lines.push(`B-${i},customer-${i % Math.ceil(ROWS / 5)},${day},${amount},USD,${1 + (i % 3)}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

interface CopyStep {
  readonly sql: string;
  readonly body: string;
}

/** COPY steps in one transaction as the owner; the ms from BEGIN to COMMIT. */
async function copyInto(url: string, steps: readonly CopyStep[], before = ''): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (before) await client.query(before);
    const started = performance.now();
    await client.query('BEGIN');
    for (const { sql, body } of steps) {
      const stream = client.query(copyFrom(sql));
      await new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
        stream.end(body);
      });
    }
    await client.query('COMMIT');
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

/**
 * The rows as the import stores them, in COPY's text format: a contact per customer, the
 * orders, and an ORDER timeline entry per order (in `tenant`).
 */
function storedRows(csv: string, tenant: string) {
  const contacts = new Map<string, string>();
  let contactLines = '';
  let orderLines = '';
  let timelineLines = '';
  for (const line of csv.trim().split('\r\n').slice(1)) {
    const [order, customer = '', date, amount, currency, items] = line.split(',');
    let contactId = contacts.get(customer);
    if (!contactId) {
      contactId = newId();
      contacts.set(customer, contactId);
      contactLines += `${tenant}\t${contactId}\t${customer}\t${customer}\t{}\n`;
    }
    const orderId = newId();
    orderLines += `${tenant}\t${orderId}\t${order}\t${contactId}\t${date}\t${amount}\t${currency}\t${amount}\t${items}\n`;
    const data = JSON.stringify({
      amount,
      currency,
      reportingAmount: amount,
      itemCount: Number(items),
    });
    timelineLines += `${tenant}\t${newId()}\t${contactId}\tORDER\tIMPORT\t${orderId}\t${data}\t${date}\n`;
  }
  return { contactLines, orderLines, timelineLines };
}

async function main() {
  const server = await startPostgresServer();
  const databaseName = `scrm_bench_${newId().slice(-8)}`;
  await withClient(server.url, (db) => db.query(`CREATE DATABASE ${databaseName}`));
  const ownerUrl = databaseUrl(server.url, databaseName);
  const runs: Run[] = [];
  const profileDir = PROFILE ? mkdtempSync(join(tmpdir(), 'import-prof-')) : undefined;
  const profileFile = profileDir && join(profileDir, 'api.cpuprofile');
  try {
    await migrate(ownerUrl, 'socialcrm_app_test');
    const world = await createWorld(ownerUrl);
    const csv = ordersCsv();
    console.log(
      `${ROWS} orders of ${Math.ceil(ROWS / 5)} customers, ${(csv.length / 1e6).toFixed(1)} MB of CSV`,
    );

    const api = await startApi(ownerUrl, {
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      ...profilerEnv(profileFile),
    });
    try {
      const { accessToken } = await signIn(api.graphqlUrl, world.users.aAGENT.email, PASSWORD);
      const agent = { token: accessToken, tenantId: world.tenants.a };
      const pgCpu = await pgCpuMeter(ownerUrl, databaseName);
      const apiCpuBefore = processCpuMs(api.process.pid);
      if (profileFile) startProfiling(api);
      const started = performance.now();
      const { id } = await uploadImport(api.url, agent, 'ORDERS', 'orders.csv', csv);
      const uploadedMs = performance.now() - started;
      const start = await gql(
        api.graphqlUrl,
        START_DATA_IMPORT,
        { id, input: { mapping: MAPPING } },
        agent,
      );
      if (start.errors) throw new Error(JSON.stringify(start.errors));
      let state = await readImport(api.graphqlUrl, agent, id ?? '');
      while (state.state !== 'SUCCEEDED' && state.state !== 'FAILED') {
        await sleep(100);
        state = await readImport(api.graphqlUrl, agent, id ?? '');
      }
      const ms = performance.now() - started;
      if (profileFile) await stopProfiling(api);
      if (state.importedRows !== ROWS)
        throw new Error(
          `imported ${state.importedRows} of ${ROWS} (${state.state} ${state.failure})`,
        );
      runs.push({
        path: 'api CSV import (upload + job)',
        ms,
        apiCpuMs: processCpuMs(api.process.pid) - apiCpuBefore,
        pgCpuMs: await pgCpu(),
      });
      console.log(
        `upload ${(uploadedMs / 1000).toFixed(1)} s, run ${((ms - uploadedMs) / 1000).toFixed(1)} s`,
      );
    } finally {
      await api.stop();
    }

    runs.push({
      path: 'raw COPY into a plain table',
      ms: await copyInto(
        ownerUrl,
        [{ sql: 'COPY bench_order FROM STDIN (FORMAT csv, HEADER true)', body: csv }],
        `CREATE TABLE bench_order (external_id text, customer text, ordered_on date, amount numeric(19, 4),
                                   currency char(3), items int)`,
      ),
    });
    // The tables the import writes, with their keys and indexes: tenant A2's.
    const orderColumns =
      'customer_order (tenant_id, id, external_id, contact_id, ordered_at, amount, currency, reporting_amount, item_count)';
    const stored = storedRows(csv, world.tenants.a2);
    runs.push({
      path: 'raw COPY into contact, customer_order, timeline_event',
      ms: await copyInto(ownerUrl, [
        {
          sql: 'COPY contact (tenant_id, id, display_name, external_id, emails) FROM STDIN',
          body: stored.contactLines,
        },
        { sql: `COPY ${orderColumns} FROM STDIN`, body: stored.orderLines },
        {
          sql: 'COPY timeline_event (tenant_id, id, contact_id, kind, cause, subject_id, data, occurred_at) FROM STDIN',
          body: stored.timelineLines,
        },
      ]),
    });

    const perSecond = (run: Run) => (ROWS * 1000) / run.ms;
    const [imported, plain, all] = runs;
    console.log(`\nImport of ${ROWS} orders (2-core machine, api and PostgreSQL on it):`);
    console.table(
      runs.map((run) => ({
        path: run.path,
        s: (run.ms / 1000).toFixed(1),
        'rows/s': Math.round(perSecond(run)),
        'api CPU µs/row':
          run.apiCpuMs === undefined ? '' : Math.round((run.apiCpuMs * 1000) / ROWS),
        'PG CPU µs/row': run.pgCpuMs === undefined ? '' : Math.round((run.pgCpuMs * 1000) / ROWS),
      })),
    );
    if (imported && plain && all)
      console.log(
        `api import / COPY: plain table ${(perSecond(imported) / perSecond(plain)).toFixed(3)}, ` +
          `the three tables ${(perSecond(imported) / perSecond(all)).toFixed(3)} (aim ≥ 0.333)`,
      );
    if (profileFile) printProfile(profileFile, 'the import', { name: 'row', count: ROWS });
  } finally {
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    await withClient(server.url, (db) =>
      db.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`),
    );
    await server.stop();
  }
}

await main();
