import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { Redis } from 'ioredis';
import type { ContainerType } from 'type-graphql';
import { advocacyModule } from './modules/advocacy/index.js';
import { apiKeysModule } from './modules/api-keys/index.js';
import { authModule } from './modules/auth/index.js';
import { backgroundJobsModule } from './modules/background-jobs/index.js';
import { brandsModule } from './modules/brands/index.js';
import { companiesModule } from './modules/companies/index.js';
import { connectorsModule } from './modules/connectors/index.js';
import { contactMergeModule } from './modules/contact-merge/index.js';
import { contactsModule } from './modules/contacts/index.js';
import { customFieldsModule } from './modules/custom-fields/index.js';
import { DemoCustomers } from './modules/customer-demo/index.js';
import { customerScoresModule } from './modules/customer-scores/index.js';
import { customerUpkeepModule } from './modules/customer-upkeep/index.js';
import { customerValueModule } from './modules/customer-value/index.js';
import { dataExportModule } from './modules/data-export/index.js';
import { dataImportModule } from './modules/data-import/index.js';
import type { DemoMentions } from './modules/ingest/index.js';
import { ingestModule } from './modules/ingest/index.js';
import { lifecycleModule } from './modules/lifecycle/index.js';
import { listeningSettingsModule } from './modules/listening-settings/index.js';
import { connectFeedSignals, liveFeedModule } from './modules/live-feed/index.js';
import { maturityModule } from './modules/maturity/index.js';
import { mentionsModule } from './modules/mentions/index.js';
import { ordersModule } from './modules/orders/index.js';
import { privacyModule } from './modules/privacy/index.js';
import { reportsModule } from './modules/reports/index.js';
import { segmentsModule } from './modules/segments/index.js';
import { statisticsModule } from './modules/statistics/index.js';
import { tenancyModule } from './modules/tenancy/index.js';
import { timelineModule } from './modules/timeline/index.js';
import { entityClasses, resolverClasses } from './modules.js';
import { AccessTokens } from './platform/auth/access-token.js';
import { createAuthChecker } from './platform/auth/auth-checker.js';
import type { Config } from './platform/config/config.js';
import { contextFromCredentials } from './platform/context/context-from-request.js';
import { createDataSource } from './platform/database/data-source.js';
import { OperationScopes } from './platform/database/operation-scope.js';
import { createErrorFormatter } from './platform/errors/format-error.js';
import { logFailure } from './platform/errors/log-failure.js';
import type { GraphQLContext, LiveSources } from './platform/graphql/graphql-context.js';
import { createArmor, QUERY_LIMITS } from './platform/graphql/limits.js';
import { operationLogPlugin } from './platform/graphql/operation-log-plugin.js';
import { operationMetricsPlugin } from './platform/graphql/operation-metrics-plugin.js';
import { operationScopePlugin } from './platform/graphql/operation-scope-plugin.js';
import { buildApiSchema } from './platform/graphql/schema.js';
import { attachWebSocketServer } from './platform/graphql/websocket-server.js';
import { bodyErrorHandler, createHttpApp, serveAdmin } from './platform/http/http-app.js';
import { JobQueue } from './platform/jobs/job-queue.js';
import { log } from './platform/logging/log.js';
import { startMetricsServer } from './platform/metrics/metrics-server.js';
import { watchPool } from './platform/metrics/pool-metrics.js';
import type { ModuleRoute, RunningModule } from './platform/modules/api-module.js';
import { watchRedis } from './platform/redis/redis-reachability.js';

export interface RunningApi {
  readonly url: string;
  /** Where Prometheus scrapes this process (its own listener, not the public port). */
  readonly metricsUrl: string;
  readonly servesAdmin: boolean;
  /** The demo's mentions (seeded and trickled by main.ts when it runs the demo). */
  readonly demo: DemoMentions;
  /** The demo tenants' customers, orders and email engagement (seeded by main.ts). */
  readonly demoCustomers: DemoCustomers;
  close(): Promise<void>;
}

export interface ApiOptions {
  readonly config: Config;
  readonly runtimeDatabaseUrl: string;
  readonly tokenSecret: string;
  readonly adminDir: string | undefined;
}

const GRAPHQL_PATH = '/graphql';

