// The brands list through the api against the same SQL over plain pg, with row-level
// security on (the runtime role) and off (the owner, who bypasses it). Each server runs as
// its own process; autocannon loads one at a time, in alternating rounds (the machine is noisy).
//   pnpm bench bench/brands-list.bench.ts        (BENCH_SECONDS=8 BENCH_ROUNDS=2 by default)
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { migrate } from '@socialcrm/api/migrate';
import { newId } from '@socialcrm/api/new-id';
import autocannon from 'autocannon';
import { startApi } from '../support/api-process.js';
import { databaseUrl, runtimeUrl, withClient } from '../support/databases.js';
import { signIn } from '../support/graphql-client.js';
import { startPostgresServer } from '../support/postgres-server.js';
import { createWorld, PASSWORD } from '../support/world.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = 20;
const BRANDS = 60;
const QUERY =
  '{ brands(first: 50) { totalCount edges { cursor node { id name kind keywords hashtags handles excludedTerms createdAt updatedAt } } } }';

interface Target {
  readonly name: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly method: 'GET' | 'POST';
}

async function startPlain(
  database: string,
  tenantId: string,
): Promise<{ url: string; process: ChildProcess }> {
  const script = fileURLToPath(new URL('./support/plain-brands-server.mjs', import.meta.url));
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, DATABASE_URL: database, TENANT_ID: tenantId },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) =>
    child.stdout?.on('data', (chunk: Buffer) =>
      resolve(/GraphQL: (\S+)/.exec(chunk.toString())?.[1] ?? ''),
    ),
  );
  return { url, process: child };
}

async function load(target: Target): Promise<number> {
  const result = await autocannon({
    url: target.url,
    method: target.method,
    headers: target.headers,
    body: target.body,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${target.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main() {
  const server = await startPostgresServer();
  const name = `scrm_bench_${newId().slice(-8)}`;
  await withClient(server.url, (db) => db.query(`CREATE DATABASE ${name}`));
  const ownerUrl = databaseUrl(server.url, name);
  await migrate(ownerUrl, 'socialcrm_app_test');
  const world = await createWorld(ownerUrl);
  const tenantId = world.tenants.a;
  await withClient(ownerUrl, async (db) => {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${tenantId}}`]);
    for (let i = 0; i < BRANDS; i++) {
      await db.query(
        `INSERT INTO tracked_brand (tenant_id, id, name, kind, keywords, hashtags, handles) VALUES ($1, $2, $3, 'OWN', $4, $5, $6)`,
        [
          tenantId,
          newId(),
          `Brand ${i}`,
          [`brand ${i}`, `marca ${i}`],
          [`#brand${i}`],
          [`@brand${i}`],
        ],
      );
    }
    await db.query('COMMIT');
  });

  const apiRls = await startApi(ownerUrl);
  // The owner connection bypasses RLS (superuser): the same api with the second wall down.
  const apiNoRls = await startApi(ownerUrl, { DATABASE_APP_URL: ownerUrl });
  const plainRls = await startPlain(runtimeUrl(ownerUrl), tenantId);
  const plainNoRls = await startPlain(ownerUrl, tenantId);
  const session = await signIn(apiRls.graphqlUrl, world.users.aVIEWER.email, PASSWORD);
  const apiHeaders = {
    'content-type': 'application/json',
    authorization: `Bearer ${session.accessToken}`,
    'x-tenant-id': tenantId,
  };
  const body = JSON.stringify({ query: QUERY });
  const targets: Target[] = [
    { name: 'plain pg, RLS on', url: plainRls.url, method: 'GET', headers: {} },
    { name: 'api, RLS on', url: apiRls.graphqlUrl, method: 'POST', headers: apiHeaders, body },
    { name: 'plain pg, RLS off', url: plainNoRls.url, method: 'GET', headers: {} },
    { name: 'api, RLS off', url: apiNoRls.graphqlUrl, method: 'POST', headers: apiHeaders, body },
  ];
  const samples = new Map<string, number[]>(targets.map((t) => [t.name, []]));
  try {
    for (const target of targets) await load({ ...target }); // warm-up, not counted
    for (let round = 1; round <= ROUNDS; round++) {
      for (const target of targets) samples.get(target.name)?.push(await load(target));
      console.log(
        `round ${round}: ${targets.map((t) => `${t.name} ${Math.round(samples.get(t.name)?.at(-1) ?? 0)}`).join(' | ')} req/s`,
      );
    }
  } finally {
    await Promise.all([apiRls.stop(), apiNoRls.stop()]);
    plainRls.process.kill();
    plainNoRls.process.kill();
    await withClient(server.url, (db) => db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    await server.stop();
  }
  const rps = (target: string) => median(samples.get(target) ?? []);
  console.log(
    `\nBrands list, first 50 of ${BRANDS}, ${CONNECTIONS} connections, ${SECONDS}s x ${ROUNDS} rounds (median req/s):`,
  );
  console.table(targets.map((t) => ({ server: t.name, 'req/s': Math.round(rps(t.name)) })));
  console.log(
    `api / plain, RLS on:   ${(rps('api, RLS on') / rps('plain pg, RLS on')).toFixed(2)}`,
  );
  console.log(
    `api / plain, RLS off:  ${(rps('api, RLS off') / rps('plain pg, RLS off')).toFixed(2)}`,
  );
  console.log(
    `RLS on / off, plain:   ${(rps('plain pg, RLS on') / rps('plain pg, RLS off')).toFixed(2)}`,
  );
  console.log(`RLS on / off, api:     ${(rps('api, RLS on') / rps('api, RLS off')).toFixed(2)}`);
}

await main();
