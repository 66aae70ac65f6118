// The CDNOW purchase histories through the product, as a shop would bring them: each file
// imported as orders over HTTP (the CSV path), then a customer value fit (calibration end
// 1997-09-30) until the job is done, with the upkeep running as it does in production.
// Prints the elapsed times and the fitted parameters (the sample's against the papers').
//   pnpm bench bench/cdnow-product.bench.ts
import { migrate } from '@socialcrm/api/migrate';
import { newId } from '@socialcrm/api/new-id';
import { startApi } from '../support/api-process.js';
import { CDNOW_MAPPING, cdnowAsCsv } from '../support/cdnow.js';
import { fitCustomerValue } from '../support/customer-value.js';
import { runImport, uploadImport } from '../support/data-imports.js';
import { databaseUrl, withClient } from '../support/databases.js';
import { signIn } from '../support/graphql-client.js';
import { startPostgresServer } from '../support/postgres-server.js';
import { createWorld, PASSWORD } from '../support/world.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function measure(ownerUrl: string, file: 'sample' | 'master') {
  const world = await createWorld(ownerUrl);
  const api = await startApi(ownerUrl, { LOG_LEVEL: 'warn' });
  try {
    const session = await signIn(api.graphqlUrl, world.users.aMANAGER.email, PASSWORD);
    const caller = { token: session.accessToken, tenantId: world.tenants.a };
    const data = cdnowAsCsv(file);
    const importing = performance.now();
    const { id } = await uploadImport(api.url, caller, 'ORDERS', `CDNOW_${file}.csv`, data.csv);
    const imported = await runImport(
      api.graphqlUrl,
      caller,
      id ?? '',
      { mapping: CDNOW_MAPPING },
      600_000,
    );
    const importMs = performance.now() - importing;
    const fitting = performance.now();
    const fitted = await fitCustomerValue(
      api.graphqlUrl,
      caller,
      { calibrationEnd: '1997-09-30' },
      1_800_000,
    );
    const fitMs = performance.now() - fitting;
    const p = (value: number | undefined) => value?.toFixed(3) ?? '-';
    console.log(
      `\nCDNOW ${file}: ${data.orders.toLocaleString('en-US')} orders, ${data.customers.toLocaleString('en-US')} customers`,
    );
    console.log(
      `  import (upload + job)  ${seconds(importMs)}  ${imported.state}, ${imported.importedRows} rows, ${imported.failedRows} failed`,
    );
    console.log(
      `  fit until done         ${seconds(fitMs)}  ${fitted.state}${fitted.failure ? `: ${fitted.failure}` : ''}, ${fitted.contactsScored} contacts valued, ${fitted.customersSetAside} customers and ${fitted.ordersSetAside} orders set aside, ${fitted.spendCustomersSetAside} left out of the spend fit`,
    );
    console.log(
      `  BG/NBD                 r=${p(fitted.bgNbd?.r)} alpha=${p(fitted.bgNbd?.alpha)} a=${p(fitted.bgNbd?.a)} b=${p(fitted.bgNbd?.b)}${file === 'sample' ? ' (published 0.243 4.414 0.793 2.426)' : ''}`,
    );
    console.log(
      `  Gamma-Gamma            p=${p(fitted.gammaGamma?.p)} q=${p(fitted.gammaGamma?.q)} gamma=${p(fitted.gammaGamma?.gamma)}${file === 'sample' ? ' (published 6.25 3.74 15.44)' : ''}`,
    );
  } finally {
    await api.stop();
  }
}

const server = await startPostgresServer();
try {
  for (const file of ['sample', 'master'] as const) {
    const name = `scrm_bench_${newId().slice(-8)}`;
    await withClient(server.url, (db) => db.query(`CREATE DATABASE ${name}`));
    const ownerUrl = databaseUrl(server.url, name);
    try {
      await migrate(ownerUrl, 'socialcrm_app_test');
      await measure(ownerUrl, file);
    } finally {
      await withClient(server.url, (db) =>
        db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    }
  }
} finally {
  await server.stop();
}