/** The composition root: builds every service once and serves GraphQL over HTTP and WebSocket. */
export async function startApi({
  config,
  runtimeDatabaseUrl,
  tokenSecret,
  adminDir,
}: ApiOptions): Promise<RunningApi> {
  const runtime = createDataSource(
    runtimeDatabaseUrl,
    config.DATABASE_POOL_SIZE,
    'socialcrm-api',
    entityClasses,
  );
  await runtime.initialize();
  watchPool(runtime);
  const redis = config.REDIS_URL
    ? new Redis(config.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 })
    : undefined;
  const redisReachability = redis ? watchRedis(redis, (message) => log.warn(message)) : undefined;

  // The modules, built in dependency order: each gets the platform's parts and what the
  // modules before it offer.
  const scopes = new OperationScopes(runtime);
  const tokens = new AccessTokens(tokenSecret, config.ACCESS_TOKEN_TTL_SECONDS);
  const jobs = new JobQueue(runtimeDatabaseUrl, {
    expireInSeconds: config.JOB_EXPIRE_SECONDS,
    maintenanceSeconds: config.JOB_MAINTENANCE_SECONDS,
  });
  const auth = authModule.build({ scopes, tokens, config, redis });
  const timeline = timelineModule.build({});
  const customFields = customFieldsModule.build({});
  const contacts = contactsModule.build({
    timeline: timeline.offers.timeline,
    customFields: customFields.offers.customFields,
  });
  const companies = companiesModule.build({
    timeline: timeline.offers.timeline,
    customFields: customFields.offers.customFields,
    contacts: contacts.offers.contacts,
  });
  const liveFeed = liveFeedModule.build({
    scopes,
    signals: await connectFeedSignals(redis),
    pollMs: config.FEED_POLL_INTERVAL_MS,
  });
  const ingest = ingestModule.build({
    scopes,
    tokens,
    feed: liveFeed.offers.feed,
    identities: contacts.offers.identities,
  });
  const orders = ordersModule.build({ scopes, tokens, timeline: timeline.offers.timeline });
  const reports = reportsModule.build({ scopes });
  const segments = segmentsModule.build({
    scopes,
    jobs,
    timeline: timeline.offers.timeline,
    contacts: contacts.offers.contacts,
  });
  const rescored = segments.offers.rescored;
  const scores = customerScoresModule.build({ scopes, jobs, rescored });
  const value = customerValueModule.build({ scopes, jobs, rescored });
  const advocacy = advocacyModule.build({});
  const maturity = maturityModule.build({});
  const lifecycle = lifecycleModule.build({ scopes, jobs, contacts: contacts.offers.contacts });
  const modules: RunningModule<unknown>[] = [
    auth,
    tenancyModule.build({ scopes, sessions: auth.offers.sessions }),
    brandsModule.build({}),
    apiKeysModule.build({}),
    timeline,
    customFields,
    contacts,
    companies,
    contactMergeModule.build({
      timeline: timeline.offers.timeline,
      contacts: contacts.offers.contacts,
    }),
    mentionsModule.build({
      contacts: contacts.offers.contacts,
      timeline: timeline.offers.timeline,
    }),
    liveFeed,
    statisticsModule.build({ scopes, ...liveFeed.offers }),
    ingest,
    orders,
    connectorsModule.build({
      scopes,
      ingestion: ingest.offers.ingestion,
      jobs,
      config,
      tokenSecret,
    }),
    listeningSettingsModule.build({}),
    backgroundJobsModule.build({}),
    dataImportModule.build({
      scopes,
      tokens,
      jobs,
      config,
      targets: [
        contacts.offers.contactImport,
        companies.offers.companyImport,
        orders.offers.orderImport,
        orders.offers.engagementImport,
        advocacy.offers.referralImport,
      ],
    }),
    dataExportModule.build({
      scopes,
      tokens,
      jobs,
      config,
      contactCondition: contacts.offers.contactSelection,
      customFields: customFields.offers.customFields,
    }),
    privacyModule.build({}),
    reports,
    scores,
    value,
    segments,
    advocacy,
    maturity,
    lifecycle,
    // Last: its steps come from the modules above, in the order they must run.
    customerUpkeepModule.build({
      scopes,
      jobs,
      everySeconds: config.CUSTOMER_UPKEEP_SECONDS,
      steps: [
        scores.offers.metricsStep,
        advocacy.offers.influenceStep,
        lifecycle.offers.lifecycleStep,
        scores.offers.rfmStep,
        value.offers.clvStep,
        segments.offers.segmentsStep,
      ],
    }),
  ];
  const live = Object.assign({}, ...modules.map((module) => module.live)) as LiveSources;
  jobs.register(modules.flatMap((module) => module.jobs ?? []));
  const container = resolverContainer(modules.flatMap((module) => module.resolvers ?? []));
  const schema = await buildApiSchema(resolverClasses, container, createAuthChecker());

  const logError = (error: unknown) => logFailure('[api] unexpected error', error);
  const formatError = createErrorFormatter(logError);
  const armor = createArmor();
  const app = createHttpApp({
    runtime,
    adminDir,
    trustProxy: config.TRUST_PROXY,
    redisReachability,
    liveSubscribers: () => liveFeed.offers.channels.subscriberCount(),
  });
  const httpServer: Server = createServer(app);
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    introspection: config.NODE_ENV !== 'production',
    plugins: [
      // graphql-armor is typed against Apollo's CommonJS build; the plugins are the same at run time.
      ...(armor.plugins as unknown as ApolloServerPlugin<GraphQLContext>[]),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginCacheControlDisabled(),
      operationScopePlugin(scopes, logError),
      operationLogPlugin(),
      operationMetricsPlugin(),
    ],
  });
  await apollo.start();
  app.use(
    GRAPHQL_PATH,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        // The request log writes these when the response is sent.
        const logFields: Record<string, unknown> = {};
        res.locals.logFields = logFields;
        const request = await contextFromCredentials(
          {
            authorization: req.header('authorization'),
            tenantId: req.header('x-tenant-id'),
            acceptLanguage: req.header('accept-language'),
            requestId: String(req.id),
            clientAddress: req.ip ?? 'unknown',
          },
          tokens,
        );
        return { live, logFields, request, operation: scopes.operation(request) };
      },
    }),
  );
  // Plain HTTP routes of the modules (ingestion, webhooks) go here, before the admin fallback.
  for (const route of modules.flatMap((module) => module.routes ?? [])) mount(app, route);
  const servesAdmin = serveAdmin(app, adminDir);
  app.use(bodyErrorHandler);

  // Listen first: ws re-emits the HTTP server's errors, which would hide a busy port.
  await listen(httpServer, config.PORT, config.HOST);
  const websocket = attachWebSocketServer(httpServer, GRAPHQL_PATH, {
    schema,
    live,
    tokens,
    scopes,
    validationRules: armor.validationRules,
    formatError,
  });
  const metricsServer = await startMetricsServer(config.METRICS_PORT, config.METRICS_HOST).catch(
    (error: NodeJS.ErrnoException) => {
      // In production a missing metrics endpoint must not go unnoticed; elsewhere (a second
      // clone on one machine) the api runs on without it.
      if (error.code !== 'EADDRINUSE' || config.NODE_ENV === 'production') throw error;
      log.warn(
        `metrics port ${config.METRICS_PORT} is in use; set METRICS_PORT. Running without metrics.`,
      );
      return { url: '(off: port in use)', close: async () => {} };
    },
  );
  await jobs.start();
  for (const module of modules) module.start?.();
  const { port } = httpServer.address() as AddressInfo;

  return {
    url: `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}`,
    servesAdmin,
    metricsUrl: metricsServer.url,
    demo: ingest.offers.demo,
    demoCustomers: new DemoCustomers(
      scopes,
      {
        contacts: contacts.offers.contactImport,
        companies: companies.offers.companyImport,
        orders: orders.offers.orderImport,
        engagement: orders.offers.engagementImport,
      },
      contacts.offers.identities,
    ),
    async close() {
      await metricsServer.close();
      await websocket.close();
      await apollo.stop();
      await jobs.stop();
      for (const module of [...modules].reverse()) await module.stop?.();
      await runtime.destroy();
      redis?.disconnect();
    },
  };
}

/** A port already in use is an error the operator can act on, not a silent half-started api. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is in use; set PORT`);
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error);
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
}

function mount(app: ReturnType<typeof createHttpApp>, route: ModuleRoute): void {
  if (route.method === 'post') app.post(route.path, route.handler);
  else app.use(route.path, route.handler);
}

/** TypeGraphQL asks the container for each resolver class; each was built once above. */
function resolverContainer(instances: readonly object[]): ContainerType {
  const byClass = new Map<unknown, object>(
    instances.map((instance) => [instance.constructor, instance]),
  );
  return {
    get: (someClass) => {
      const instance = byClass.get(someClass);
      if (!instance) throw new Error(`No instance for resolver ${String(someClass)}`);
      return instance;
    },
  };
}
